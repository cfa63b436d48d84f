package org.linkway.schemas.prsb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Each coverage check fails on a copy of the real schemas broken in the way it guards against. */
class CoverageChecksTest {

    private static final String SECTIONS = "prsb-sections.schema.json";

    @TempDir
    Path dir;

    /** Copies json/ to a temp dir, lets {@code breakIt} edit one file, and runs the checks on the copy. */
    private CoverageChecks checksAfter(String file, Consumer<ObjectNode> breakIt) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("json"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(Files.readString(dir.resolve(file)));
        breakIt.accept(root);
        Files.writeString(dir.resolve(file), Json.pretty(root), StandardCharsets.UTF_8);
        return new CoverageChecks(
                PrsbStandard.v1_1(),
                Json.MAPPER.readTree(Files.readString(Path.of("prsb/messages.json"))),
                new SchemaWalker(dir),
                LengthOverrides.load(Path.of(LengthOverrides.FILE), PrsbStandard.v1_1()));
    }

    private static ObjectNode def(ObjectNode root, String name) {
        return (ObjectNode) root.get("$defs").get(name);
    }

    private static ObjectNode property(ObjectNode root, String def, String property) {
        return (ObjectNode) def(root, def).get("properties").get(property);
    }

    @Test
    void theUnbrokenCopyPasses() throws IOException {
        CoverageChecks checks = checksAfter(SECTIONS, root -> {});
        assertThat(checks.notPlaced()).isEmpty();
        assertThat(checks.wrongMaxLengths()).isEmpty();
        assertThat(checks.optionalMandatoryElements()).isEmpty();
        assertThat(checks.traceabilityGaps()).isEmpty();
    }

    @Test
    void aWrongMaxLengthOnArrayItemsIsReported() throws IOException {
        CoverageChecks checks = checksAfter(
                SECTIONS,
                root -> ((ObjectNode) property(root, "PersonName", "firstNames").get("items")).put("maxLength", 36));
        assertThat(checks.wrongMaxLengths())
                .containsExactlyInAnyOrder(
                        "Referral: /personDemographics/name/firstNames (Person demographics / Person name / Person first name):"
                                + " PRSB max length 35, schema maxLength 36 on items",
                        "MessageBack: /personDemographics/name/firstNames (Person demographics / Person name / Person first name):"
                                + " PRSB max length 35, schema maxLength 36 on items",
                        // the onward referral carries the person's name to its provider, when consent lists it
                        "OnwardReferral: /personName/firstNames (Person demographics / Person name / Person first name):"
                                + " PRSB max length 35, schema maxLength 36 on items");
    }

    @Test
    @Timeout(60)
    void anOdsCodeBackAtTheStandardsFiveCharactersIsReported() throws IOException {
        // the deliberate difference is checked where it lives, in the shared OdsCodedText
        CoverageChecks checks = checksAfter(
                "common.schema.json",
                root -> property(root, "OdsCodedText", "code").put("maxLength", 5));
        assertThat(checks.wrongMaxLengths())
                .anyMatch(s -> s.startsWith("Referral: /referralDetails/entries/*/referrerDetails/organisation/code ")
                        && s.endsWith("deliberate-lengths.tsv max length 6, schema maxLength 5"))
                .allMatch(s -> s.contains("Coded value") && s.endsWith("max length 6, schema maxLength 5"));
    }

    @Test
    void aMissingMaxLengthIsReported() throws IOException {
        CoverageChecks checks = checksAfter(
                SECTIONS,
                root -> property(root, "PersonDemographics", "nhsNumber").remove("maxLength"));
        assertThat(checks.wrongMaxLengths())
                .hasSize(2)
                .allMatch(s -> s.contains("/personDemographics/nhsNumber")
                        && s.endsWith("PRSB max length 10, schema has no maxLength"));
    }

