package org.linkway.server.messageback;

import java.util.List;
import java.util.Optional;
import org.linkway.server.http.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** PRSB "Signpost details": each service the person was told about, as recorded, in date order. */
final class SignpostsSection {

    private SignpostsSection() {}

    static Optional<ObjectNode> of(List<JsonNode> signposts) {
        if (signposts.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode section = Json.MAPPER.createObjectNode();
        ArrayNode entries = section.putArray("entries");
        signposts.forEach(s -> entries.add(s.path("signpost").deepCopy()));
        return Optional.of(section);
    }
}
