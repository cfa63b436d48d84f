package org.linkway.server.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkway.server.storage.JdbcStore;

/**
 * A database written before the consent ledger (schema V6) holds decisions the ledger has never
 * seen: the start-up reads them in once, in the order they were recorded, and a withdrawal among
 * them is enforced, including one naming the provider by another identifier than its token.
 */
class LedgerBackfillTest {

    @TempDir
    Path dir;

    @Test
    void decisions_stored_before_the_ledger_are_read_in_once_and_enforced() throws SQLException {
        String url = "jdbc:sqlite:" + dir.resolve("before-v8.db").toAbsolutePath();
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration/sqlite")
                .target("6")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url)) {
            resource(
                    c,
                    "OnwardReferral",
                    "onw-1",
                    "{\"provider\":{\"name\":\"Dev\",\"organisation\":"
                            + "{\"code\":\"NWG42\",\"text\":\"Eastmere Strollers\"},\"charityNumber\":\"1187342\"}}");
            // recorded in this order (the events say so), whatever order their ids sort in
            resource(
                    c,
                    "Consent",
                    "z-given",
                    "{\"decision\":\"given\",\"scope\":[\"onward-provider\"],"
                            + "\"onwardProvider\":{\"name\":\"Dev\",\"charityNumber\":\"1187342\"}}");
            resource(
                    c,
                    "Consent",
                    "a-withdrawn",
                    "{\"decision\":\"withdrawn\",\"scope\":[\"onward-provider\"],"
                            + "\"onwardProvider\":{\"name\":\"Dev\",\"organisation\":{\"code\":\"NWG42\"}}}");
        }
        try (JdbcStore store = JdbcStore.open(url)) {
            assertThat(LedgerBackfill.run(store)).isEqualTo(3);
            assertThat(LedgerBackfill.run(store)).as("once only").isZero();
            ConsentLedger.Coverage coverage = store.read(tx -> ConsentLedger.forProvider(
                    tx,
                    "ref-1",
                    PartyIdentity.of(tx, "ref-1", List.of("1187342"), OrganisationDirectory.NONE),
                    Instant.parse("2026-12-01T00:00:00Z")));
            assertThat(coverage.covered()).isFalse();
            assertThat(coverage.reason()).isEqualTo("consent withdrawn (record a-withdrawn)");
        }
    }

    private static int sequence;

    private static void resource(Connection c, String type, String id, String body) throws SQLException {
        long at = 1_700_000_000_000_000L + (++sequence);
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO resource_latest (type, id, version, referral_id, status, referrer_org, body, created_at, "
                        + "updated_at) VALUES (?, ?, 1, 'ref-1', NULL, NULL, ?, ?, ?)")) {
            s.setString(1, type);
            s.setString(2, id);
            s.setString(3, body);
            s.setLong(4, at);
            s.setLong(5, at);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO event (id, referral_id, type, resource_type, resource_id, resource_version, payload, "
                        + "created_at) VALUES (?, 'ref-1', ?, ?, ?, 1, '{}', ?)")) {
            s.setString(1, "evt-" + id);
            s.setString(2, type.equals("Consent") ? "consent.recorded" : "onward-referral.sent");
            s.setString(3, type);
            s.setString(4, id);
            s.setLong(5, at);
            s.executeUpdate();
        }
    }
}
