package org.linkway.fhir.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Building Linkway JSON back from FHIR: native fields first, then the remainder merged in. */
final class LinkwayJsonBuilder {

    static final JsonNodeFactory F = JsonNodeFactory.instance;

    private LinkwayJsonBuilder() {}

    static ObjectNode obj() {
        return F.objectNode();
    }

    static ArrayNode arr() {
        return F.arrayNode();
    }

    static void put(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    static void put(ObjectNode o, String name, JsonNode value) {
        if (value != null && !(value.isContainer() && value.isEmpty())) {
            o.set(name, value);
        }
    }

    /** Sets {@code name: {arrayName: items}} when there are items (an empty section comes back through its remainder). */
    static void section(ObjectNode o, String name, String arrayName, ArrayNode items) {
        if (!items.isEmpty()) {
            o.set(name, obj().set(arrayName, items));
        }
    }

    /**
     * Merges a remainder into a natively built object. Objects merge by property, arrays by
     * position (an empty object in the remainder is a placeholder for an item mapped natively).
     */
    static ObjectNode merge(ObjectNode target, ObjectNode rest) {
        if (rest == null) {
            return target;
        }
        for (var e : rest.properties()) {
            JsonNode mine = target.get(e.getKey());
            JsonNode theirs = e.getValue();
            if (mine == null) {
                target.set(e.getKey(), theirs.deepCopy());
            } else if (mine instanceof ObjectNode mo && theirs instanceof ObjectNode to) {
                merge(mo, to);
            } else if (mine instanceof ArrayNode ma && theirs instanceof ArrayNode ta) {
                for (int i = 0; i < ta.size(); i++) {
                    JsonNode t = ta.get(i);
                    if (i >= ma.size()) {
                        ma.add(t.deepCopy());
                    } else if (ma.get(i) instanceof ObjectNode mi && t instanceof ObjectNode ti) {
                        merge(mi, ti);
                    }
                }
            }
            // a scalar present on both sides: the native FHIR element wins
        }
        return target;
    }
}
