package org.linkway.client.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.linkway.client.Event;
import tools.jackson.databind.JsonNode;

/**
 * Reads an event object ({@code Event} in the contract); names the member that is wrong.
 *
 * <pre>{@code
 * Event e = EventJson.read(Codec.mapper().readTree(body));
 * }</pre>
 */
public final class EventJson {

    private EventJson() {}

    /** @throws IllegalArgumentException naming the missing or malformed member */
    public static Event read(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("an event must be a JSON object");
        }
        try {
            return new Event(
                    number(n, "sequence"),
                    text(n, "id"),
                    text(n, "type"),
                    text(n, "referralId"),
                    text(n, "resourceType"),
                    text(n, "resourceId"),
                    number(n, "resourceVersion"),
                    Instant.parse(text(n, "at")),
                    n.has("data") ? Codec.mapper().writeValueAsString(n.get("data")) : "{}");
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("event member 'at' must be a date-time", e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (!v.isString()) {
            throw new IllegalArgumentException("event member '" + field + "' must be text");
        }
        return v.asString();
    }

    private static long number(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException("event member '" + field + "' must be a whole number");
        }
        return v.asLong();
    }
}
