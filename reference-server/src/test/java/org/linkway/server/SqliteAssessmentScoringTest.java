package org.linkway.server;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.server.testing.LinkwayTestServer;
import org.linkway.server.testing.TestDatabase;

/** Outcome scoring over HTTP on the default database: an SQLite file. */
class SqliteAssessmentScoringTest extends AssessmentScoringContract {

    @RegisterExtension
    static final LinkwayTestServer testServer = server(TestDatabase.SQLITE);
}
