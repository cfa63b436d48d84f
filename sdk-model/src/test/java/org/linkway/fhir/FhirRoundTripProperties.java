package org.linkway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hl7.fhir.r4.model.Bundle;
import org.linkway.model.json.LinkwayJson;
import org.linkway.validation.Finding;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/** For generated valid Linkway messages: Linkway -> FHIR -> Linkway is identity, and HAPI accepts the FHIR. */
class FhirRoundTripProperties {

    private static FhirProfileValidator hapi;

    @BeforeContainer
    static void validator() {
        hapi = FhirProfileValidator.create();
    }

    @Provide
    Arbitrary<Object> messages() {
        return LinkwayVariations.messages();
    }

    @Property(tries = 300)
    void linkway_to_fhir_to_linkway_is_identity(@ForAll("messages") Object message) {
        String expected = LinkwayJson.mapper().writeValueAsString(message);
        for (BundleForm form : BundleForm.values()) {
            String fhir = FhirExamples.BINDING.toFhirJson(message, form);
            FhirReadResult<Object> back = FhirExamples.BINDING.fromFhir(fhir);
            assertThat(back.message()).as(back.toString()).isPresent();
            assertThat(LinkwayJson.mapper().writeValueAsString(back.message().get())).isEqualTo(expected);
            assertThat(back.message()).contains(message);
        }
    }

    @Property(tries = 80)
    void hapi_validator_accepts_every_bundle(@ForAll("messages") Object message) {
        for (BundleForm form : BundleForm.values()) {
            Bundle bundle = FhirExamples.BINDING.toBundle(message, form);
            List<Finding> errors = hapi.validate(bundle).stream().filter(Finding::isError).toList();
            assertThat(errors).as(LinkwayJson.mapper().writeValueAsString(message)).isEmpty();
        }
    }
}
