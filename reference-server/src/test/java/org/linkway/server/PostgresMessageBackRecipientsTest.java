package org.linkway.server;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/** The GP practice's side of the message back on a real PostgreSQL, started by the test itself. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresMessageBackRecipientsTest extends MessageBackRecipientsContract {

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
