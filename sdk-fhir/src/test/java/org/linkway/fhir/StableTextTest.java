package org.linkway.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.model.MessageType;
import org.linkway.model.PrsbMessage;
import org.linkway.model.json.LinkwayJson;
import org.linkway.validation.Finding;
import org.linkway.validation.Rule;

/**
 * Stable text: the typed SDK ({@code toFhirJson}) and the JSON path the kit uses
 * ({@code linkwayJsonToFhir}) write the same FHIR to the byte (numbers: {@code 9}, never
 * {@code 9.0} from one and {@code 9} from the other), and unreadable FHIR is a finding with the
 * line and column of the break.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class StableTextTest {

    @Test
    void typed_and_json_paths_write_the_same_fhir_for_every_example() {
        for (Path p : FhirExamples.bound()) {
            for (BundleForm form : BundleForm.values()) {
                String typed = FhirExamples.BINDING.toFhirJson(FhirExamples.message(p), form);
                FhirJsonResult json = FhirExamples.BINDING.linkwayJsonToFhir(FhirExamples.read(p), form);
                assertThat(json.json()).as(p + " " + form).isEqualTo(typed);
            }
        }
    }

    @Test
    void typed_and_json_paths_agree_for_generated_messages() {
        qt().withFixedSeed(2_205L)
                .withExamples(60)
                .forAll(LinkwayVariations.messages(), arbitrary().enumValues(BundleForm.class))
                .checkAssert((msg, form) -> {
                    String text = LinkwayJson.mapper().writeValueAsString(msg);
                    FhirJsonResult json = FhirExamples.BINDING.linkwayJsonToFhir(text, form);
                    if (json.output().isPresent()) {
                        assertThat(json.json()).isEqualTo(FhirExamples.BINDING.toFhirJson(msg, form));
                    }
                });
    }

    @Test
    void a_whole_number_is_written_without_a_fraction_whichever_path() {
        Path carePlan = Path.of("../schemas/examples/valid/care-plan--goals-and-actions.json");
        String typed = FhirExamples.BINDING.toFhirJson(FhirExamples.message(carePlan), BundleForm.TRANSACTION);
        assertThat(typed).contains("\"valueDecimal\": 9").doesNotContain("\"valueDecimal\": 9.0");
        assertThat(FhirExamples.type(carePlan)).isEqualTo(MessageType.CARE_PLAN);
    }

    @Test
    void truncated_fhir_is_a_parse_finding_with_line_and_column() {
        String fhir = FhirExamples.BINDING.toFhirJson(
                FhirExamples.message(Path.of("../schemas/examples/valid/referral--minimal-self-referral.json")),
                BundleForm.TRANSACTION);
        String cut = fhir.substring(0, fhir.indexOf("\"Patient\""));
        long lines = cut.lines().count();
        FhirReadResult<PrsbMessage> r = FhirExamples.BINDING.fromFhir(cut);
        assertThat(r.message()).isEmpty();
        assertThat(r.findings()).hasSize(1);
        Finding f = r.findings().get(0);
        assertThat(f.ruleId()).isEqualTo(Rule.FHIR_MALFORMED.id());
        assertThat(f.message()).contains("at line " + lines + ", column ").contains("truncated");
    }

    @Test
    void malformed_fhir_names_the_line_and_column_of_the_fault() {
        FhirReadResult<PrsbMessage> r =
                FhirExamples.BINDING.fromFhir("{\n  \"resourceType\": \"Bundle\",\n  \"type\": transaction\n}");
        assertThat(r.findings())
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("at line 3, column"));
    }
}
