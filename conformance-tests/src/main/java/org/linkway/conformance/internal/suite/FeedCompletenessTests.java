package org.linkway.conformance.internal.suite;

import static org.linkway.conformance.Profile.EVENTS;
import static org.linkway.conformance.internal.TestCase.shall;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linkway.conformance.internal.Ctx;
import org.linkway.conformance.internal.Examples;
import org.linkway.conformance.internal.Http;
import org.linkway.conformance.internal.Journey;
import org.linkway.conformance.internal.TestCase;
import tools.jackson.databind.JsonNode;

/**
 * The feed carries every change, not only the referral's status: a subscriber that builds its
 * copy of the journey from events misses every contact and assessment otherwise.
 */
final class FeedCompletenessTests {

    private FeedCompletenessTests() {}

    static List<TestCase> tests() {
        return List.of(shall(
                "EV-08",
                EVENTS,
                "Every journey record written (contact, consent, assessment, signpost, onward referral, care plan) is an event in the feed about it",
                List.of("LW-EVT-011"),
                FeedCompletenessTests::everyRecordIsAnEvent));
    }

    static void everyRecordIsAnEvent(Ctx ctx) {
        long head = EventLog.head(ctx);
        String id = Journey.referId(ctx);
        String path = "/v1/referrals/" + id;
        Map<String, String> written = new LinkedHashMap<>();
        for (RecordDepthTests.Kind k : RecordDepthTests.KINDS) {
            Http.Answer created =
                    ctx.expect(ctx.http("link-worker").postJson(path + k.route(), Examples.json(k.valid())), 201);
            written.put(created.json().path("id").asString(""), k.route());
        }
        ctx.expect(
                ctx.http("link-worker")
                        .putJson(
                                path + "/care-plan",
                                Examples.json("valid/care-plan--goals-and-actions.json"),
                                "If-None-Match",
                                "*"),
                201,
                200);
        List<JsonNode> events = Recipients.events(ctx, ctx.http(), head, id);
        // a care plan is one per referral: its events are known by their resource type
        ctx.check(
                events.stream()
                        .anyMatch(e -> "CarePlan".equals(e.path("resourceType").asString(""))),
                "the care plan agreed for referral %s is not in the feed (its events there: %s)",
                id,
                events.stream().map(e -> e.path("type").asString("")).toList());
        for (Map.Entry<String, String> w : written.entrySet()) {
            boolean found = events.stream()
                    .anyMatch(e -> w.getKey().equals(e.path("resourceId").asString("")));
            ctx.check(
                    found,
                    "the %s record %s of referral %s is not in the feed (its events there: %s)",
                    w.getValue(),
                    w.getKey(),
                    id,
                    events.stream().map(e -> e.path("type").asString("")).toList());
        }
    }
}
