package org.linkway.fhir.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Linkway JSON object being consumed by a mapper: every property a mapper writes to a FHIR
 * element is taken out, so what is left at the end is exactly what FHIR had no element for.
 * That remainder travels in the linkway-data extension, which is what makes the binding lossless
 * without pretending FHIR has elements it does not.
 */
final class LinkwayJsonSource {

    private final ObjectNode node;
    /** Containers that were already empty before mapping: pruning must not remove them. */
    private final Set<JsonNode> emptyAtStart;

    private LinkwayJsonSource(ObjectNode node, Set<JsonNode> emptyAtStart) {
        this.node = node;
        this.emptyAtStart = emptyAtStart;
    }

    /** Starts consuming a deep copy of {@code source}; the caller's tree is never changed. */
    static LinkwayJsonSource of(ObjectNode source) {
        ObjectNode copy = source.deepCopy();
        Set<JsonNode> empty = Collections.newSetFromMap(new IdentityHashMap<>());
        markEmpty(copy, empty);
        return new LinkwayJsonSource(copy, empty);
    }

    private static void markEmpty(JsonNode n, Set<JsonNode> empty) {
        if (n.isContainer()) {
            if (n.isEmpty()) {
                empty.add(n);
            }
            for (JsonNode child : n.values()) {
                markEmpty(child, empty);
            }
        }
    }

    boolean has(String name) {
        return node.has(name);
    }

    /** Takes a string property, or null when absent or not a string (then it stays in the remainder). */
    String str(String name) {
        JsonNode v = node.get(name);
        if (v == null || !v.isString()) {
            return null;
        }
        node.remove(name);
        return v.stringValue();
    }

    /** Peeks at a string property without taking it. */
    String peek(String name) {
        JsonNode v = node.get(name);
        return v != null && v.isString() ? v.stringValue() : null;
    }

    /** Takes any property as it is (null when absent). */
    JsonNode take(String name) {
        return node.remove(name);
    }

    /** Consumes a nested object in place (its remainder stays nested in this object's remainder). */
    LinkwayJsonSource child(String name) {
        JsonNode v = node.get(name);
        return v instanceof ObjectNode o ? new LinkwayJsonSource(o, emptyAtStart) : null;
    }

    /** Detaches a nested object: its remainder goes wherever the caller puts it. */
    LinkwayJsonSource detach(String name) {
        JsonNode v = node.get(name);
        // an empty object stays where it is, so the remainder keeps it
        if (!(v instanceof ObjectNode o) || o.isEmpty()) {
            return null;
        }
        node.remove(name);
        return new LinkwayJsonSource(o, emptyAtStart);
    }

    /** A nested array's objects, consumed in place (index placeholders keep positions in the remainder). */
    List<LinkwayJsonSource> items(String name) {
        JsonNode v = node.get(name);
        List<LinkwayJsonSource> out = new ArrayList<>();
        if (v instanceof ArrayNode a) {
            for (JsonNode item : a) {
                if (item instanceof ObjectNode o) {
                    out.add(new LinkwayJsonSource(o, emptyAtStart));
                }
            }
        }
        return out;
    }

    /** Detaches a nested array of objects, each to be mapped to a resource of its own. */
    List<LinkwayJsonSource> detachItems(String name) {
        JsonNode v = node.get(name);
        if (!(v instanceof ArrayNode a) || a.isEmpty()) {
            return List.of();
        }
        for (JsonNode item : a) {
            if (!(item instanceof ObjectNode)) {
                return List.of();
            }
        }
        node.remove(name);
        List<LinkwayJsonSource> out = new ArrayList<>();
        for (JsonNode item : a) {
            out.add(new LinkwayJsonSource((ObjectNode) item, emptyAtStart));
        }
        return out;
    }

    /** Takes an array of strings whole, or null when absent or holding anything but strings. */
    List<String> strings(String name) {
        JsonNode v = node.get(name);
        if (!(v instanceof ArrayNode a) || a.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : a) {
            if (!item.isString()) {
                return null;
            }
            out.add(item.stringValue());
        }
        node.remove(name);
        return out;
    }

    /** Takes a number property, or null. */
    BigDecimal number(String name) {
        JsonNode v = node.get(name);
        if (v == null || !v.isNumber()) {
            return null;
        }
        node.remove(name);
        return v.decimalValue();
    }

    /** Takes a boolean property, or null. */
    Boolean bool(String name) {
        JsonNode v = node.get(name);
        if (v == null || !v.isBoolean()) {
            return null;
        }
        node.remove(name);
        return v.booleanValue();
    }

    /** The object, read only (for deriving ids from content). */
    ObjectNode view() {
        return node;
    }

    /** What is left once mapping is done: null when every property found a FHIR element. */
    ObjectNode rest() {
        prune(node);
        return node.isEmpty() ? null : node;
    }

    /** Removes containers emptied by mapping; returns true when {@code n} itself was emptied. */
    private boolean prune(JsonNode n) {
        if (n instanceof ObjectNode o) {
            List<String> gone = new ArrayList<>();
            for (var e : o.properties()) {
                if (e.getValue().isContainer() && prune(e.getValue())) {
                    gone.add(e.getKey());
                }
            }
            gone.forEach(o::remove);
            return o.isEmpty() && !emptyAtStart.contains(o);
        }
        if (n instanceof ArrayNode a) {
            boolean allGone = true;
            for (JsonNode item : a) {
                allGone &= item.isContainer() && prune(item);
            }
            return allGone && !emptyAtStart.contains(a);
        }
        return false;
    }
}
