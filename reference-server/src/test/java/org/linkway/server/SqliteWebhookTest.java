package org.linkway.server;

/** Webhooks with the default SQLite database. */
class SqliteWebhookTest extends WebhookContract {

    @Override
    String databaseUrl() {
        return null;
    }
}
