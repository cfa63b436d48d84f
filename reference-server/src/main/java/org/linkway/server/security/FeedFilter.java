package org.linkway.server.security;

import io.javalin.http.Context;
import org.linkway.server.http.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a caller may read of the event log, handed by {@link Security} to the feed route so it
 * judges events while it scans the log rather than after paging: a page then holds up to its
 * limit of the caller's events, and its cursor says how far the scan got even when it found
 * none. Each event is judged by the referral or onward referral it belongs to, exactly as the
 * per-referral reads judge it, and cut to the view consent allows. No attribute: an admin, who
 * reads the whole log.
 */
public final class FeedFilter {

    static final String ATTRIBUTE = "linkway.feed-filter";

    private final AccessDecider decider;
    private final Caller caller;

    FeedFilter(AccessDecider decider, Caller caller) {
        this.decider = decider;
        this.caller = caller;
    }

    /** The filter Security set for this request, or null when the caller reads the whole log. */
    public static FeedFilter of(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }

    /** The events of {@code events} (in log order) the caller may read, each in its view. */
    public ArrayNode keep(ArrayNode events) {
        ObjectNode page = Json.MAPPER.createObjectNode();
        page.set("items", events);
        JsonNode kept = Json.MAPPER.readTree(
                decider.filterList(caller, Json.write(page)).body());
        return (ArrayNode) kept.get("items");
    }
}
