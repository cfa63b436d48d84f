package org.linkway.server.sheets;

import org.linkway.model.MessageType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds the referral a row stands for: members and array entries made as a pointer needs them. */
final class ReferralShape {

    /** The link worker service the referral is addressed to: always the importing one. */
    static final String ADDRESSEE = "/referralDetails/entries/0/referralTo/organisation/code";

    private ReferralShape() {}

    static ObjectNode start() {
        ObjectNode doc = org.linkway.server.http.Json.MAPPER.createObjectNode();
        doc.put("resourceType", MessageType.REFERRAL.resourceType());
        doc.put("schemaVersion", MessageType.SCHEMA_VERSION);
        doc.put("prsbVersion", MessageType.PRSB_VERSION);
        return doc;
    }

    /** Sets the value at a pointer of members and indexes (checked by {@link ColumnMapping}), making what is missing. */
    static void set(ObjectNode doc, String pointer, String value) {
        String[] parts = pointer.substring(1).split("/");
        JsonNode node = doc;
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            boolean nextIsIndex = !last && parts[i + 1].matches("[0-9]+");
            if (node instanceof ObjectNode o) {
                if (last) {
                    o.put(parts[i], value);
                } else {
                    JsonNode child = o.get(parts[i]);
                    if (child == null || !(child.isObject() || child.isArray())) {
                        child = nextIsIndex ? o.putArray(parts[i]) : o.putObject(parts[i]);
                    }
                    node = child;
                }
            } else if (node instanceof ArrayNode a && parts[i].matches("[0-9]+")) {
                int index = Math.min(Integer.parseInt(parts[i]), a.size());
                if (last) {
                    if (index < a.size()) {
                        a.set(index, value);
                    } else {
                        a.add(value);
                    }
                } else {
                    if (index == a.size()) {
                        if (nextIsIndex) {
                            a.addArray();
                        } else {
                            a.addObject();
                        }
                    }
                    node = a.get(index);
                }
            } else {
                return; // a member under an array or an index under an object: the mapping contradicts itself
            }
        }
    }
}
