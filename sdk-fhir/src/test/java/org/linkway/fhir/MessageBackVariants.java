package org.linkway.fhir;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.linkway.model.MessageBack;
import org.linkway.model.json.LinkwayJson;
import org.quicktheories.core.Gen;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Valid message backs for QuickTheories properties: one of the example message backs, changed by
 * a list of edits (leave a value out, replace a text, repeat a record entry, take a section over
 * from the fullest example, change a number). Each edit is kept only if the message is still
 * valid, so every message is valid by the validator's own judgement, with any section present or
 * absent and any number of entries.
 */
final class MessageBackVariants {

    /** Texts a link worker might type, including markup characters and letters beyond ASCII. */
    static final List<String> TEXTS = List.of(
            "Walks on Tuesdays",
            "O'Neill & Sons",
            "<b>bold</b> claim",
            "5 < 6 > 4",
            "\"quoted\" advice",
            "Café Ångström",
            "Zoë",
            "Reviewed by phone",
            "Seen at the library",
            "Ümit");

    private MessageBackVariants() {}

    static List<Path> examples() {
        return FhirExamples.bound().stream()
                .filter(p -> p.getFileName().toString().startsWith("message-back--"))
                .toList();
    }

    static Gen<MessageBack> messageBacks() {
        List<Path> files = examples();
        return integers()
                .between(0, files.size() - 1)
                .zip(
                        lists().of(integers().between(0, 999_999)).ofSizeBetween(0, 12),
                        (i, edits) -> vary(files.get(i), edits))
                .describedAs(m -> LinkwayJson.mapper().writeValueAsString(m));
    }

    static MessageBack vary(Path file, List<Integer> edits) {
        ObjectNode tree = (ObjectNode) LinkwayJson.mapper().readTree(FhirExamples.read(file));
        ObjectNode fullest =
                (ObjectNode) LinkwayJson.mapper().readTree(FhirExamples.read(MessageBackLetterTest.COMPLETED));
        for (int e : edits) {
            ObjectNode candidate = tree.deepCopy();
            apply(candidate, fullest, e / 5, e % 5);
            if (FhirExamples.VALIDATOR
                    .validate(LinkwayJson.mapper().writeValueAsString(candidate))
                    .isValid()) {
                tree = candidate;
            }
        }
        return LinkwayJson.mapper().treeToValue(tree, MessageBack.class);
    }

    private static void apply(ObjectNode root, ObjectNode fullest, int target, int kind) {
        if (kind == 3) {
            // a section the other examples lack (assessments, signposts, the care plan...) comes over
            List<String> names = new ArrayList<>();
            fullest.properties().forEach(p -> names.add(p.getKey()));
            String name = names.get(target % names.size());
            if (!root.has(name) && GpLetter.SECTION_OF.containsKey(name)) {
                root.set(name, fullest.get(name).deepCopy());
            }
            return;
        }
        List<Object[]> slots = new ArrayList<>();
        collect(root, slots);
        Object[] slot = slots.get(target % slots.size());
        JsonNode parent = (JsonNode) slot[0];
        JsonNode value = (JsonNode) slot[2];
        switch (kind) {
            case 0 -> {
                if (parent instanceof ObjectNode o) {
                    o.remove((String) slot[1]);
                } else if (parent instanceof ArrayNode a) {
                    a.remove((int) (Integer) slot[1]);
                }
            }
            case 1 -> {
                String text = TEXTS.get(target % TEXTS.size());
                if (value.isString() && parent instanceof ObjectNode o) {
                    o.put((String) slot[1], text);
                } else if (value.isString() && parent instanceof ArrayNode a) {
                    a.set((Integer) slot[1], text);
                }
            }
            case 2 -> {
                if (parent instanceof ArrayNode a && value.isObject()) {
                    a.add(value.deepCopy());
                }
            }
            default -> {
                if (value.isNumber() && parent instanceof ObjectNode o) {
                    o.put((String) slot[1], target % 40);
                }
            }
        }
    }

    private static void collect(JsonNode node, List<Object[]> slots) {
        if (node instanceof ObjectNode o) {
            for (var p : o.properties()) {
                slots.add(new Object[] {o, p.getKey(), p.getValue()});
                collect(p.getValue(), slots);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                slots.add(new Object[] {a, i, a.get(i)});
                collect(a.get(i), slots);
            }
        }
    }
}
