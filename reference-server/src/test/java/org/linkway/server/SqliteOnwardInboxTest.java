package org.linkway.server;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.server.testing.LinkwayTestServer;

class SqliteOnwardInboxTest extends OnwardInboxContract {
    @RegisterExtension
    static final LinkwayTestServer testServer = LinkwayTestServer.sqlite().clock(clock = new SteppedClock());
}
