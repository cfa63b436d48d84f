package org.linkway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.linkway.model.MessageType;
import org.linkway.model.Referral;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Differential test: the Linkway validator compiles the JSON Schemas into a streaming checker
 * for speed; on any message, its structural findings must be exactly those a general JSON
 * Schema validator reports on the same schema files.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AgreesWithSchemaOracleProperties {

    private static final Set<String> STRUCTURAL = Set.of(
            "LW-REQUIRED",
            "LW-TYPE",
            "LW-MAX-LENGTH",
            "LW-EMPTY-VALUE",
            "LW-VALUE-NOT-ALLOWED",
            "LW-FORMAT",
            "LW-RANGE",
            "LW-CARDINALITY",
            "LW-UNKNOWN-PROPERTY",
            "LW-CODED-TEXT-EMPTY",
            "LW-MESSAGE-TYPE");
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    private final SchemaOracle oracle = new SchemaOracle();
    private final MessageValidator validator =
            MessageValidator.builder().clock(TODAY).maxFindings(100_000).build();

    @Test
    void agrees_on_referrals_with_one_part_replaced() {
        qt().withFixedSeed(4_201L)
                .withExamples(1000)
                .forAll(
                        ReferralGens.referrals(),
                        JsonMutations.junk(),
                        integers().all())
                .checkAssert(this::agreesAfterOneEdit);
    }

    private void agreesAfterOneEdit(Referral referral, JsonNode junk, int seed) {
        ObjectNode tree = LinkwayJson.mapper().valueToTree(referral);
        List<Runnable> edits = JsonMutations.edits(tree, junk);
        edits.get(Math.floorMod(seed, edits.size())).run();
        assertAgreement(tree);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void agrees_on_every_example(Path file) throws IOException {
        JsonNode tree;
        try {
            tree = LinkwayJson.mapper().readTree(Files.readAllBytes(file));
        } catch (RuntimeException notJson) {
            return; // malformed on purpose: nothing for a schema validator to say
        }
        if (tree.isObject()) {
            assertAgreement((ObjectNode) tree);
        }
    }

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("../schemas/examples"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().collect(Collectors.toList()).stream();
        }
    }

    private void assertAgreement(ObjectNode tree) {
        ValidationResult ours = validator.validate(tree.toString());
        MessageType type =
                ours.messageType().flatMap(MessageType::fromResourceType).orElse(null);
        if (type == null) {
            return; // not a message of a known type: the schema to compare against is not chosen
        }
        Set<String> mine = ours.findings().stream()
                .filter(f -> STRUCTURAL.contains(f.ruleId())
                        || (f.ruleId().equals("LW-SCHEMA-VERSION") && f.isError())
                        || f.ruleId().equals("LW-RISKS-RECORDED"))
                .map(f -> f.ruleId() + " at " + f.pointer())
                .collect(Collectors.toSet());
        assertThat(mine).as("for %s", tree).isEqualTo(oracle.findings(type, tree));
    }
}
