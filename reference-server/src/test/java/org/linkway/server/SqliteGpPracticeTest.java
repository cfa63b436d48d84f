package org.linkway.server;

/** The GP practice's suite on the default database: an SQLite file. */
class SqliteGpPracticeTest extends GpPracticeContract {

    @Override
    String databaseUrl() {
        return null;
    }
}
