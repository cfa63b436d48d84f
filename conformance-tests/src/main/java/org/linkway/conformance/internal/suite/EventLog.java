package org.linkway.conformance.internal.suite;

import org.linkway.conformance.internal.CheckFailed;
import org.linkway.conformance.internal.Ctx;
import org.linkway.conformance.internal.Http;
import tools.jackson.databind.JsonNode;

/** Reads the server's event log, to see whether something was written. */
final class EventLog {

    private EventLog() {}

    /** The sequence of the latest event (0 if none); pages through at most 200 000 events. */
    static long head(Ctx ctx) {
        long after = 0;
        for (int page = 0; page < 200; page++) {
            Http.Answer a = ctx.expect(ctx.http().get("/v1/events?after=" + after + "&limit=1000"), 200);
            JsonNode body = a.json();
            if (body.path("items").isEmpty()) {
                return after;
            }
            after = body.path("next").asLong();
        }
        throw new CheckFailed("the event log did not end after 200 pages");
    }
}
