package org.linkway.server;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.server.testing.LinkwayTestServer;
import org.linkway.server.testing.TestDatabase;

/** The GP practice's side of the message back on the default database: an SQLite file. */
class SqliteMessageBackRecipientsTest extends MessageBackRecipientsContract {

    @RegisterExtension
    static final LinkwayTestServer testServer = server(TestDatabase.SQLITE);
}
