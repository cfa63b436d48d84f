package org.linkway.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.model.PrsbMessage;
import org.linkway.model.json.LinkwayJson;
import org.linkway.testing.Gens;
import org.linkway.validation.Finding;
import org.quicktheories.core.Gen;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Mutated and malformed FHIR never makes the reader throw, and never yields a message alongside an error. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class FhirInputProperties {

    record Mutation(int target, int kind, String text) {}

    static Gen<String> mutatedBundles() {
        Gen<Mutation> m = integers().between(0, 100_000).zip(integers().between(0, 6), Gens.anyText(12), Mutation::new);
        return LinkwayVariations.messages()
                .zip(
                        arbitrary().enumValues(BundleForm.class),
                        lists().of(m).ofSizeBetween(1, 4),
                        (msg, form, mutations) -> mutate(FhirExamples.BINDING.toFhirJson(msg, form), mutations));
    }

    @Test
    void reading_mutated_fhir_never_throws() {
        qt().withFixedSeed(4_401L)
                .withExamples(300)
                .forAll(mutatedBundles())
                .checkAssert(FhirInputProperties::readsWithoutThrowing);
    }

    @Test
    void reading_truncated_or_arbitrary_text_never_throws() {
        qt().withFixedSeed(4_402L)
                .withExamples(200)
                .forAll(mutatedBundles(), integers().all(), Gens.anyText())
                .checkAssert(FhirInputProperties::readsTruncatedWithoutThrowing);
    }

    private static void readsWithoutThrowing(String fhir) {
        FhirReadResult<PrsbMessage> r = FhirExamples.BINDING.fromFhir(fhir);
        if (r.message().isPresent()) {
            assertThat(r.findings().stream().filter(Finding::isError)).isEmpty();
        } else {
            assertThat(r.findings().stream().filter(Finding::isError)).isNotEmpty();
        }
    }

    private static void readsTruncatedWithoutThrowing(String fhir, int cut, String noise) {
        int at = Math.floorMod(cut, fhir.length() + 1);
        FhirReadResult<PrsbMessage> r = FhirExamples.BINDING.fromFhir(fhir.substring(0, at) + noise);
        assertThat(r.message().isPresent()).isEqualTo(r.isValid());
    }

    static String mutate(String json, List<Mutation> mutations) {
        JsonNode tree = LinkwayJson.mapper().readTree(json);
        for (Mutation m : mutations) {
            List<Object[]> slots = new ArrayList<>();
            collect(tree, slots);
            if (slots.isEmpty()) {
                break;
            }
            Object[] slot = slots.get(m.target() % slots.size());
            JsonNode replacement = switch (m.kind()) {
                case 0 -> null;
                case 1 -> JsonNodeFactory.instance.stringNode(m.text());
                case 2 -> JsonNodeFactory.instance.numberNode(m.target());
                case 3 -> JsonNodeFactory.instance.booleanNode(true);
                case 4 -> JsonNodeFactory.instance.objectNode();
                case 5 -> JsonNodeFactory.instance.arrayNode().add(m.text());
                default -> JsonNodeFactory.instance.stringNode("urn:uuid:" + m.text());
            };
            if (slot[0] instanceof ObjectNode o) {
                if (replacement == null) {
                    o.remove((String) slot[1]);
                } else {
                    o.set((String) slot[1], replacement);
                }
            } else if (slot[0] instanceof ArrayNode a) {
                if (replacement == null) {
                    a.remove((Integer) slot[1]);
                } else {
                    a.set((Integer) slot[1], replacement);
                }
            }
        }
        return LinkwayJson.mapper().writeValueAsString(tree);
    }

    private static void collect(JsonNode node, List<Object[]> slots) {
        if (node instanceof ObjectNode o) {
            for (var p : o.properties()) {
                slots.add(new Object[] {o, p.getKey()});
                collect(p.getValue(), slots);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                slots.add(new Object[] {a, i});
                collect(a.get(i), slots);
            }
        }
    }
}
