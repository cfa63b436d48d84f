package org.linkway.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.model.PrsbMessage;
import org.linkway.model.Referral;
import org.linkway.validation.Finding;
import org.linkway.validation.Rule;

/**
 * The JSON reader leaves generated narratives out before HAPI parses the text (they were a quarter
 * of HAPI's parse). That must change nothing: reading the text gives what reading HAPI's full
 * parse of the same text gives, findings included; and a narrative that is not generated is still
 * read and, when its text reached nothing, still reported.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class NarrativeSkipProperties {

    private static final FhirBinding BINDING = FhirExamples.BINDING;

    @Test
    void reading_text_equals_reading_hapis_full_parse() {
        qt().withFixedSeed(7_101L)
                .withExamples(150)
                .forAll(LinkwayVariations.messages())
                .checkAssert(message -> {
                    for (BundleForm form : BundleForm.values()) {
                        String fhir = BINDING.toFhirJson(message, form);
                        Bundle full = FhirBinding.fhirContext().newJsonParser().parseResource(Bundle.class, fhir);
                        assertThat(!(message instanceof Referral)
                                        || full.getEntry().stream()
                                                .anyMatch(e -> e.getResource() instanceof DomainResource d
                                                        && d.getText().hasDiv()))
                                .as("a referral's resources carry narratives, so the skip is exercised")
                                .isTrue();
                        FhirReadResult<PrsbMessage> fromText = BINDING.fromFhir(fhir);
                        FhirReadResult<? extends PrsbMessage> fromTree = BINDING.fromFhir(full, message.getClass());
                        assertThat(fromText.message()).contains(message);
                        assertThat(fromText.findings()).isEqualTo(fromTree.findings());
                    }
                });
    }

    @Test
    void a_narrative_that_is_not_generated_is_still_read_and_reported() {
        Referral referral = (Referral)
                FhirExamples.message(FhirExamples.EXAMPLES.resolve("valid/referral--full-gp-loneliness.json"));
        Bundle bundle = BINDING.toBundle(referral, BundleForm.TRANSACTION);
        Patient patient = bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance)
                .map(Patient.class::cast)
                .findFirst()
                .orElseThrow();
        patient.getText()
                .setStatus(Narrative.NarrativeStatus.ADDITIONAL)
                .setDivAsString(
                        "<div xmlns=\"http://www.w3.org/1999/xhtml\">Prefers a morning call; has a guide dog called Pebble</div>");
        String fhir = FhirBinding.fhirContext().newJsonParser().encodeResourceToString(bundle);

        FhirReadResult<Referral> read = BINDING.fromFhir(fhir, Referral.class);

        assertThat(read.message()).contains(referral);
        assertThat(read.findings())
                .filteredOn(f -> f.ruleId().equals(Rule.FHIR_NOT_CARRIED.id()))
                .extracting(Finding::pointer)
                .anyMatch(p -> p.endsWith(".text"));
        assertThat(read.findings())
                .filteredOn(f -> f.ruleId().equals(Rule.FHIR_NOT_CARRIED.id()))
                .extracting(Finding::message)
                .anyMatch(m -> m.contains("guide dog called Pebble"));
    }
}
