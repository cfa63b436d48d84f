package org.linkway.validation;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import org.linkway.testing.Gens;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Breaking a valid message one place at a time, for the properties that must hold on any input. */
public final class JsonMutations {

    private JsonMutations() {}

    /** Values of every JSON kind, including the edge cases the schemas care about. */
    public static Gen<JsonNode> junk() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return Gens.<JsonNode>oneOf(
                Gens.anyText(200).map(f::stringNode),
                Gens.pick("", " ", "2026-02-30", "2026-03-01T09:30:00Z", "1.7.0", "9990000018", "Y12345", "fax")
                        .map(f::stringNode),
                integers().between(-20, 20).map(f::numberNode),
                Gens.finiteDoubles().map(f::numberNode),
                Generate.booleans().map(f::booleanNode),
                Generate.constant(f::nullNode),
                Generate.constant(f::objectNode),
                Generate.constant(f::arrayNode),
                Gens.text(Gens.range('a', 'z') + Gens.range('A', 'Z'), 1, 10)
                        .map(k -> f.objectNode().put(k, "?")),
                lists().of(Gens.anyText(10)).ofSizeBetween(0, 3).map(l -> {
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
