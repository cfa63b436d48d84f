package org.linkway.server.events;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Json;
import org.linkway.server.security.FeedFilter;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.StoredEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The feedback loop as a log: every change wrote an event in its own transaction, and
 * {@code GET /v1/events?after=} lets any receiver catch up from where it stopped.
 */
public final class EventRoutes {

    /**
     * At most this many events are scanned for one filtered page: ten pages' worth (at least 500),
     * so an answer stays prompt however little of a busy log is the caller's.
     */
    static final int MAX_SCAN = 10_000;

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
        FeedFilter filter = FeedFilter.of(ctx);
        if (filter == null) {
            List<StoredEvent> events = store.transaction(tx -> tx.eventsAfter(after, limit));
            ObjectNode doc = page(events);
            doc.put(
                    "next",
                    events.isEmpty() ? after : events.get(events.size() - 1).sequence());
            Json.respond(ctx, 200, doc);
            return;
        }
        Json.respond(ctx, 200, scan(filter, after, limit));
    }

    /**
     * The caller's events after {@code after}, judged while scanning the log in batches, so a page
     * is full whenever the log holds enough of them. The scan stops at the limit (next: the last
     * event kept, so none is skipped), at the end of the log, or after its scan budget of
     * events (next: the last event scanned), so a caller with few events on a busy log still gets
     * a prompt answer that says where to resume.
     */
    private ObjectNode scan(FeedFilter filter, long after, int limit) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        ArrayNode items = doc.putArray("items");
        long next = after;
        int budget = Math.min(MAX_SCAN, 10 * Math.max(limit, 50));
        int batchSize = Math.min(1000, budget);
        int scanned = 0;
        while (scanned < budget) {
            long from = next;
            List<StoredEvent> batch = store.transaction(tx -> tx.eventsAfter(from, batchSize));
            if (batch.isEmpty()) {
                break;
            }
            ArrayNode all = Json.MAPPER.createArrayNode();
            batch.forEach(e -> all.add(EventJson.of(e)));
            ArrayNode kept = filter.keep(all);
            for (JsonNode e : kept) {
                if (items.size() == limit) {
                    break;
                }
                items.add(e);
            }
            if (items.size() == limit) {
                next = items.get(limit - 1).path("sequence").asLong();
                break;
            }
            next = batch.get(batch.size() - 1).sequence();
            scanned += batch.size();
            if (batch.size() < batchSize) {
                break;
            }
        }
        doc.put("next", next);
        return doc;
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
