package org.linkway.conformance.internal.suite;

import static org.linkway.conformance.Profile.EVENTS;
import static org.linkway.conformance.internal.TestCase.shall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linkway.conformance.KitConfig;
import org.linkway.conformance.internal.Ctx;
import org.linkway.conformance.internal.Http;
import org.linkway.conformance.internal.Journey;
import org.linkway.conformance.internal.TestCase;
import tools.jackson.databind.JsonNode;

/** The feedback loop as a log any receiver can pull from where it stopped. */
final class EventsTests {

    private EventsTests() {}

    static List<TestCase> tests() {
        return List.of(
                shall(
                        "EV-01",
                        EVENTS,
                        "Every change is an event, pulled after a cursor in sequence order; a bad cursor is 400",
                        List.of("LW-EVT-001"),
                        EventsTests::pulled),
                shall(
                        "EV-02",
                        EVENTS,
                        "The events of a referral are listed in order",
                        List.of("LW-EVT-002"),
                        EventsTests::perReferral),
                shall(
                        "EV-07",
                        EVENTS,
                        "Each role's event feed shows exactly the events it reads directly, per referral",
                        List.of("LW-EVT-010"),
                        EventsTests::feedMatchesDirectReads));
    }

    static void pulled(Ctx ctx) {
        long head = EventLog.head(ctx);
        String path = LifecycleTests.reach(ctx, "accepted");
        String id = path.substring(path.lastIndexOf('/') + 1);
        Http.Answer page = ctx.expect(ctx.http().get("/v1/events?after=" + head + "&limit=1000"), 200);
        List<String> mine = new ArrayList<>();
        long last = head;
        for (JsonNode e : page.json().path("items")) {
            long seq = e.path("sequence").asLong();
            ctx.check(seq > last, "%s: sequence %d after %d", page.describe(), seq, last);
            last = seq;
            String type = e.path("type").asString("");
            // the journey's own events; other types may be added (a possible duplicate, say) and are ignored, as the
            // API says receivers do
            if (id.equals(e.path("referralId").asString(""))
                    && (type.equals("referral.received") || type.equals("referral.status-changed"))) {
                mine.add(type);
            }
        }
        ctx.check(mine.size() == 2, "receiving and accepting referral %s wrote events %s; two were expected", id, mine);
        ctx.expect(ctx.http().get("/v1/events?after=yesterday"), 400);
        ctx.expect(ctx.http().get("/v1/events?after=-1"), 400);
    }

    static void perReferral(Ctx ctx) {
        String path = LifecycleTests.reach(ctx, "completed");
        JsonNode items =
                ctx.expect(ctx.http().get(path + "/events"), 200).json().path("items");
        List<String> states = new ArrayList<>();
        long last = 0;
        for (JsonNode e : items) {
            ctx.check(e.path("sequence").asLong() > last, "events of %s out of order", path);
            last = e.path("sequence").asLong();
            if (e.path("data").has("to")) {
                states.add(e.path("data").path("to").asString(""));
            }
        }
        ctx.check(
                states.equals(List.of("received", "accepted", "in-progress", "completed")),
                "the status events of %s say %s, not received, accepted, in-progress, completed",
                path,
                states);
        Journey.etag(ctx, path);
    }

    /**
     * A referral taken to completed (so a message back is issued), then, for each token the kit
     * holds, its events in the feed against what that token reads directly: the referral's events
     * when it may read them, else the message back's events when it may read the message back
     * (a registered GP practice), else none.
     */
    static void feedMatchesDirectReads(Ctx ctx) {
        long head = EventLog.head(ctx);
        String path = Recipients.refer(ctx);
        String id = Recipients.id(path);
        for (String step : List.of("accepted", "in-progress", "completed")) {
            Journey.move(ctx, path, step, null);
        }
        List<JsonNode> all = items(ctx.expect(ctx.http().get(path + "/events"), 200));
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String role : KitConfig.ROLES) {
            ctx.config().ownToken(role).ifPresent(t -> tokens.putIfAbsent(t, role));
        }
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            Http reader = ctx.http().as(token.getKey());
            String who = token.getValue();
            List<JsonNode> expected;
            Http.Answer direct = reader.get(path + "/events");
            if (direct.status() == 200) {
                expected = items(direct);
            } else if (reader.get(path + "/message-back").status() == 200) {
                expected = all.stream()
                        .filter(e -> "MessageBack".equals(e.path("resourceType").asString("")))
                        .toList();
            } else {
                expected = List.of();
            }
            List<JsonNode> seen = Recipients.events(ctx, reader, head, id);
            ctx.check(
                    keys(seen).equals(keys(expected)),
                    "GET /v1/events as %s shows the events %s of referral %s, but it reads %s directly",
                    who,
                    keys(seen),
                    id,
                    keys(expected));
            Http.Answer end = ctx.expect(reader.get("/v1/events?after=" + Long.MAX_VALUE / 2 + "&limit=1"), 200);
            ctx.check(end.json().has("next"), "%s: an empty page of the feed has no next", end.describe());
        }
    }

    private static List<JsonNode> items(Http.Answer a) {
        List<JsonNode> out = new ArrayList<>();
        a.json().path("items").forEach(out::add);
        return out;
    }

    private static List<String> keys(List<JsonNode> events) {
        return events.stream()
                .map(e -> e.path("sequence").asLong() + " " + e.path("type").asString(""))
                .toList();
    }
}
