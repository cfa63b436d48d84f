package org.linkway.server.messageback;

import org.linkway.server.http.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the link worker said when closing the referral: how it ended, why, and what the GP
 * practice is asked to do. Kept with the message back (as a server-internal record, never served)
 * so that a later update, when a provider reports on an onward referral, says the same.
 *
 * @param outcome   the ending, e.g. {@code completed}
 * @param reason    why, or null
 * @param gpActions what the GP practice is asked to do, or null
 */
public record Closing(String outcome, String reason, String gpActions) {

    /** The resource type it is stored under, with the referral's id. */
    static final String TYPE = "MessageBackClosing";

    String toJson() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("outcome", outcome);
        if (reason != null) {
            n.put("reason", reason);
        }
        if (gpActions != null) {
            n.put("gpActions", gpActions);
        }
        return Json.write(n);
    }

    static Closing fromJson(String json) {
        JsonNode n = Json.MAPPER.readTree(json);
        return new Closing(
                n.path("outcome").asString(),
                n.path("reason").asString(null),
                n.path("gpActions").asString(null));
    }
}
