package org.linkway.server.events;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Json;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.StoredEvent;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The feedback loop as a log: every change wrote an event in its own transaction, and
 * {@code GET /v1/events?after=} lets any receiver catch up from where it stopped.
 */
public final class EventRoutes {

    private final Store store;

    public EventRoutes(Store store) {
        this.store = store;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/events", this::pull);
        routes.get("/v1/referrals/{id}/events", this::forReferral);
    }

    void pull(Context ctx) {
        long after = number(ctx, "after", 0, 0, Long.MAX_VALUE);
        int limit = (int) number(ctx, "limit", 100, 1, 1000);
        List<StoredEvent> events = store.transaction(tx -> tx.eventsAfter(after, limit));
        ObjectNode doc = page(events);
        doc.put("next", events.isEmpty() ? after : events.get(events.size() - 1).sequence());
        Json.respond(ctx, 200, doc);
    }

    void forReferral(Context ctx) {
        String id = ctx.pathParam("id");
        List<StoredEvent> events = store.transaction(tx -> {
            if (tx.get("Referral", id).isEmpty()) {
                throw ApiProblem.notFound("referral", id);
            }
            return tx.eventsForReferral(id);
        });
        Json.respond(ctx, 200, page(events));
    }

    private static ObjectNode page(List<StoredEvent> events) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        ArrayNode items = doc.putArray("items");
        for (StoredEvent e : events) {
            items.add(EventJson.of(e));
        }
        return doc;
    }

    private static long number(Context ctx, String name, long fallback, long min, long max) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return fallback;
        }
        try {
            long v = Long.parseLong(text);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the rule
        }
        throw ApiProblem.badParameter(name, "must be a whole number from " + min + " to " + max);
    }
}
