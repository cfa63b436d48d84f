package org.linkway.server.reports;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.linkway.server.TestPostgres;

/** The reports over a real PostgreSQL, started by the test itself. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresReportsTest extends ReportsContract {

    private final TestPostgres postgres = new TestPostgres();

    @Override
    String databaseUrl() {
        return postgres.url();
    }

    @AfterAll
    void stopPostgres() throws IOException {
        stop(); // the server before its database, or its background work would find the database gone
        postgres.close();
    }
}
