package org.linkway.schemas.compat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import org.linkway.schemas.compat.SchemaSet.Located;
import tools.jackson.databind.JsonNode;

/**
 * Everything that applies at one place in an instance: a schema node with its {@code $ref}
 * targets and {@code allOf} members, all of which must hold (a conjunction). Reading a keyword
 * through the view gives its combined effect: the smallest maximum, the largest minimum, the
 * types and values all of them allow, every required name, every pattern.
 */
final class SchemaView {

    /** Keywords this guard does not reason about: any change to them fails, to be judged by a person. */
    static final List<String> UNJUDGED = List.of(
            "anyOf",
            "oneOf",
            "not",
            "if",
            "then",
            "else",
            "dependentSchemas",
            "dependentRequired",
            "patternProperties",
            "propertyNames",
            "contains",
            "minContains",
            "maxContains",
            "prefixItems",
            "unevaluatedItems",
            "$dynamicRef");

    static final SchemaView ANYTHING = new SchemaView(List.of());

    private final List<Located> nodes;

    private SchemaView(List<Located> nodes) {
        this.nodes = nodes;
    }

    /** The view at {@code start}: it, and what its $ref and allOf bring in, each once. */
    static SchemaView of(SchemaSet set, List<Located> start) {
        List<Located> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Located l : start) {
            expand(set, l, out, seen);
        }
        return new SchemaView(out);
    }

    private static void expand(SchemaSet set, Located at, List<Located> out, Set<String> seen) {
        if (at == null || !seen.add(at.location())) {
            return;
        }
        out.add(at);
        JsonNode n = at.node();
        if (!n.isObject()) {
            return;
        }
        if (n.has("$ref")) {
            expand(set, set.resolve(at), out, seen);
        }
        JsonNode all = n.path("allOf");
        for (int i = 0; i < all.size(); i++) {
            expand(set, at.child("allOf", all).child(String.valueOf(i), all.get(i)), out, seen);
        }
    }

    /** Identifies the view for cycle detection: the locations it is made of. */
    String key() {
        return nodes.stream().map(Located::location).collect(Collectors.joining(","));
    }

    /** The places the view is made of. */
    List<String> locations() {
        return nodes.stream().map(Located::location).toList();
    }

    /** Where the view starts, for messages. */
    String location() {
        return nodes.isEmpty() ? "(anything)" : nodes.get(0).location();
    }

    boolean acceptsNothing() {
        return nodes.stream().anyMatch(l -> l.node().isBoolean() && !l.node().asBoolean());
    }

    /** The JSON types allowed, or null when no node constrains the type. */
    Set<String> types() {
        Set<String> out = null;
        for (Located l : nodes) {
            JsonNode t = l.node().path("type");
            if (t.isMissingNode()) {
                continue;
            }
            Set<String> these = new LinkedHashSet<>();
            if (t.isString()) {
                these.add(t.asString());
            } else {
                t.forEach(x -> these.add(x.asString()));
            }
            if (these.contains("number")) {
                these.add("integer");
            }
            if (out == null) {
                out = these;
            } else {
                out.retainAll(these);
            }
        }
        return out;
    }

    /** The tightest upper bound (the smallest value) of a max keyword, if any node has one. */
    OptionalDouble upper(String keyword) {
        return nodes.stream()
                .map(Located::node)
                .filter(n -> n.path(keyword).isNumber())
                .mapToDouble(n -> n.get(keyword).asDouble())
                .min();
    }

    /** The tightest lower bound (the largest value) of a min keyword, if any node has one. */
    OptionalDouble lower(String keyword) {
        return nodes.stream()
                .map(Located::node)
                .filter(n -> n.path(keyword).isNumber())
                .mapToDouble(n -> n.get(keyword).asDouble())
                .max();
    }

    /** The values allowed by every {@code enum} and {@code const}, or null when none restricts them. */
    Set<JsonNode> allowedValues() {
        Set<JsonNode> out = null;
        for (Located l : nodes) {
            Set<JsonNode> these = null;
            if (l.node().has("const")) {
                these = new LinkedHashSet<>(List.of(l.node().get("const")));
            } else if (l.node().path("enum").isArray()) {
                these = new LinkedHashSet<>();
                l.node().get("enum").forEach(these::add);
            }
            if (these != null) {
                if (out == null) {
                    out = these;
                } else {
                    out.retainAll(these);
                }
            }
        }
        return out;
    }

    /** Every value of a string keyword ({@code pattern}, {@code format}, {@code multipleOf} as text). */
    Set<String> texts(String keyword) {
        Set<String> out = new LinkedHashSet<>();
        for (Located l : nodes) {
            JsonNode v = l.node().path(keyword);
            if (!v.isMissingNode()) {
                out.add(v.isString() ? v.asString() : v.toString());
            }
        }
        return out;
    }

    boolean flag(String keyword) {
        return nodes.stream().anyMatch(l -> l.node().path(keyword).asBoolean(false));
    }

    Set<String> required() {
        Set<String> out = new LinkedHashSet<>();
        nodes.forEach(l -> l.node().path("required").forEach(r -> out.add(r.asString())));
        return out;
    }

    /** Each property name with every subschema the view gives it. */
    Map<String, List<Located>> properties() {
        Map<String, List<Located>> out = new LinkedHashMap<>();
        for (Located l : nodes) {
            JsonNode props = l.node().path("properties");
            Located at = l.child("properties", props);
            for (Map.Entry<String, JsonNode> p : props.properties()) {
                out.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(at.child(p.getKey(), p.getValue()));
            }
        }
        return out;
    }

    /** True when members the view does not name are refused. */
    boolean closed() {
        return nodes.stream()
                .anyMatch(l -> isFalse(l.node().path("additionalProperties"))
                        || isFalse(l.node().path("unevaluatedProperties")));
    }

    private static boolean isFalse(JsonNode n) {
        return n.isBoolean() && !n.asBoolean();
    }

    /** The subschemas of a keyword whose value is a schema object ({@code items}, {@code additionalProperties}). */
    List<Located> subschemas(String keyword) {
        List<Located> out = new ArrayList<>();
        for (Located l : nodes) {
            JsonNode v = l.node().path(keyword);
            if (v.isObject()) {
                out.add(l.child(keyword, v));
            }
        }
        return out;
    }

    /** The raw values of a keyword the guard does not reason about, in view order. */
    List<JsonNode> raw(String keyword) {
        List<JsonNode> out = new ArrayList<>();
        nodes.forEach(l -> {
            if (l.node().has(keyword)) {
                out.add(l.node().get(keyword));
            }
        });
        return out;
    }

    /** The PRSB element the view holds, for naming a rename. */
    String prsbPath() {
        for (Located l : nodes) {
            if (l.node().path("x-prsb").isString()) {
                return l.node().get("x-prsb").asString();
            }
        }
        return null;
    }
}
