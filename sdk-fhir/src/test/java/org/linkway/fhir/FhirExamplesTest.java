package org.linkway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.linkway.model.PrsbMessage;
import org.linkway.model.json.LinkwayJson;
import org.linkway.validation.Finding;
import org.linkway.validation.Severity;

/** Every valid example converts to FHIR that HAPI's validator accepts, and back to the same message. */
class FhirExamplesTest {

    static FhirProfileValidator hapi;

    @BeforeAll
    static void validator() {
        hapi = FhirProfileValidator.create();
    }

    static Stream<Path> examples() {
        return FhirExamples.bound().stream();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void round_trip_is_identity_in_every_form(Path file) {
        PrsbMessage message = FhirExamples.message(file);
        for (BundleForm form : BundleForm.values()) {
            String json = FhirExamples.BINDING.toFhirJson(message, form);
            FhirReadResult<PrsbMessage> back = FhirExamples.BINDING.fromFhir(json);
            assertThat(back.message()).as(back.toString()).isPresent();
            assertThat(LinkwayJson.mapper().writeValueAsString(back.message().get()))
                    .as(file + " " + form)
                    .isEqualTo(LinkwayJson.mapper().writeValueAsString(message));
            assertThat(back.message()).contains(message);
            assertThat(back.bySeverity(Severity.WARNING)).as(back.toString()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void hapi_instance_validator_finds_no_errors(Path file) {
        PrsbMessage message = FhirExamples.message(file);
        for (BundleForm form : BundleForm.values()) {
            Bundle bundle = FhirExamples.BINDING.toBundle(message, form);
            List<Finding> findings = hapi.validate(bundle);
            assertThat(findings.stream().filter(Finding::isError).toList())
                    .as(file + " " + form)
                    .isEmpty();
        }
    }

    @Test
    void a_time_given_to_the_minute_is_written_with_zero_seconds_and_read_back_as_the_same_instant() {
        // the Linkway schema, like ISO 8601, lets a time stop at the minute; FHIR needs the seconds
        Path full = FhirExamples.EXAMPLES.resolve("valid/referral--full-gp-loneliness.json");
        String minute = FhirExamples.read(full).replace("\"2026-03-02T10:41:00Z\"", "\"2026-03-02T10:41Z\"");
        assertThat(minute).contains("\"2026-03-02T10:41Z\"");

        FhirJsonResult fhir = FhirExamples.BINDING.linkwayJsonToFhir(minute, BundleForm.MESSAGE);
        assertThat(fhir.output()).as(fhir.findings().toString()).isPresent();
        assertThat(fhir.json()).contains("\"2026-03-02T10:41:00Z\"").doesNotContain("\"2026-03-02T10:41Z\"");
        Bundle bundle = (Bundle) FhirContext.forR4Cached().newJsonParser().parseResource(fhir.json());
        assertThat(hapi.validate(bundle).stream().filter(Finding::isError).toList())
                .isEmpty();

        FhirReadResult<PrsbMessage> back = FhirExamples.BINDING.fromFhir(fhir.json());
        assertThat(back.message()).as(back.toString()).isPresent();
        String json = LinkwayJson.mapper().writeValueAsString(back.message().get());
        assertThat(json).contains("\"2026-03-02T10:41:00Z\"");
    }
}
