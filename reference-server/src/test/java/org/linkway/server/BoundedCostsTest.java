package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a counterpart can make the server store or compute is bounded by what the schema allows:
 * a charity's feedback with a member the schema does not know is refused and stores nothing;
 * feedback costs storage in its own size, never another copy of the onward referral; an onward
 * referral's feedback has a limit with a clear 409, and what was said before stays readable; a
 * request with a hundred thousand unknown members gets a small answer. Measured in bytes and
 * counts, never in time.
 */
class BoundedCostsTest {

    /** As OnwardFeedback keeps them; the test reaches them over HTTP. */
    static final int MAX_ENTRIES = 250;

    @RegisterExtension
    static final LinkwayTestServer server = LinkwayTestServer.sqlite();

    static ApiClient linkWorker;
    static ApiClient charity;
    static String referral;

    @BeforeAll
    static void referAndConsent() {
        ApiClient admin = new ApiClient(server.port());
        linkWorker = admin.as(server.token(Role.LINK_WORKER, "8EC41"));
        // the walking group of the onward referral example, by its charity number
        charity = admin.as(server.token(Role.PROVIDER, Journeys.PROVIDER));
        referral = linkWorker
                .postJson("/v1/referrals", ReferralApiContract.example("valid/referral--hospital-discharge-carer.json"))
                .json()
                .path("id")
                .asString();
        assertThat(linkWorker
                        .postJson(
                                "/v1/referrals/" + referral + "/consents",
                                ReferralApiContract.example("valid/consent--given-gp-and-provider.json"))
                        .status())
                .isEqualTo(201);
    }

