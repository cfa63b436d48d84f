package org.linkway.client;

import java.time.Instant;
import java.util.Objects;
import org.linkway.client.internal.Codec;
import tools.jackson.databind.JsonNode;

/**
 * One change on the server, as the event log ({@code GET /v1/events}) and webhook deliveries
 * carry it: what happened ({@link #type()}, e.g. {@code referral.status-changed}), to which
 * resource and version, and when. Events are delivered at least once: drop one whose
 * {@link #id()} you have handled already.
 *
 * <pre>{@code
 * for (Event e : client.referrals().events(referralId)) {
 *     System.out.println(e.sequence() + " " + e.type() + " -> " + e.data().path("to").asString(""));
 * }
 * }</pre>
 *
 * @param sequence        position in the server's log; increases with every event
 * @param id              unique id of the event
 * @param type            {@code <resource>.<change>}, e.g. {@code referral.received}
 * @param referralId      the referral the changed resource belongs to
 * @param resourceType    the changed resource's type, e.g. {@code Referral}
 * @param resourceId      the changed resource's id
 * @param resourceVersion the resource's version after the change
 * @param at              when the event was written
 * @param dataJson        what changed, as JSON text (see {@link #data()})
 */
public record Event(
        long sequence,
        String id,
        String type,
        String referralId,
        String resourceType,
        String resourceId,
        long resourceVersion,
        Instant at,
        String dataJson) {

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        dataJson = dataJson == null ? "{}" : dataJson;
    }

    /** What changed, e.g. {@code {"from": "received", "to": "accepted", "reason": ...}}; a fresh copy on every call. */
    public JsonNode data() {
        return Codec.mapper().readTree(dataJson);
    }
}
