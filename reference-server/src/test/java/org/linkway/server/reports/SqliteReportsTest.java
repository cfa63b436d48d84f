package org.linkway.server.reports;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.server.testing.LinkwayTestServer;
import org.linkway.server.testing.TestDatabase;

/** The reports over the default database: an SQLite file. */
class SqliteReportsTest extends ReportsContract {

    @RegisterExtension
    static final LinkwayTestServer testServer = server(TestDatabase.SQLITE);
}
