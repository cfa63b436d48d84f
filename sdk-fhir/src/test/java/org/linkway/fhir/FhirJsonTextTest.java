package org.linkway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.linkway.model.Assessment;
import org.linkway.model.PrsbMessage;
import org.linkway.model.json.LinkwayJson;
import org.linkway.validation.Finding;
import org.linkway.validation.Rule;

/** The text-to-text conversions a command line uses: Linkway JSON <-> FHIR JSON, with findings. */
class FhirJsonTextTest {

    private static final Path ASSESSMENT = Path.of("../schemas/examples/valid/assessment--swemwbs-review.json");

    @Test
    void linkway_json_to_fhir_and_back_gives_the_same_message() {
        String linkway = FhirExamples.read(ASSESSMENT);
        FhirJsonResult fhir = FhirExamples.BINDING.linkwayJsonToFhir(linkway, BundleForm.TRANSACTION);
        assertThat(fhir.isValid()).as(fhir.findings().toString()).isTrue();
        assertThat(fhir.json()).contains("\"resourceType\": \"QuestionnaireResponse\"");

        FhirJsonResult back = FhirExamples.BINDING.fhirToLinkwayJson(fhir.json());
        assertThat(back.isValid()).as(back.findings().toString()).isTrue();
        // numbers come back as the model writes them (3.0 for 3), so compare the messages, not the text
        assertThat(LinkwayJson.mapper().readValue(back.json(), Assessment.class))
                .isEqualTo(LinkwayJson.mapper().readValue(linkway, Assessment.class));
    }

    @Test
    void an_invalid_linkway_message_gives_its_findings_and_no_fhir() {
        String bad =
                FhirExamples.read(Path.of("../schemas/examples/invalid/LW-NHS-NUMBER--bad-check-digit.referral.json"));
        FhirJsonResult fhir = FhirExamples.BINDING.linkwayJsonToFhir(bad, BundleForm.MESSAGE);
        assertThat(fhir.output()).isEmpty();
        assertThat(fhir.findings()).extracting(Finding::ruleId).contains(Rule.NHS_NUMBER.id());
    }

    @Test
    void a_message_type_without_a_binding_is_a_finding() {
        String signpost = FhirExamples.read(Path.of("../schemas/examples/valid/signpost--debt-advice.json"));
        FhirJsonResult fhir = FhirExamples.BINDING.linkwayJsonToFhir(signpost, BundleForm.TRANSACTION);
        assertThat(fhir.output()).isEmpty();
        assertThat(fhir.findings()).extracting(Finding::ruleId).containsExactly(Rule.MESSAGE_TYPE.id());
    }

    @Test
    void unreadable_fhir_gives_findings_and_no_linkway_json() {
        FhirJsonResult back = FhirExamples.BINDING.fhirToLinkwayJson("not json at all");
        assertThat(back.output()).isEmpty();
        assertThat(back.findings()).extracting(Finding::ruleId).containsExactly(Rule.FHIR_MALFORMED.id());
    }

    @Test
    void oversized_fhir_is_refused_before_parsing() {
        String huge = "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"id\": \""
                + "a".repeat(FhirBinding.MAX_FHIR_CHARS) + "\"}";
        FhirReadResult<PrsbMessage> r = FhirExamples.BINDING.fromFhir(huge);
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactly(Rule.INPUT_TOO_LARGE.id());
        assertThat(r.message()).isEmpty();
    }
}
