package org.linkway.server;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.server.testing.LinkwayTestServer;
import org.linkway.server.testing.TestDatabase;

/** The GP practice's suite on a real PostgreSQL. */
class PostgresGpPracticeTest extends GpPracticeContract {

    @RegisterExtension
    static final LinkwayTestServer testServer = server(TestDatabase.POSTGRES);
}
