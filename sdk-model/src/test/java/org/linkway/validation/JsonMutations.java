package org.linkway.validation;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Breaking a valid message one place at a time, for the properties that must hold on any input. */
public final class JsonMutations {

    private JsonMutations() { }

    /** Values of every JSON kind, including the edge cases the schemas care about. */
    public static Arbitrary<JsonNode> junk() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200).map(f::stringNode),
                Arbitraries.of("", " ", "2026-02-30", "2026-03-01T09:30:00Z", "1.7.0", "9990000018", "Y12345", "fax").map(f::stringNode),
                Arbitraries.integers().between(-20, 20).map(f::numberNode),
                Arbitraries.doubles().map(f::numberNode),
                Arbitraries.of(true, false).map(f::booleanNode),
                Arbitraries.just(f.nullNode()),
                Arbitraries.just(f.objectNode()),
                Arbitraries.just(f.arrayNode()),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10).map(k -> f.objectNode().put(k, "?")),
                Arbitraries.strings().ofMaxLength(10).list().ofMaxSize(3).map(l -> {
                    ArrayNode a = f.arrayNode();
                    l.forEach(a::add);
                    return a;
                }));
    }

    /** Every single edit of the tree: replace a value, remove a member, or add an unknown one. */
    public static List<Runnable> edits(JsonNode tree, JsonNode junk) {
        List<Runnable> out = new ArrayList<>();
        collect(tree, junk, out);
        return out;
    }

    private static void collect(JsonNode node, JsonNode junk, List<Runnable> edits) {
        if (node instanceof ObjectNode o) {
            edits.add(() -> o.set("unexpected", junk));
            for (String name : List.copyOf(o.propertyNames())) {
                edits.add(() -> o.set(name, junk));
                edits.add(() -> o.remove(name));
                collect(o.get(name), junk, edits);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                int index = i;
                edits.add(() -> a.set(index, junk));
                collect(a.get(i), junk, edits);
            }
        }
    }
}
