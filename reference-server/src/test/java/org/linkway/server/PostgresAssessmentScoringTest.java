package org.linkway.server;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/** Outcome scoring over HTTP on a real PostgreSQL, started by the test itself. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresAssessmentScoringTest extends AssessmentScoringContract {

    private final TestPostgres postgres = new TestPostgres();

    @Override
    String databaseUrl() {
        return postgres.url();
    }

    @AfterAll
    void stopPostgres() throws IOException {
        stop(); // the server before its database
        postgres.close();
    }
}
