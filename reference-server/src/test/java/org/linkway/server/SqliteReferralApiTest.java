package org.linkway.server;

/** The API suite on the default database: an SQLite file. */
class SqliteReferralApiTest extends ReferralApiContract {

    @Override
    String databaseUrl() {
        return null;
    }
}
