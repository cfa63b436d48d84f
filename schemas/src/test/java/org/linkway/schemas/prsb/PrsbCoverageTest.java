package org.linkway.schemas.prsb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed schemas against the standard: every PRSB element has a home, every annotation
 * names a real element, and the homes keep the standard's lengths and mandatory elements. Each
 * failure lists the offending elements or properties; the fix belongs in the schemas, the name
 * map or messages.json, not here.
 */
class PrsbCoverageTest {

    /** The Linkway resources; the walker must find every one of them. */
    private static final List<String> RESOURCE_FILES = List.of(
            "referral.schema.json",
            "message-back.schema.json",
            "consent.schema.json",
            "care-plan.schema.json",
            "assessment.schema.json",
            "signpost.schema.json",
            "contact-record.schema.json",
            "onward-referral.schema.json");

    private static SchemaWalker walker;
    private static CoverageChecks checks;

    @BeforeAll
    static void walk() throws IOException {
        walker = new SchemaWalker(Path.of("json"));
        checks = new CoverageChecks(
                PrsbStandard.v1_1(),
                Json.MAPPER.readTree(Files.readString(Path.of("prsb/messages.json"))),
                walker,
                LengthOverrides.load(Path.of(LengthOverrides.FILE), PrsbStandard.v1_1()));
    }

    @Test
    void theWalkerFindsEveryResource() {
        assertThat(walker.resourceFiles()).containsAll(RESOURCE_FILES);
        assertThat(PrsbStandard.v1_1().size()).isEqualTo(355);
    }

    @Test
    void theWalkerMeetsNoBrokenReferenceOrDanglingAnnotation() {
        assertThat(checks.walkerProblems())
                .as("$refs that do not resolve, or x-prsb-relative / x-prsb-group with nothing to attach to")
                .isEmpty();
    }

    @Test
    void everyElementOfEverySectionAMessageCarriesHasAHomeInThatMessage() {
        assertThat(checks.missingFromMessages())
                .as("elements of sections messages.json says the message carries, with no home in the message's schema")
                .isEmpty();
    }

    @Test
    void everyElementOfTheStandardHasAHome() {
        List<String> notPlaced = checks.notPlaced();
        assertThat(notPlaced)
                .as(
                        "PRSB elements with no home in any Linkway resource (%d of %d)",
                        notPlaced.size(), PrsbStandard.v1_1().size())
                .isEmpty();
    }

    @Test
    void everyAnnotationNamesARealElement() {
        assertThat(checks.unknownPaths())
                .as("x-prsb / x-prsb-group / composed x-prsb-relative naming no PRSB element")
                .isEmpty();
    }

    @Test
    void everyHomeSitsInsideItsParentElement() {
        assertThat(checks.misplaced())
                .as("PRSB elements nested under a property holding some other element than their PRSB parent")
                .isEmpty();
    }

    @Test
    void maxLengthsMatchTheStandard() {
        assertThat(checks.wrongMaxLengths())
                .as("homes whose maxLength differs from elements.tsv")
                .isEmpty();
    }

    @Test
    void mandatoryElementsAreRequiredWhereTheyAreHeld() {
        assertThat(checks.optionalMandatoryElements())
                .as("mandatory PRSB elements (M, min >= 1) a schema lets a sender leave out")
                .isEmpty();
    }

    @Test
    void everyPropertyIsTraced() {
        assertThat(checks.traceabilityGaps())
                .as("properties with none of x-prsb, x-prsb-relative, x-linkway (on the property or its $ref target)")
                .isEmpty();
    }
}
