package org.linkway.server;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.server.testing.LinkwayTestServer;
import org.linkway.server.testing.TestDatabase;

/** Closed means closed, on a real PostgreSQL. */
class PostgresClosedReferralTest extends ClosedReferralContract {

    @RegisterExtension
    static final LinkwayTestServer testServer = server(TestDatabase.POSTGRES);
}
