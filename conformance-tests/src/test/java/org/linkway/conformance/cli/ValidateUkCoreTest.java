package org.linkway.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code validate} on FHIR input checks R4 and UK Core 2.0.1 (sdk-fhir's FhirProfileValidator) beside
 * the binding's PRSB findings, and docs/FHIR.md shows exactly what it prints for a GP system's Bundle
 * and a BaRS message ({@code -Dlinkway.regenerate=true} rewrites those blocks). The first test pays
 * for UK Core's snapshots (tens of seconds of CPU), hence the longer bound.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class ValidateUkCoreTest {

    private static final String GOLDEN = "../schemas/fhir/examples/referral--full-gp-loneliness.fhir.json";
    private static final Path DOC = Path.of("../docs/FHIR.md");

    @TempDir
    Path dir;

    @Test
    void a_uk_core_valid_golden_bundle_passes() {
        RunCommandTest.Result r = RunCommandTest.run("validate", GOLDEN);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("FHIR R4 valid").doesNotContain("  ERROR");
    }

    @Test
    void a_broken_uk_core_rule_is_reported_with_its_profile_and_fhir_path() throws IOException {
        ObjectNode bundle = (ObjectNode) LinkwayJson.mapper().readTree(Files.readString(Path.of(GOLDEN)));
        JsonNode patient = bundle.at("/entry/1/resource");
        assertThat(patient.path("resourceType").asString()).isEqualTo("Patient");
        // NHS number verification status: UK Core binds it to its own value set (required); 99 is not in it
        ((ObjectNode) patient.at("/identifier/0/extension/0/valueCodeableConcept/coding/0")).put("code", "99");
        Path broken = Files.writeString(
                dir.resolve("broken-verification-status.json"),
                LinkwayJson.mapper().writeValueAsString(bundle),
                StandardCharsets.UTF_8);

        RunCommandTest.Result text = RunCommandTest.run("validate", broken.toString());
        assertThat(text.code()).isEqualTo(LinkwayKit.NOT_CONFORMANT);
        assertThat(text.out())
                .contains("FHIR R4 INVALID")
                .contains(
                        "  ERROR UK Core Bundle.entry[1].resource.identifier[0].extension[0].value.ofType(CodeableConcept)"
                                + " [https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient]: ")
                .contains("UK Core NHS Number Verification Status")
                // the binding's PRSB finding on the same value, beside it
                .contains("ERROR LW-CODE-LIST /personDemographics/nhsNumberStatusIndicator");

        RunCommandTest.Result json = RunCommandTest.run("validate", "--format", "json", broken.toString());
        assertThat(json.code()).isEqualTo(LinkwayKit.NOT_CONFORMANT);
        JsonNode file = LinkwayJson.mapper().readTree(json.out()).get(0);
        assertThat(file.path("valid").asBoolean(true)).isFalse();
        boolean found = false;
        for (JsonNode f : file.path("profileFindings")) {
            if (f.path("severity").asString().equals("ERROR")
                    && f.path("against").asString().equals("UK Core")
                    && f.path("profile").asString().equals("https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient")
                    && f.path("path")
                            .asString()
                            .equals(
                                    "Bundle.entry[1].resource.identifier[0].extension[0].value.ofType(CodeableConcept)")) {
                found = true;
            }
        }
        assertThat(found).as(json.out()).isTrue();
        assertThat(file.path("findings").toString()).contains("LW-CODE-LIST");
    }

    @Test
    void a_plain_r4_gp_bundle_is_checked_against_r4_and_with_ukcore_against_uk_core_for_its_types() {
        RunCommandTest.Result plain = RunCommandTest.run("validate", "../docs/examples/fhir/gp-plain-r4-referral.json");
        assertThat(plain.code()).as(plain.out()).isZero();
        assertThat(plain.out())
                .contains("7 resource(s) claim no profile and were checked against R4 only")
                .doesNotContain("UK Core Bundle");
        RunCommandTest.Result ukCore =
                RunCommandTest.run("validate", "--ukcore", "../docs/examples/fhir/gp-plain-r4-referral.json");
        assertThat(ukCore.out())
                .contains("checked against UK Core (--ukcore): Bundle.entry[2].resource as "
                        + "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient")
                .doesNotContain("claim no profile");
    }

    /** The examples in docs/examples/fhir are the very files the reader's and the server's tests use. */
    @Test
    void the_documented_examples_are_the_tested_files() throws IOException {
        assertThat(Files.readString(Path.of("../docs/examples/fhir/gp-plain-r4-referral.json")))
                .isEqualTo(Files.readString(
                        Path.of("../sdk-fhir/src/test/resources/org/linkway/fhir/foreign/gp-plain-r4-referral.json")));
        assertThat(Files.readString(Path.of("../docs/examples/fhir/bars-new-referral.json")))
                .isEqualTo(Files.readString(Path.of("../reference-server/src/test/resources/bars/new-referral.json")));
    }

    @Test
    void docs_show_what_validate_prints_for_the_gp_bundle_and_the_bars_message() throws IOException {
        checkBlock("kit-validate-gp", "validate", "--ukcore", "../docs/examples/fhir/gp-plain-r4-referral.json");
        checkBlock("kit-validate-bars", "validate", "../docs/examples/fhir/bars-new-referral.json");
    }

    private static void checkBlock(String name, String... args) throws IOException {
        RunCommandTest.Result r = RunCommandTest.run(args);
        String actual =
                "$ java -jar linkway-conformance.jar " + String.join(" ", args).replace("../docs/", "docs/") + "\n"
                        + r.out().replace("../docs/", "docs/").strip() + "\nexit code: " + r.code();
        String text = Files.readString(DOC, StandardCharsets.UTF_8);
        String start = "<!-- " + name + " -->\n```text\n";
        int from = text.indexOf(start);
        assertThat(from).as("docs/FHIR.md has a block " + start).isNotNegative();
        from += start.length();
        int to = text.indexOf("```", from);
        if (Boolean.getBoolean("linkway.regenerate")) {
            Files.writeString(
                    DOC, text.substring(0, from) + actual + "\n" + text.substring(to), StandardCharsets.UTF_8);
        } else {
            assertThat(text.substring(from, to)).isEqualTo(actual + "\n");
        }
    }
}
