package org.linkway.server;

/** Closed means closed, on the default database: an SQLite file. */
class SqliteClosedReferralTest extends ClosedReferralContract {

    @Override
    String databaseUrl() {
        return null;
    }
}
