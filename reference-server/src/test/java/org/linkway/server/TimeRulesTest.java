package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linkway.server.TimeRuleFixtures.SERVICE;
import static org.linkway.server.TimeRuleFixtures.carePlan;
import static org.linkway.server.TimeRuleFixtures.contactAt;
import static org.linkway.server.TimeRuleFixtures.create;
import static org.linkway.server.TimeRuleFixtures.overdue;
import static org.linkway.server.TimeRuleFixtures.overdueIds;
import static org.linkway.server.TimeRuleFixtures.referralDated;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;
import tools.jackson.databind.JsonNode;

/**
 * Time rules on SQLite, with the server's clock moved by hand: the defaults, a service's own rules,
 * each overdue raised once, {@code ?overdue=true}, and who may read and change the rules.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TimeRulesTest {

    /** Monday 2 March 2026, noon: the example referral's date. */
    private static final String MONDAY = "2026-03-02T12:00:00Z";

    private static final String START = MONDAY;

    /** Tokens are minted by the server's clock, so each request gets one minted now, wherever the clock is. */
    private static ApiClient lw(LinkwayTestServer s) {
        return as(s, Role.LINK_WORKER, SERVICE);
    }

    private static ApiClient admin(LinkwayTestServer s) {
        return new ApiClient(s.port());
    }

    private static ApiClient as(LinkwayTestServer s, Role role, String organisation) {
        return new ApiClient(s.port(), s.token(role, organisation));
    }

    @Test
    void a_service_without_rules_of_its_own_has_the_defaults_at_version_0() {
        try (LinkwayTestServer s = LinkwayTestServer.sqlite().start()) {
            ApiClient.Answer rules = lw(s).get("/v1/time-rules");
            assertThat(rules.status()).as(rules.body()).isEqualTo(200);
            assertThat(rules.header("ETag")).isEqualTo("\"0\"");
            assertThat(rules.json().toString())
                    .isEqualTo("{\"organisation\":\"8EC41\",\"version\":0,"
                            + "\"firstContact\":{\"enabled\":true,\"within\":3,\"unit\":\"working-days\"},"
                            + "\"followUp\":{\"enabled\":true,\"within\":28,\"unit\":\"days\"},"
                            + "\"review\":{\"enabled\":true,\"within\":0,\"unit\":\"days\"}}");
        }
    }

    @Test
    void first_contact_is_overdue_from_the_day_after_the_third_working_day_and_raised_once() {
        MovableClock clock = TimeRuleFixtures.startingNow();
        try (LinkwayTestServer s = LinkwayTestServer.sqlite().clock(clock).start()) {
            clock.set(START);
            String id = create(lw(s), referralDated("2026-03-02T10:41:00Z"));

            clock.set("2026-03-05T23:59:59Z"); // Thursday, the third working day, still in time
            s.server().sweepTimeRules();
            assertThat(overdue(admin(s), id)).isEmpty();
            assertThat(overdueIds(lw(s))).doesNotContain(id);

            clock.set("2026-03-06T00:00:00Z"); // Friday: overdue
            s.server().sweepTimeRules();
            s.server().sweepTimeRules();
            List<JsonNode> raised = overdue(admin(s), id);
            assertThat(raised).hasSize(1);
            assertThat(raised.get(0).path("rule").asString()).isEqualTo("first-contact");
            assertThat(raised.get(0).path("dueDate").asString()).isEqualTo("2026-03-05");
            assertThat(raised.get(0).path("dueAt").asString()).isEqualTo("2026-03-06T00:00:00Z");
            assertThat(raised.get(0).path("from").asString()).isEqualTo("2026-03-02");
            assertThat(overdueIds(lw(s))).contains(id);

            clock.set("2026-03-09T09:00:00Z"); // a later sweep raises nothing again
            s.server().sweepTimeRules();
            assertThat(overdue(admin(s), id)).hasSize(1);

            // the contact is made late: met, so no longer listed as overdue
            assertThat(lw(s).postJson("/v1/referrals/" + id + "/contacts", contactAt("2026-03-09T08:30:00Z"))
                            .status())
                    .isEqualTo(201);
            assertThat(overdueIds(lw(s))).doesNotContain(id);
        }
    }

    @Test
    void the_receipt_counts_from_when_the_server_received_a_referral_that_carries_no_date() {
        MovableClock clock = TimeRuleFixtures.startingNow();
        try (LinkwayTestServer s = LinkwayTestServer.sqlite().clock(clock).start()) {
            clock.set("2026-12-24T10:00:00Z");
            tools.jackson.databind.node.ObjectNode r = (tools.jackson.databind.node.ObjectNode)
                    org.linkway.model.json.LinkwayJson.mapper().readTree(referralDated("2026-12-24T09:00:00Z"));
            ((tools.jackson.databind.node.ObjectNode)
                            r.path("referralDetails").path("entries").path(0))
                    .remove("date");
            String id = create(lw(s), r.toString());
            // Christmas Eve, a Thursday: Christmas, the weekend and Boxing Day's substitute Monday are not working days
            clock.set("2026-12-31T23:59:00Z");
            s.server().sweepTimeRules();
            assertThat(overdue(admin(s), id)).isEmpty();
            clock.set("2027-01-01T00:00:00Z");
            s.server().sweepTimeRules();
            assertThat(overdue(admin(s), id))
                    .singleElement()
                    .satisfies(d -> assertThat(d.path("dueDate").asString()).isEqualTo("2026-12-31"));
        }
    }

    @Test
    void follow_up_and_review_fall_due_in_english_time_across_the_clock_change() {
        MovableClock clock = TimeRuleFixtures.startingNow();
        try (LinkwayTestServer s = LinkwayTestServer.sqlite().clock(clock).start()) {
            clock.set(START);
            String id = create(lw(s), referralDated("2026-03-02T10:41:00Z"));
            clock.set("2026-03-04T12:00:00Z");
            assertThat(lw(s).postJson("/v1/referrals/" + id + "/contacts", contactAt("2026-03-04T10:05:00Z"))
                            .status())
                    .isEqualTo(201);
            // 28 days after 4 March is 1 April; British Summer Time began on 29 March, so overdue from 23:00 UTC
            clock.set("2026-04-01T22:59:59Z");
            s.server().sweepTimeRules();
            assertThat(overdue(admin(s), id)).isEmpty();
            clock.set("2026-04-01T23:00:00Z");
            s.server().sweepTimeRules();
            assertThat(overdue(admin(s), id)).singleElement().satisfies(d -> {
                assertThat(d.path("rule").asString()).isEqualTo("follow-up");
                assertThat(d.path("dueAt").asString()).isEqualTo("2026-04-01T23:00:00Z");
            });
            // a new contact moves the follow-up on; the plan's review is due by 7 May
            clock.set("2026-04-09T12:00:00Z");
            assertThat(lw(s).postJson("/v1/referrals/" + id + "/contacts", contactAt("2026-04-09T10:00:00Z"))
                            .status())
                    .isEqualTo(201);
            assertThat(lw(s).put("/v1/referrals/" + id + "/care-plan", carePlan(), "If-None-Match", "*")
                            .status())
                    .isEqualTo(201);
            assertThat(overdueIds(lw(s))).doesNotContain(id);
            clock.set("2026-05-08T00:00:00Z"); // 7 May 23:00 UTC has passed: review overdue; follow-up (7 May) too
            s.server().sweepTimeRules();
            List<JsonNode> raised = overdue(admin(s), id);
            assertThat(raised.stream()
                            .map(d -> d.path("rule").asString() + " "
                                    + d.path("dueDate").asString()))
                    .containsExactly("follow-up 2026-04-01", "follow-up 2026-05-07", "review 2026-05-07");
            assertThat(overdueIds(lw(s))).contains(id);
        }
    }

    @Test
    void a_service_sets_its_own_rules_with_if_match_and_they_apply_to_its_referrals() {
        MovableClock clock = TimeRuleFixtures.startingNow();
        try (LinkwayTestServer s = LinkwayTestServer.sqlite().clock(clock).start()) {
            clock.set(START);
            assertThat(lw(s).put("/v1/time-rules", TimeRuleFixtures.RULES_5_CALENDAR_DAYS)
                            .status())
                    .isEqualTo(428);
            ApiClient.Answer set =
                    lw(s).put("/v1/time-rules", TimeRuleFixtures.RULES_5_CALENDAR_DAYS, "If-Match", "\"0\"");
            assertThat(set.status()).as(set.body()).isEqualTo(200);
            assertThat(set.header("ETag")).isEqualTo("\"1\"");
            ApiClient.Answer read = lw(s).get("/v1/time-rules");
            assertThat(read.json()).isEqualTo(set.json());
            assertThat(read.json().path("firstContact").path("within").asInt()).isEqualTo(5);
            assertThat(read.json().path("review").path("enabled").asBoolean()).isFalse();
            // a stale version changes nothing
            ApiClient.Answer stale =
                    lw(s).put("/v1/time-rules", TimeRuleFixtures.RULES_5_CALENDAR_DAYS, "If-Match", "\"0\"");
            assertThat(stale.status()).isEqualTo(412);
            assertThat(stale.json().path("currentVersion").asInt()).isEqualTo(1);
            // sent back as read, with its organisation and version: version 2
            ApiClient.Answer again = lw(s).put("/v1/time-rules", read.body(), "If-Match", "\"1\"");
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.json().path("version").asInt()).isEqualTo(2);

            String id = create(lw(s), referralDated("2026-03-02T10:41:00Z"));
            clock.set("2026-03-07T23:00:00Z"); // five calendar days: Saturday 7 March is the last
            s.server().sweepTimeRules();
            assertThat(overdue(admin(s), id)).isEmpty();
            clock.set("2026-03-08T00:00:00Z");
            s.server().sweepTimeRules();
            assertThat(overdue(admin(s), id)).singleElement().satisfies(d -> {
                assertThat(d.path("dueDate").asString()).isEqualTo("2026-03-07");
                assertThat(d.path("within").asInt()).isEqualTo(5);
                assertThat(d.path("unit").asString()).isEqualTo("days");
            });
        }
    }

    @Test
    void bad_rules_are_refused_with_a_finding_per_problem_and_nothing_changes() {
        try (LinkwayTestServer s = LinkwayTestServer.sqlite().start()) {
            ApiClient.Answer bad = lw(s).put(
                            "/v1/time-rules",
                            "{\"firstContact\":{\"within\":0,\"unit\":\"working-days\"},"
                                    + "\"followUp\":{\"within\":28,\"unit\":\"weeks\",\"colour\":\"red\"},"
                                    + "\"review\":{\"enabled\":\"yes\",\"within\":-1,\"unit\":\"days\"},\"extra\":1}",
                            "If-Match",
                            "\"0\"");
            assertThat(bad.status()).as(bad.body()).isEqualTo(422);
            assertThat(bad.json().path("type").asString()).isEqualTo("urn:linkway:problem:invalid-time-rules");
            assertThat(StreamSupport.stream(bad.json().path("findings").spliterator(), false)
                            .map(f -> f.path("ruleId").asString() + " "
                                    + f.path("pointer").asString()))
                    .containsExactlyInAnyOrder(
                            "LW-TIME-RULE-FIELD /extra",
                            "LW-TIME-RULE-WITHIN /firstContact/within",
                            "LW-TIME-RULE-FIELD /followUp/colour",
                            "LW-TIME-RULE-UNIT /followUp/unit",
                            "LW-TIME-RULE-ENABLED /review/enabled",
                            "LW-TIME-RULE-WITHIN /review/within");
            ApiClient.Answer missing = lw(s).put(
                            "/v1/time-rules",
                            "{\"firstContact\":{\"within\":3,\"unit\":\"days\"}}",
                            "If-Match",
                            "\"0\"");
            assertThat(missing.status()).isEqualTo(422);
            assertThat(missing.body()).contains("/followUp", "/review", "LW-TIME-RULE-REQUIRED");
            ApiClient.Answer other = lw(s).put(
                            "/v1/time-rules",
                            TimeRuleFixtures.RULES_5_CALENDAR_DAYS.replace(
                                    "{\"firstContact\"", "{\"organisation\":\"X1234\",\"firstContact\""),
                            "If-Match",
                            "\"0\"");
            assertThat(other.status()).isEqualTo(422);
            assertThat(other.body()).contains("LW-TIME-RULE-ORGANISATION");
            assertThat(lw(s).put("/v1/time-rules", "[1,2]", "If-Match", "\"0\"").status())
                    .isEqualTo(400);
            assertThat(lw(s).get("/v1/time-rules").json().path("version").asInt())
                    .isZero();
        }
    }

    @Test
    void only_a_link_worker_service_reads_and_sets_its_own_rules_and_an_admin_names_one() {
        try (LinkwayTestServer s = LinkwayTestServer.sqlite().start()) {
            assertThat(lw(s).put("/v1/time-rules", TimeRuleFixtures.RULES_5_CALENDAR_DAYS, "If-Match", "\"0\"")
                            .status())
                    .isEqualTo(200);

            // another service cannot read or change them, and its own are untouched
            assertThat(as(s, Role.LINK_WORKER, "9XY99")
                            .get("/v1/time-rules?organisation=8EC41")
                            .status())
                    .isEqualTo(403);
            assertThat(as(s, Role.LINK_WORKER, "9XY99")
                            .put(
                                    "/v1/time-rules?organisation=8EC41",
                                    TimeRuleFixtures.RULES_5_CALENDAR_DAYS,
                                    "If-Match",
                                    "\"1\"")
                            .status())
                    .isEqualTo(403);
            ApiClient.Answer its = as(s, Role.LINK_WORKER, "9XY99").get("/v1/time-rules");
            assertThat(its.json().path("organisation").asString()).isEqualTo("9XY99");
            assertThat(its.json().path("version").asInt()).isZero();
            assertThat(lw(s).get("/v1/time-rules?organisation=8EC41")
                            .json()
                            .path("version")
                            .asInt())
                    .isEqualTo(1);

            for (Role role : List.of(Role.REFERRER, Role.PROVIDER, Role.COMMISSIONER)) {
                ApiClient them = new ApiClient(s.port(), s.token(role));
                assertThat(them.get("/v1/time-rules").status()).as(role.claim()).isEqualTo(403);
                assertThat(them.put("/v1/time-rules", TimeRuleFixtures.RULES_5_CALENDAR_DAYS, "If-Match", "\"1\"")
                                .status())
                        .as(role.claim())
                        .isEqualTo(403);
            }
            assertThat(admin(s).get("/v1/time-rules").status()).isEqualTo(400);
            assertThat(admin(s).get("/v1/time-rules?organisation=8EC41")
                            .json()
                            .path("version")
                            .asInt())
                    .isEqualTo(1);
            assertThat(admin(s).get("/v1/time-rules?organisation=not-a-code").status())
                    .isEqualTo(400);
        }
    }

    @Test
    void overdue_listing_keeps_to_what_each_caller_may_see() {
        MovableClock clock = TimeRuleFixtures.startingNow();
        try (LinkwayTestServer s = LinkwayTestServer.sqlite().clock(clock).start()) {
            clock.set(START);
            String overdue = create(lw(s), referralDated("2026-03-02T10:41:00Z"));
            clock.set("2026-03-10T12:00:00Z");
            String fresh = create(lw(s), referralDated("2026-03-10T09:00:00Z"));
            String closed = create(lw(s), referralDated("2026-03-02T10:41:00Z"));
            assertThat(lw(s).postJson(
                                    "/v1/referrals/" + closed + "/transitions",
                                    "{\"to\":\"rejected\",\"reason\":\"Not for this service\"}",
                                    "If-Match",
                                    "\"1\"")
                            .status())
                    .isEqualTo(200);

            assertThat(overdueIds(lw(s))).contains(overdue).doesNotContain(fresh, closed);
            assertThat(overdueIds(as(s, Role.REFERRER, "Y03146")))
                    .contains(overdue)
                    .doesNotContain(fresh, closed);
            assertThat(overdueIds(as(s, Role.LINK_WORKER, "9XY99"))).isEmpty();
            assertThat(overdueIds(as(s, Role.REFERRER, "B82005"))).isEmpty();
            assertThat(new ApiClient(s.port(), s.token(Role.PROVIDER))
                            .get("/v1/referrals?overdue=true")
                            .status())
                    .isEqualTo(403);
            assertThat(lw(s).get("/v1/referrals?overdue=yes").status()).isEqualTo(400);
            assertThat(lw(s).get("/v1/referrals?overdue=true&status=rejected")
                            .json()
                            .path("items"))
                    .isEmpty();
            // paged one at a time, every overdue one is reached once
            List<String> all = overdueIds(lw(s));
            List<String> paged = new java.util.ArrayList<>();
            String cursor = null;
            do {
                JsonNode page = lw(s).get(
                                "/v1/referrals?overdue=true&limit=1" + (cursor == null ? "" : "&cursor=" + cursor))
                        .json();
                page.path("items").forEach(r -> paged.add(r.path("id").asString()));
                cursor = page.path("nextCursor").isNull()
                        ? null
                        : page.path("nextCursor").asString();
            } while (cursor != null);
            assertThat(paged).containsExactlyElementsOf(all);
        }
    }
}
