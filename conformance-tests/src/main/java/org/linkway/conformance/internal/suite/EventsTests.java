package org.linkway.conformance.internal.suite;

import static org.linkway.conformance.Profile.EVENTS;
import static org.linkway.conformance.internal.TestCase.shall;

import java.util.ArrayList;
import java.util.List;
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
                        EventsTests::perReferral));
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
            if (id.equals(e.path("referralId").asString(""))) {
                mine.add(e.path("type").asString(""));
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
}
