package org.linkway.server;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.server.testing.LinkwayTestServer;

class PostgresOnwardInboxTest extends OnwardInboxContract {
    @RegisterExtension
    static final LinkwayTestServer testServer = LinkwayTestServer.postgres().clock(clock = new SteppedClock());
}
