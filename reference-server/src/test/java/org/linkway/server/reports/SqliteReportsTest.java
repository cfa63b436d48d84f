package org.linkway.server.reports;

/** The reports over the default database: an SQLite file. */
class SqliteReportsTest extends ReportsContract {

    @Override
    String databaseUrl() {
        return null;
    }
}
