package org.linkway.server;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.server.testing.LinkwayTestServer;
import org.linkway.server.testing.TestDatabase;

/** The directory suite on SQLite. */
class SqliteDirectoryTest extends DirectoryContract {

    @RegisterExtension
    static final LinkwayTestServer testServer = server(TestDatabase.SQLITE);
}
