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
            // a page may hold none of the caller's events while next moves past others': the end is where next stops
            long next = body.path("next").asLong(after);
            if (body.path("items").isEmpty() && next <= after) {
                return after;
            }
            after = next;
        }
        throw new CheckFailed("the event log did not end after 200 pages");
    }
}
