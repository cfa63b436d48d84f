package org.linkway.server;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.server.testing.LinkwayTestServer;
import org.linkway.server.testing.TestDatabase;

/** Consent against the model on a real (embedded) PostgreSQL: fewer journeys, the same properties. */
class PostgresConsentLedgerTest extends ConsentLedgerContract {

    @RegisterExtension
    static final LinkwayTestServer testServer = server(TestDatabase.POSTGRES);

    @Override
    int shortJourneys() {
        return 8;
    }

    @Override
    int longJourneys() {
        return 1;
    }
}
