package org.linkway.server.messageback;

import java.util.List;
import java.util.Optional;
import org.linkway.server.http.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * PRSB "Contacts with professionals": each contact record's entry as the link worker recorded
 * it, attempts that reached no one included (the GP sees how hard the service tried), in the
 * order they happened.
 */
final class ContactsSection {

    private ContactsSection() {}

    static Optional<ObjectNode> of(List<JsonNode> contacts) {
        if (contacts.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode section = Json.MAPPER.createObjectNode();
        ArrayNode entries = section.putArray("entries");
        contacts.forEach(c -> entries.add(c.path("contact").deepCopy()));
        return Optional.of(section);
    }
}
