package org.linkway.server.events;

import org.linkway.server.http.Json;
import org.linkway.server.storage.StoredEvent;
import tools.jackson.databind.node.ObjectNode;

/** An event as receivers see it: one shape for the pull API and for webhook deliveries. */
final class EventJson {

    private EventJson() {}

    static ObjectNode of(StoredEvent e) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("sequence", e.sequence());
        n.put("id", e.id());
        n.put("type", e.type());
        n.put("referralId", e.referralId());
        n.put("resourceType", e.resourceType());
        n.put("resourceId", e.resourceId());
        n.put("resourceVersion", e.resourceVersion());
        n.put("at", e.at().toString());
        n.set("data", Json.MAPPER.readTree(e.payload()));
        return n;
    }
}
