package org.linkway.server.reports;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The reports over a real PostgreSQL, started by the test itself. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresReportsTest extends ReportsContract {

    private EmbeddedPostgres postgres;

    @Override
    String databaseUrl() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @AfterAll
    void stopPostgres() throws IOException {
        stop();
        if (postgres != null) {
            postgres.close();
        }
    }
}