    /** A new onward referral to the walking group, accepted by it; returns its path. */
    static String acceptedOnwardReferral() {
        ApiClient.Answer sent = linkWorker.postJson(
                "/v1/referrals/" + referral + "/onward-referrals", Journeys.onwardReferral("2026-11-02"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String id = sent.json().path("id").asString();
        Journeys.moveOnward(charity, id, 1, "accepted");
        return "/v1/onward-referrals/" + id;
    }

    @Test
    void a_charitys_feedback_with_an_injected_member_is_refused_naming_it_and_nothing_is_stored() {
        String onward = acceptedOnwardReferral();
        int eventsBefore = events();
        ApiClient.Answer refused = charity.postJson(
                onward + "/feedback",
                "{\"at\":\"2026-11-20\",\"text\":\"Came to the walk.\",\"injected\":\"<script>alert(1)</script>\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asString()).isEqualTo("urn:linkway:problem:invalid-feedback");
        JsonNode finding = refused.json().path("findings").get(0);
        assertThat(finding.path("ruleId").asString()).isEqualTo("LW-UNKNOWN-PROPERTY");
        assertThat(finding.path("pointer").asString()).isEqualTo("/injected");
        assertThat(finding.path("message").asString()).contains("'injected'");

        for (ApiClient reader : List.of(linkWorker, charity)) {
            JsonNode read = reader.get(onward).json();
            assertThat(read.has("feedback")).as("nothing stored").isFalse();
            assertThat(read.toString()).doesNotContain("<script>");
        }
        assertThat(events()).as("no event for a refused report").isEqualTo(eventsBefore);

        // the same report without the member is taken
        assertThat(charity.postJson(onward + "/feedback", "{\"at\":\"2026-11-20\",\"text\":\"Came to the walk.\"}")
                        .status())
                .isEqualTo(201);
        assertThat(linkWorker.get(onward).json().path("feedback")).hasSize(1);
    }

    @Test
    @Timeout(240)
    void three_hundred_feedbacks_cost_their_own_size_and_leave_the_onward_referral_at_its_version()
            throws SQLException {
        List<String> onwards = List.of(acceptedOnwardReferral(), acceptedOnwardReferral());
        String[] etags =
                onwards.stream().map(o -> linkWorker.get(o).header("ETag")).toArray(String[]::new);
        String[] versionRows =
                onwards.stream().map(BoundedCostsTest::versionRows).toArray(String[]::new);
        long before = databaseBytes();

        long feedbackBytes = 0;
        for (int i = 0; i < 300; i++) {
            String onward = onwards.get(i % 2);
            ObjectNode entry = LinkwayJson.mapper()
                    .createObjectNode()
                    .put("at", "2026-11-20")
                    .put("attendance", "attended")
                    .put("text", ("Report " + i + ": came to the walk and stayed for tea. ").repeat(20));
            byte[] body = entry.toString().getBytes(StandardCharsets.UTF_8);
            feedbackBytes += body.length;
            ApiClient.Answer added = charity.postJson(onward + "/feedback", entry.toString());
            assertThat(added.status()).as(added.body()).isEqualTo(201);
        }
        long growth = databaseBytes() - before;

        for (int i = 0; i < 2; i++) {
            ApiClient.Answer read = linkWorker.get(onwards.get(i));
            assertThat(read.json().path("feedback")).hasSize(150);
            assertThat(read.json().path("feedback").get(149).path("text").asString())
                    .startsWith("Report " + (298 + i) + ":");
            assertThat(read.header("ETag")).as("feedback is no new version").isEqualTo(etags[i]);
            assertThat(versionRows(onwards.get(i)))
                    .as("no version of the onward referral was written")
                    .isEqualTo(versionRows[i]);
        }
        // each entry once, with its event and audit rows: a few times its size at most, where a
        // new version per report (every earlier entry again) would be about 75 times it
        assertThat(growth)
                .as("database growth for %d bytes of feedback", feedbackBytes)
                .isLessThan(4 * feedbackBytes + 1024 * 1024);
    }

    @Test
    @Timeout(240)
    void the_limit_answers_409_feedback_limit_and_earlier_feedback_stays_readable() {
        String onward = acceptedOnwardReferral();
        for (int i = 0; i < MAX_ENTRIES; i++) {
            ApiClient.Answer added =
                    charity.postJson(onward + "/feedback", "{\"at\":\"2026-11-20\",\"text\":\"Walk " + i + "\"}");
            assertThat(added.status()).as("entry %d: %s", i, added.body()).isEqualTo(201);
        }
        ApiClient.Answer full = charity.postJson(onward + "/feedback", "{\"at\":\"2026-11-21\",\"text\":\"One more\"}");
        assertThat(full.status()).as(full.body()).isEqualTo(409);
        JsonNode problem = full.json();
        assertThat(problem.path("type").asString()).isEqualTo("urn:linkway:problem:feedback-limit");
        assertThat(problem.path("limit").asInt()).isEqualTo(MAX_ENTRIES);
        assertThat(problem.path("entries").asInt()).isEqualTo(MAX_ENTRIES);
        assertThat(problem.path("maxBytes").asLong()).isEqualTo(1024 * 1024);
        assertThat(problem.path("detail").asString()).contains("Earlier feedback is kept and readable");

        for (ApiClient reader : List.of(linkWorker, charity)) {
            JsonNode feedback = reader.get(onward).json().path("feedback");
            assertThat(feedback).hasSize(MAX_ENTRIES);
            assertThat(feedback.get(0).path("text").asString()).isEqualTo("Walk 0");
            assertThat(feedback.get(MAX_ENTRIES - 1).path("text").asString()).isEqualTo("Walk " + (MAX_ENTRIES - 1));
        }
        // the onward referral's lifecycle is not locked by its full feedback
        assertThat(charity.postJson(
                                onward + "/transitions",
                                "{\"to\":\"attended\"}",
                                "If-Match",
                                linkWorker.get(onward).header("ETag"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void a_transition_with_an_unknown_member_is_refused_naming_it() {
        String onward = acceptedOnwardReferral();
        String etag = linkWorker.get(onward).header("ETag");
        ApiClient.Answer refused =
                charity.postJson(onward + "/transitions", "{\"to\":\"attended\",\"note\":\"x\"}", "If-Match", etag);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().path("type").asString()).isEqualTo("urn:linkway:problem:invalid-transition-request");
        assertThat(refused.json().path("findings").get(0).path("pointer").asString())
                .isEqualTo("/note");
        assertThat(linkWorker.get(onward).header("ETag")).as("nothing changed").isEqualTo(etag);

        ApiClient.Answer referralMove = linkWorker.postJson(
                "/v1/referrals/" + referral + "/transitions", "{\"to\":\"accepted\",\"why\":1}", "If-Match", "\"1\"");
        assertThat(referralMove.status()).isEqualTo(422);
        assertThat(referralMove.json().path("findings").get(0).path("pointer").asString())
                .isEqualTo("/why");
    }

    @Test
    void a_subscription_with_150000_unknown_members_gets_a_small_answer_with_the_rest_counted() {
        StringBuilder body = new StringBuilder("{\"url\":\"http://127.0.0.1:9/hook\"");
        for (int i = 0; i < 150_000; i++) {
            body.append(",\"x").append(i).append("\":0");
        }
        body.append('}');
        ApiClient admin = new ApiClient(server.port());
        ApiClient.Answer refused = admin.postJson("/v1/subscriptions", body.toString());
        assertThat(refused.status()).isEqualTo(422);
        JsonNode problem = refused.json();
        assertThat(problem.path("findings")).hasSize(100);
        assertThat(problem.path("findings").get(0).path("pointer").asString()).isEqualTo("/x0");
        assertThat(problem.path("findingsOmitted").asInt()).isEqualTo(150_000 - 100);
        assertThat(refused.body().length())
                .as("the answer to a %d-byte body", body.length())
                .isLessThan(64 * 1024);
    }

    // --- measuring -----------------------------------------------------------------------------

    static int events() {
        return linkWorker
                .get("/v1/referrals/" + referral + "/events")
                .json()
                .path("items")
                .size();
    }

    /** The database's size as its own pages count it (committed write-ahead log included). */
    static long databaseBytes() throws SQLException {
        try (Connection c = DriverManager.getConnection(server.databaseUrl());
                Statement s = c.createStatement()) {
            return single(s, "PRAGMA page_count") * single(s, "PRAGMA page_size");
        }
    }

    /** The onward referral's stored versions: its latest version number and how many superseded rows it has. */
    static String versionRows(String onwardPath) {
        String id = onwardPath.substring(onwardPath.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(server.databaseUrl());
                Statement s = c.createStatement()) {
            return "latest " + single(s, "SELECT version FROM resource_latest WHERE id = '" + id + "'")
                    + ", superseded " + single(s, "SELECT COUNT(*) FROM resource_version WHERE id = '" + id + "'");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
