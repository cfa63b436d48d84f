package org.linkway.server;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Webhooks on a real PostgreSQL, started by the test itself. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresWebhookTest extends WebhookContract {

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
        stop(); // the server before its database, or its background work would find the database gone
        if (postgres != null) {
            postgres.close();
        }
    }
}
