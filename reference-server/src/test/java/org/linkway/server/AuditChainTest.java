package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkway.server.security.DevTokens;
import org.linkway.server.security.Role;
import org.linkway.server.storage.AuditEntry;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/** Every request that touches personal data is in a chain nobody can edit without the verifier naming the row. */
class AuditChainTest {

    @TempDir
    Path data;

    /**
     * A create's entry commits with the referral it records (one entry, not two), and what is
     * answered without a write (a replay, a refusal) is still entered once.
     */
    @Test
    void everyCreateAndReplayIsEnteredExactlyOnce() {
        try (LinkwayServer server = LinkwayServer.start(ServerConfig.forTests(data))) {
            ApiClient admin = new ApiClient(server.port());
            String body = ReferralApiContract.example("valid/referral--minimal-self-referral.json");
            String id = admin.postJson("/v1/referrals", body, "Idempotency-Key", "audit-once", "X-Request-Id", "first")
                    .json()
                    .path("id")
                    .asString();
            admin.postJson("/v1/referrals", body, "Idempotency-Key", "audit-once", "X-Request-Id", "retry");
            admin.postJson("/v1/referrals", body, "X-Request-Id", "no-key");
            admin.postJson("/v1/referrals", "{\"resourceType\": \"Referral\"}", "X-Request-Id", "invalid");

            List<AuditEntry> trail = server.store().transaction(tx -> tx.audit().after(0, 100));

            assertThat(trail).extracting(AuditEntry::requestId).containsExactly("first", "retry", "no-key", "invalid");
            assertThat(trail)
                    .extracting(AuditEntry::outcome)
                    .containsExactly("201 allowed", "201 allowed", "201 allowed", "422 allowed");
            assertThat(trail.get(0).resource()).isEqualTo(trail.get(1).resource());
            boolean stored =
                    server.store().transaction(tx -> tx.get("Referral", id).isPresent());
            assertThat(stored).isTrue();
        }
    }

    @Test
    void readsWritesAndRefusalsAreChainedAndATamperedRowIsNamed() throws Exception {
        String referral;
        String requestId = "audit-test-request-1";
        try (LinkwayServer server = LinkwayServer.start(ServerConfig.forTests(data))) {
            ApiClient admin = new ApiClient(server.port());
            ApiClient stranger =
                    admin.as(DevTokens.forPort(server.port()).orElseThrow().mint(Role.REFERRER, "Y03146"));
            referral = admin.postJson(
                            "/v1/referrals",
                            ReferralApiContract.example("valid/referral--hospital-discharge-carer.json"))
                    .json()
                    .path("id")
                    .asString();
            admin.get("/v1/referrals/" + referral, "X-Request-Id", requestId);
            stranger.get("/v1/referrals/" + referral);
            admin.as("forged.token.here").get("/v1/referrals");
            admin.get("/health"); // no personal data: not audited

            List<AuditEntry> trail = server.store().transaction(tx -> tx.audit().after(0, 100));
            assertThat(trail).extracting(AuditEntry::sequence).containsExactly(1L, 2L, 3L, 4L);
            assertThat(trail.get(0).action()).isEqualTo("POST /v1/referrals");
            assertThat(trail.get(0).outcome()).isEqualTo("201 allowed");
            AuditEntry read = trail.get(1);
            assertThat(read.requestId()).isEqualTo(requestId);
            assertThat(read.subject()).isEqualTo("demo-admin@LINKWAY");
            assertThat(read.role()).isEqualTo("admin");
            assertThat(read.action()).isEqualTo("GET /v1/referrals/{id}");
            assertThat(read.resource()).isEqualTo("Referral/" + referral);
            assertThat(trail.get(2).organisation()).isEqualTo("Y03146");
            assertThat(trail.get(2).outcome()).isEqualTo("404 hidden: not the caller's referral");
            assertThat(trail.get(3).subject()).isEqualTo("anonymous");
            assertThat(trail.get(3).outcome()).startsWith("401");
            for (int i = 1; i < trail.size(); i++) {
                assertThat(trail.get(i).previousHash())
                        .isEqualTo(trail.get(i - 1).hash());
            }

            JsonNode verified = admin.get("/v1/audit/verify").json();
            assertThat(verified.path("ok").asBoolean()).isTrue();
            assertThat(verified.path("entries").asLong()).isGreaterThanOrEqualTo(4);
        }

        String url = "jdbc:sqlite:" + data.resolve("linkway.db").toAbsolutePath();
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            // the database refuses an ordinary edit
            assertThatThrownBy(
                            () -> s.executeUpdate("UPDATE audit_entry SET outcome = '200 allowed' WHERE sequence = 3"))
                    .hasMessageContaining("append-only");
            assertThat(run("audit", "verify", "--data-dir", data.toString())).startsWith("0:audit chain OK");
            // someone with the database file drops the guard and rewrites history
            s.executeUpdate("DROP TRIGGER audit_entry_no_update");
            s.executeUpdate("UPDATE audit_entry SET outcome = '200 allowed' WHERE sequence = 3");
        }
        String out = run("audit", "verify", "--data-dir", data.toString());
        assertThat(out).startsWith("1:audit chain BROKEN at entry 3:").contains("edited");

        // a row deleted instead: the gap is named
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.executeUpdate(
                    "UPDATE audit_entry SET outcome = '404 hidden: not the caller''s referral' WHERE sequence = 3");
            assertThat(run("audit", "verify", "--data-dir", data.toString())).startsWith("0:");
            s.executeUpdate("DROP TRIGGER audit_entry_no_delete");
            s.executeUpdate("DELETE FROM audit_entry WHERE sequence = 2");
        }
        assertThat(run("audit", "verify", "--data-dir", data.toString()))
                .startsWith("1:audit chain BROKEN at entry 3:");
    }

    /** Runs the command line in this JVM; answers "exit code:output". */
    private static String run(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int code;
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            code = new CommandLine(new Main()).execute(args);
        } finally {
            System.setOut(original);
        }
        return code + ":" + buffer.toString(StandardCharsets.UTF_8).trim();
    }
}
