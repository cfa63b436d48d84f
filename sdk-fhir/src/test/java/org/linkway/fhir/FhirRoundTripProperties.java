package org.linkway.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.fhir.internal.UkCore;
import org.linkway.model.PrsbMessage;
import org.linkway.model.json.LinkwayJson;
import org.linkway.validation.Finding;

/**
 * For generated valid Linkway messages: Linkway -> FHIR -> Linkway is identity, and HAPI accepts
 * the FHIR, held to UK Core 2.0.1: every resource UK Core profiles claims its profile, and the
 * validator (which loads UK Core) finds no error.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class FhirRoundTripProperties {

    private static FhirProfileValidator hapi;

    @BeforeAll
    static void validator() {
        hapi = FhirProfileValidator.create();
    }

    @Test
    void linkway_to_fhir_to_linkway_is_identity() {
        qt().withFixedSeed(4_301L)
                .withExamples(300)
                .forAll(LinkwayVariations.messages())
                .checkAssert(FhirRoundTripProperties::isIdentity);
    }

    @Test
    void hapi_validator_accepts_every_bundle() {
        qt().withFixedSeed(4_302L)
                .withExamples(80)
                .forAll(LinkwayVariations.messages())
                .checkAssert(FhirRoundTripProperties::hapiAccepts);
    }

    private static void isIdentity(PrsbMessage message) {
        String expected = LinkwayJson.mapper().writeValueAsString(message);
        for (BundleForm form : BundleForm.values()) {
            String fhir = FhirExamples.BINDING.toFhirJson(message, form);
            FhirReadResult<PrsbMessage> back = FhirExamples.BINDING.fromFhir(fhir);
            assertThat(back.message()).as(back.toString()).isPresent();
            assertThat(LinkwayJson.mapper().writeValueAsString(back.message().get()))
                    .isEqualTo(expected);
            assertThat(back.message()).contains(message);
        }
    }

    private static void hapiAccepts(PrsbMessage message) {
        assertThat(hapi.checksUkCore()).isTrue();
        for (BundleForm form : BundleForm.values()) {
            Bundle bundle = FhirExamples.BINDING.toBundle(message, form);
            for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
                String profile = UkCore.PROFILES.get(e.getResource().fhirType());
                if (profile != null) {
                    assertThat(e.getResource().getMeta().hasProfile(profile))
                            .as(e.getResource().fhirType())
                            .isTrue();
                }
            }
            List<Finding> errors =
                    hapi.validate(bundle).stream().filter(Finding::isError).toList();
            assertThat(errors)
                    .as(LinkwayJson.mapper().writeValueAsString(message))
                    .isEmpty();
        }
    }
}
