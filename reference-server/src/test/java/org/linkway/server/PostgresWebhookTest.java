package org.linkway.server;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.server.testing.LinkwayTestServer;
import org.linkway.server.testing.TestDatabase;

/** Webhooks on a real PostgreSQL. */
class PostgresWebhookTest extends WebhookContract {

    @RegisterExtension
    static final LinkwayTestServer testServer = server(TestDatabase.POSTGRES);
}
