package org.linkway.server;

/** The GP practice's side of the message back on the default database: an SQLite file. */
class SqliteMessageBackRecipientsTest extends MessageBackRecipientsContract {

    @Override
    String databaseUrl() {
        return null;
    }
}
