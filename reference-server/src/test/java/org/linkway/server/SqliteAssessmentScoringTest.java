package org.linkway.server;

/** Outcome scoring over HTTP on the default database: an SQLite file. */
class SqliteAssessmentScoringTest extends AssessmentScoringContract {

    @Override
    String databaseUrl() {
        return null;
    }
}
