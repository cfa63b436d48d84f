package org.linkway.server.reports;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.server.testing.LinkwayTestServer;
import org.linkway.server.testing.TestDatabase;

/** The reports over a real PostgreSQL. */
class PostgresReportsTest extends ReportsContract {

    @RegisterExtension
    static final LinkwayTestServer testServer = server(TestDatabase.POSTGRES);
}
