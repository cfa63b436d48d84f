package org.linkway.fhir;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.linkway.model.MessageType;
import org.linkway.model.PrsbMessage;
import org.linkway.model.json.LinkwayJson;
import org.linkway.testing.Gens;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Valid Linkway messages for property tests: the valid examples, varied by leaving out optional
 * properties, replacing text and changing status. Each variation is kept only if the message is
 * still valid, so every generated message is valid by the validator's own judgement.
 */
final class LinkwayVariations {

    private LinkwayVariations() {}

    record Edit(int target, int kind, String text) {}

    static Gen<PrsbMessage> messages() {
        // the hospital stay has its own property (HospitalStayRoundTripProperties), so adding it left the draws
        // of this one as they were
        return variations(FhirExamples.bound().stream()
                .filter(p -> FhirExamples.type(p) != MessageType.HOSPITAL_DISCHARGE)
                .toList());
    }

    /** Variations of the hospital stay examples only. */
    static Gen<PrsbMessage> hospitalStays() {
        return variations(FhirExamples.bound().stream()
                .filter(p -> FhirExamples.type(p) == MessageType.HOSPITAL_DISCHARGE)
                .toList());
    }

    private static Gen<PrsbMessage> variations(List<Path> files) {
        Gen<Edit> edit = integers()
                .between(0, 10_000)
                .zip(
                        integers().between(0, 2),
                        Gens.text(Gens.range('a', 'z') + " '&<>-\u00e9\u00c5", 1, 20)
                                .map(LinkwayVariations::trimmed),
                        Edit::new);
        return Generate.pick(files).zip(lists().of(edit).ofSizeBetween(0, 12), LinkwayVariations::vary);
    }

    /** Replacement text has no spaces at its ends and is never empty (stripped here rather than drawn again). */
    private static String trimmed(String s) {
        String t = s.strip();
        return t.isEmpty() ? "a" : t;
    }

    static PrsbMessage vary(Path file, List<Edit> edits) {
        MessageType type = FhirExamples.type(file);
        ObjectNode tree = (ObjectNode) LinkwayJson.mapper().readTree(FhirExamples.read(file));
        for (Edit e : edits) {
            ObjectNode candidate = tree.deepCopy();
            apply(candidate, e);
            if (FhirExamples.VALIDATOR
                    .validate(LinkwayJson.mapper().writeValueAsString(candidate))
                    .isValid()) {
                tree = candidate;
            }
        }
        return LinkwayJson.mapper().treeToValue(tree, type.javaType());
    }

    private static void apply(ObjectNode root, Edit e) {
        List<Object[]> slots = new ArrayList<>();
        collect(root, slots);
        if (slots.isEmpty()) {
            return;
        }
        Object[] slot = slots.get(e.target() % slots.size());
        JsonNode parent = (JsonNode) slot[0];
        JsonNode value = (JsonNode) slot[2];
        switch (e.kind()) {
            case 0 -> remove(parent, slot[1]);
            case 1 -> {
                if (value.isString() && parent instanceof ObjectNode o) {
                    o.put((String) slot[1], e.text());
                } else if (value.isString() && parent instanceof ArrayNode a) {
                    a.set((Integer) slot[1], e.text());
                }
            }
            default -> {
                if ("status".equals(slot[1]) && parent == root) {
                    String[] all = {
                        "received",
                        "accepted",
                        "rejected",
                        "in-progress",
                        "declined",
                        "unable-to-contact",
                        "completed",
                        "cancelled",
                        "sent",
                        "attended",
                        "did-not-attend"
                    };
                    root.put("status", all[e.target() % all.length]);
                } else if (value.isNumber() && parent instanceof ObjectNode o) {
                    o.put((String) slot[1], e.target() % 40);
                }
            }
        }
    }

    private static void remove(JsonNode parent, Object key) {
        if (parent instanceof ObjectNode o) {
            o.remove((String) key);
        } else if (parent instanceof ArrayNode a) {
            a.remove((Integer) key);
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
