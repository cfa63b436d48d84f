package org.linkway.server;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.server.testing.LinkwayTestServer;
import org.linkway.server.testing.TestDatabase;

/** Consent against the model on the default database: an SQLite file. */
class SqliteConsentLedgerTest extends ConsentLedgerContract {

    @RegisterExtension
    static final LinkwayTestServer testServer = server(TestDatabase.SQLITE);

    @Override
    int shortJourneys() {
        return 30;
    }

    @Override
    int longJourneys() {
        return 2;
    }
}
