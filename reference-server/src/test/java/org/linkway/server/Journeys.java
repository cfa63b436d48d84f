package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Steps of a referral's journey over HTTP, as a link worker's system makes them, for the tests
 * of what a closed referral accepts and what its message back carries. Every step asserts that
 * the server took it, so a test fails where the journey broke.
 */
final class Journeys {

    /** The charity number of the walking group in the onward referral example; a provider token names it. */
    static final String PROVIDER = "1187342";

    private static final AtomicInteger REFERRERS = new AtomicInteger();

    private final ApiClient api;

    Journeys(ApiClient api) {
        this.api = api;
    }

    /** A fresh referrer organisation code, so a test's referrer sees only its own referrals. */
    static String newReferrerOrg() {
        return String.format("C%04d", (System.nanoTime() / 1000 + REFERRERS.incrementAndGet()) % 10_000);
    }

    /** Receives the full GP referral, from {@code referrerOrg}; returns its id. */
    String refer(String referrerOrg) {
        ObjectNode doc = tree(ReferralApiContract.example(ReferralApiContract.FULL));
        ((ObjectNode) doc.at("/referralDetails/entries/0/referrerDetails/organisation")).put("code", referrerOrg);
        ApiClient.Answer created = api.postJson("/v1/referrals", doc.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /** Moves the referral; returns the new ETag version. */
    long move(String id, long version, String to, String reason, String gpActions) {
        ObjectNode body = LinkwayJson.mapper().createObjectNode().put("to", to);
        if (reason != null) {
            body.put("reason", reason);
        }
        if (gpActions != null) {
            body.put("gpActions", gpActions);
        }
        ApiClient.Answer moved = api.postJson(
                "/v1/referrals/" + id + "/transitions", body.toString(), "If-Match", "\"" + version + "\"");
        assertThat(moved.status()).as(to + ": " + moved.body()).isEqualTo(200);
        return version + 1;
    }

    /** Takes a received referral (version 1) to {@code ending} by the shortest legal path. */
    void close(String id, String ending, String reason, String gpActions) {
        switch (ending) {
            case "rejected", "cancelled" -> move(id, 1, ending, reason, gpActions);
            case "declined", "unable-to-contact" ->
                move(id, move(id, 1, "accepted", null, null), ending, reason, gpActions);
            case "completed" ->
                move(
                        id,
                        move(id, move(id, 1, "accepted", null, null), "in-progress", null, null),
                        ending,
                        reason,
                        gpActions);
            default -> throw new IllegalArgumentException(ending);
        }
    }

    /** Posts a journey record under the referral; returns the answer (asserting nothing). */
    ApiClient.Answer record(String id, String kind, String body) {
        return api.postJson("/v1/referrals/" + id + "/" + kind, body);
    }

    /** Posts and asserts 201; returns the stored record. */
    JsonNode recorded(String id, String kind, String body) {
        ApiClient.Answer created = record(id, kind, body);
        assertThat(created.status()).as(kind + ": " + created.body()).isEqualTo(201);
        return created.json();
    }

    static ObjectNode tree(String json) {
        return (ObjectNode) LinkwayJson.mapper().readTree(json);
    }

    static String contact(String attempt, String at, String what) {
        ObjectNode c = tree(ReferralApiContract.example("valid/contact-record--first-call.json"));
        c.put("attempt", attempt);
        ((ObjectNode) c.get("contact")).put("dateAndTimeOfContact", at).put("contactType", what);
        return c.toString();
    }

    static String signpost(String date, String organisation) {
        ObjectNode s = tree(ReferralApiContract.example("valid/signpost--debt-advice.json"));
        ((ObjectNode) s.get("signpost")).put("date", date);
        ((ObjectNode) s.at("/signpost/signpostTo")).put("organisation", organisation);
        return s.toString();
    }

    /** ONS4 with the four answers as given (0 to 10), scored consistently: each subscale is its item. */
    static String ons4(String at, int satisfaction, int worthwhile, int happiness, int anxiety) {
        ObjectNode a = tree(ReferralApiContract.example("valid/assessment--ons4-baseline.json"));
        a.put("administeredAt", at);
        int[] values = {satisfaction, worthwhile, happiness, anxiety};
        for (int i = 0; i < 4; i++) {
            ((ObjectNode) a.get("itemResponses").get(i)).put("value", values[i]);
            ((ObjectNode) a.at("/assessment/structuredAssessment/subscaleResult")
                            .get(i))
                    .put("value", values[i]);
        }
        return a.toString();
    }

    /** SWEMWBS with seven answers (1 to 5) and its raw total. */
    static String swemwbs(String at, int[] answers) {
        ObjectNode a = tree(ReferralApiContract.example("valid/assessment--swemwbs-review.json"));
        a.put("administeredAt", at);
        int total = 0;
        for (int i = 0; i < 7; i++) {
            ((ObjectNode) a.get("itemResponses").get(i)).put("value", answers[i]);
            total += answers[i];
        }
        ((ObjectNode) a.at("/assessment/structuredAssessment/assessmentResult")).put("value", total);
        return a.toString();
    }

    /** The care plan example, marked so versions differ, agreed with the person or not. */
    static String carePlan(String marker, boolean agreed) {
        ObjectNode p = tree(ReferralApiContract.example("valid/care-plan--goals-and-actions.json"));
        ((ObjectNode) p.at("/careAndSupportPlan/strengths/0")).put("text", marker);
        ((ObjectNode) p.at("/careAndSupportPlan/agreedWithPersonOrLegitimateRepresentative"))
                .put("personOrLegitimateRepresentative", agreed);
        return p.toString();
    }

    /** Stores the plan's next version (creating it first); returns the stored version. */
    JsonNode agreePlan(String id, int version, String body) {
        ApiClient.Answer put = version == 1
                ? api.put("/v1/referrals/" + id + "/care-plan", body, "If-None-Match", "*")
                : api.put("/v1/referrals/" + id + "/care-plan", body, "If-Match", "\"" + (version - 1) + "\"");
        assertThat(put.status()).as(put.body()).isIn(200, 201);
        return put.json();
    }

    /** The walking group onward referral, made on {@code date}, without the example's feedback. */
    static String onwardReferral(String date) {
        ObjectNode o = tree(ReferralApiContract.example("valid/onward-referral--walking-group-with-feedback.json"));
        o.remove("feedback");
        ((ObjectNode) o.get("referral")).put("date", date);
        return o.toString();
    }

    /** Moves an onward referral with the caller given; returns its new version. */
    static long moveOnward(ApiClient as, String onwardId, long version, String to) {
        String reason = to.equals("declined") || to.equals("did-not-attend") ? ",\"reason\":\"Told us by phone\"" : "";
        ApiClient.Answer moved = as.postJson(
                "/v1/onward-referrals/" + onwardId + "/transitions",
                "{\"to\":\"" + to + "\"" + reason + "}",
                "If-Match",
                "\"" + version + "\"");
        assertThat(moved.status()).as(to + ": " + moved.body()).isEqualTo(200);
        return version + 1;
    }

    static ApiClient.Answer feedback(ApiClient as, String onwardId, String at, String attendance, String text) {
        ObjectNode f = LinkwayJson.mapper().createObjectNode().put("at", at).put("text", text);
        if (attendance != null) {
            f.put("attendance", attendance);
        }
        return as.postJson("/v1/onward-referrals/" + onwardId + "/feedback", f.toString());
    }

    /** The texts of a message back's plan and requested actions entries. */
    static List<String> planTexts(JsonNode messageBack) {
        List<String> out = new ArrayList<>();
        messageBack
                .at("/planAndRequestedActions/entries")
                .forEach(e -> out.add(e.path("actionsForProfessionals").asString("")));
        return out;
    }
}
