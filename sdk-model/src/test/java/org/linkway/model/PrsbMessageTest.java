package org.linkway.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.linkway.model.json.LinkwayJson;
import org.linkway.validation.Finding;
import org.linkway.validation.MessageValidator;
import org.linkway.validation.ReferralGens;
import tools.jackson.databind.JsonNode;

/**
 * The eight message types: constants filled in by a new builder, required members agreeing with
 * the validator, JSON read as sent (never completed or refused by the reader), and valid
 * messages surviving a JSON round trip unchanged.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PrsbMessageTest {

    private static final MessageValidator VALIDATOR = MessageValidator.create();
    private static final Path VALID = Path.of("../schemas/examples/valid");

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void a_new_builder_fills_in_the_constants(MessageType type) {
        Object builder = ModelTypes.newBuilder(type.javaType());
        // the smallest complete message: whatever build() says is missing, taken from a full one
        PrsbMessage full = (PrsbMessage) qtFirst(type.javaType());
        PrsbMessage built = (PrsbMessage) ModelTypes.build(copyRequired(builder, full));
        assertThat(built.getResourceType()).isEqualTo(type.resourceType());
        assertThat(built.getSchemaVersion()).isEqualTo(MessageType.SCHEMA_VERSION);
        assertThat(built.getPrsbVersion()).isEqualTo(MessageType.PRSB_VERSION);
        assertThat(built.messageType()).isEqualTo(type);
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void the_members_build_requires_are_the_members_the_validator_requires(MessageType type) {
        List<String> missing;
        try {
            ModelTypes.build(ModelTypes.newBuilder(type.javaType()));
            missing = List.of();
        } catch (IncompleteModelException e) {
            missing = e.missing();
        }
        String bare = "{\"resourceType\":\"" + type.resourceType() + "\",\"schemaVersion\":\""
                + MessageType.SCHEMA_VERSION + "\",\"prsbVersion\":\"" + MessageType.PRSB_VERSION + "\"}";
        List<String> required = VALIDATOR.validate(bare).findings().stream()
                .filter(f -> f.ruleId().equals("LW-REQUIRED") || f.ruleId().equals("LW-RISKS-RECORDED"))
                .map(Finding::pointer)
                .map(p -> p.substring(1))
                .toList();
        assertThat(missing).containsExactlyInAnyOrderElementsOf(required);
    }

    @Test
    void json_is_read_as_sent_so_the_validator_can_report_it() {
        String wire =
                "{\"resourceType\":\"Referral\",\"personDemographics\":{\"name\":{\"firstNames\":[null,\"Ada\"],\"familyNames\":[]}}}";
        Referral read = LinkwayJson.mapper().readValue(wire, Referral.class);
        assertThat(read.getSchemaVersion()).as("no default added on reading").isNull();
        assertThat(read.getGpPractice()).isNull();
        assertThat(read.getPersonDemographics().getName().getFirstNames()).containsExactly(null, "Ada");
        assertThat(read.getPersonDemographics().getName().getFamilyNames()).isEmpty();
        assertThatThrownBy(() -> read.toBuilder().build())
                .isInstanceOfSatisfying(
                        IncompleteModelException.class,
                        e -> assertThat(e.missing())
                                .containsExactly(
                                        "schemaVersion", "prsbVersion", "gpPractice", "referralDetails", "risks"));
        assertThat(VALIDATOR.validate(read).findings())
                .extracting(Finding::pointer)
                .contains(
                        "/schemaVersion",
                        "/gpPractice",
                        "/personDemographics/name/firstNames/0",
                        "/personDemographics/name/familyNames",
                        "/personDemographics/dateOfBirth");
    }

    @Test
    void a_required_list_must_not_be_empty() {
        assertThatThrownBy(() -> PersonName.builder()
                        .withFirstNames(List.of())
                        .withFamilyNames("Thornbury")
                        .build())
                .isInstanceOfSatisfying(IncompleteModelException.class, e -> {
                    assertThat(e.type()).isEqualTo(PersonName.class);
                    assertThat(e.missing()).containsExactly("firstNames");
                    assertThat(e).hasMessage("PersonName is missing required member firstNames");
                });
        assertThatThrownBy(() -> PersonDemographics.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("PersonDemographics is missing required members name, dateOfBirth");
    }

    static Stream<Path> validExamples() throws IOException {
        try (Stream<Path> files = Files.list(VALID)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("validExamples")
    void a_valid_example_reads_writes_and_reads_back_equal(Path file) throws IOException {
        String json = Files.readString(file);
        MessageType type = MessageType.fromResourceType(
                        LinkwayJson.mapper().readTree(json).path("resourceType").asString())
                .orElseThrow();
        PrsbMessage message = LinkwayJson.mapper().readValue(json, type.javaType());
        String written = LinkwayJson.mapper().writeValueAsString(message);
        assertThat(LinkwayJson.mapper().readValue(written, type.javaType())).isEqualTo(message);
        // the same members as the file (numbers may be written 4.0 where the file has 4: they are Doubles)
        assertThat(names(LinkwayJson.mapper().readTree(written)))
                .isEqualTo(names(LinkwayJson.mapper().readTree(json)));
        assertThat(ModelTypes.build(ModelTypes.toBuilder(message))).isEqualTo(message);
        assertThat(VALIDATOR.validate(message).errors()).isEmpty();
    }

    @Test
    void generated_valid_referrals_round_trip() {
        qt().withFixedSeed(16_005L)
                .withExamples(100)
                .forAll(ReferralGens.referrals())
                .checkAssert(referral -> {
                    String json = LinkwayJson.mapper().writeValueAsString(referral);
                    assertThat(VALIDATOR.validate(json).errors()).as(json).isEmpty();
                    assertThat(LinkwayJson.mapper().readValue(json, Referral.class))
                            .isEqualTo(referral);
                    assertThat(VALIDATOR.read(json, Referral.class).message()).contains(referral);
                });
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    private static Object qtFirst(Class<?> type) {
        Object[] one = new Object[1];
        qt().withFixedSeed(16_006L)
                .withExamples(1)
                .forAll(ModelTypes.full(type))
                .checkAssert(m -> one[0] = m);
        return one[0];
    }

    /** The builder with every member that build() asks for copied from {@code full}, nothing else. */
    private static Object copyRequired(Object builder, Object full) {
        for (int round = 0; round < 2; round++) {
            try {
                ModelTypes.build(builder);
                return builder;
            } catch (IncompleteModelException e) {
                for (ModelTypes.Member m : ModelTypes.members(full.getClass())) {
                    if (e.missing().contains(m.name())) {
                        ModelTypes.set(builder, m, ModelTypes.get(full, m));
                    }
                }
            }
        }
        return builder;
    }
}