    @Test
    void aMandatoryElementLeftOptionalIsReported() throws IOException {
        CoverageChecks checks = checksAfter(SECTIONS, root -> {
            ArrayNode required = (ArrayNode) def(root, "PersonName").get("required");
            required.remove(0); // firstNames
            property(root, "PersonName", "firstNames").remove("minItems");
        });
        assertThat(checks.optionalMandatoryElements())
                .containsExactlyInAnyOrder(
                        "Referral: /personDemographics/name/firstNames (Person demographics / Person name / Person first name, 1..* M):"
                                + " not in its object's required",
                        "Referral: /personDemographics/name/firstNames (Person demographics / Person name / Person first name, 1..* M):"
                                + " array without minItems 1",
                        "MessageBack: /personDemographics/name/firstNames (Person demographics / Person name / Person first name, 1..* M):"
                                + " not in its object's required",
                        "MessageBack: /personDemographics/name/firstNames (Person demographics / Person name / Person first name, 1..* M):"
                                + " array without minItems 1",
                        "OnwardReferral: /personName/firstNames (Person demographics / Person name / Person first name, 1..* M):"
                                + " not in its object's required",
                        "OnwardReferral: /personName/firstNames (Person demographics / Person name / Person first name, 1..* M):"
                                + " array without minItems 1");
    }

    @Test
    void aMistypedPathIsReportedAndItsElementNotPlaced() throws IOException {
        CoverageChecks checks = checksAfter(
                SECTIONS,
                root -> property(root, "PersonDemographics", "sex").put("x-prsb", "Person demographics / Sexx"));
        assertThat(checks.unknownPaths())
                .hasSize(2)
                .allMatch(s -> s.endsWith("x-prsb 'Person demographics / Sexx' is not in elements.tsv"));
        assertThat(checks.notPlaced()).containsExactly("Person demographics / Sex");
        assertThat(checks.missingFromMessages())
                .containsExactly("Referral: Person demographics / Sex", "MessageBack: Person demographics / Sex");
    }

    @Test
    void aWrongFoldedGroupIsReported() throws IOException {
        CoverageChecks checks = checksAfter(
                SECTIONS,
                root -> property(root, "AboutMe", "whatIsMostImportantToMe")
                        .put("x-prsb-group", "About me / My wellness"));
        assertThat(checks.unknownPaths())
                .containsExactlyInAnyOrder(
                        "Referral: /aboutMe/whatIsMostImportantToMe (prsb-sections.schema.json#/$defs/AboutMe/properties/whatIsMostImportantToMe):"
                                + " x-prsb-group 'About me / My wellness' is not a group whose only member is"
                                + " 'About me / What is most important to me / What is most important to me'",
                        "OnwardReferral: /aboutMe/whatIsMostImportantToMe (prsb-sections.schema.json#/$defs/AboutMe/properties/whatIsMostImportantToMe):"
                                + " x-prsb-group 'About me / My wellness' is not a group whose only member is"
                                + " 'About me / What is most important to me / What is most important to me'");
        assertThat(checks.notPlaced()).containsExactly("About me / What is most important to me");
    }

    @Test
    void anElementUnderTheWrongParentIsReported() throws IOException {
        CoverageChecks checks = checksAfter(
                SECTIONS, root -> property(root, "PersonName", "title").put("x-prsb", "Person demographics / Gender"));
        assertThat(checks.misplaced())
                .contains("Referral: /personDemographics/name/title holds 'Person demographics / Gender'"
                        + " inside 'Person demographics / Person name', not inside its parent 'Person demographics'");
        assertThat(checks.notPlaced()).containsExactly("Person demographics / Person name / Title");
    }

    @Test
    void anUntracedPropertyIsReported() throws IOException {
        CoverageChecks checks = checksAfter(
                SECTIONS,
                root -> ((ObjectNode) def(root, "PersonName").get("properties"))
                        .putObject("nickname")
                        .put("type", "string"));
        assertThat(checks.traceabilityGaps())
                .containsExactlyInAnyOrder(
                        "Referral /personDemographics/name/nickname (prsb-sections.schema.json#/$defs/PersonName/properties/nickname)",
                        "MessageBack /personDemographics/name/nickname (prsb-sections.schema.json#/$defs/PersonName/properties/nickname)",
                        "OnwardReferral /personName/nickname (prsb-sections.schema.json#/$defs/PersonName/properties/nickname)");
    }

    @Test
    void aBrokenReferenceIsReported() throws IOException {
        CoverageChecks checks = checksAfter(
                "consent.schema.json",
                root -> ((ObjectNode) root.get("properties").get("id")).put("$ref", "common.schema.json#/$defs/Nope"));
        assertThat(checks.walkerProblems())
                .containsExactly(
                        "consent.schema.json#/properties/id: $ref 'common.schema.json#/$defs/Nope' points at nothing");
        assertThat(checks.traceabilityGaps()).containsExactly("Consent /id (consent.schema.json#/properties/id)");
    }
}
