package org.linkway.server;

import java.util.ArrayList;
import java.util.List;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What the time-rule tests send and read: referrals dated as a GP system dates them, contacts, plans, overdue events. */
final class TimeRuleFixtures {

    static final String SERVICE = "8EC41";

    private TimeRuleFixtures() {}

    /** The full GP referral, referred on {@code date} (PRSB's referral date), to the demo link worker service. */
    static String referralDated(String date) {
        ObjectNode r =
                (ObjectNode) LinkwayJson.mapper().readTree(ReferralApiContract.example(ReferralApiContract.FULL));
        ((ObjectNode) r.path("referralDetails").path("entries").path(0)).put("date", date);
        return r.toString();
    }

    /** A contact made with the person at {@code when}. */
    static String contactAt(String when) {
        ObjectNode c = (ObjectNode)
                LinkwayJson.mapper().readTree(ReferralApiContract.example("valid/contact-record--first-call.json"));
        ((ObjectNode) c.path("contact")).put("dateAndTimeOfContact", when);
        return c.toString();
    }

    /** The example care plan (last updated 2026-04-09, review on 2026-05-07). */
    static String carePlan() {
        return ReferralApiContract.example("valid/care-plan--goals-and-actions.json");
    }

    /**
     * A clock at the real time, for the start (the demo data a development server loads must not
     * be dated after its clock); a test then sets it where its story begins.
     */
    static MovableClock startingNow() {
        return new MovableClock(java.time.Instant.now());
    }

    static String create(ApiClient api, String referral) {
        ApiClient.Answer created = api.postJson("/v1/referrals", referral);
        if (created.status() != 201) {
            throw new AssertionError(created.body());
        }
        return created.json().path("id").asString();
    }

    /** The referral's {@code referral.overdue} events' data, oldest first. */
    static List<JsonNode> overdue(ApiClient admin, String referralId) {
        List<JsonNode> out = new ArrayList<>();
        admin.get("/v1/referrals/" + referralId + "/events")
                .json()
                .path("items")
                .forEach(e -> {
                    if ("referral.overdue".equals(e.path("type").asString())) {
                        out.add(e.path("data"));
                    }
                });
        return out;
    }

    /** The ids on every page of {@code GET /v1/referrals?overdue=true} for this caller. */
    static List<String> overdueIds(ApiClient caller) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            ApiClient.Answer page =
                    caller.get("/v1/referrals?overdue=true&limit=50" + (cursor == null ? "" : "&cursor=" + cursor));
            if (page.status() != 200) {
                throw new AssertionError(page.status() + " " + page.body());
            }
            page.json().path("items").forEach(r -> ids.add(r.path("id").asString()));
            JsonNode next = page.json().path("nextCursor");
            cursor = next.isNull() ? null : next.asString();
        } while (cursor != null);
        return ids;
    }

    static final String RULES_5_CALENDAR_DAYS = "{\"firstContact\":{\"within\":5,\"unit\":\"days\"},"
            + "\"followUp\":{\"enabled\":true,\"within\":14,\"unit\":\"working-days\"},"
            + "\"review\":{\"enabled\":false,\"within\":0,\"unit\":\"days\"}}";
}
