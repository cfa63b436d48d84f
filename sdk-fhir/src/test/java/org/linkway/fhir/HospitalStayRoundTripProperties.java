package org.linkway.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.fhir.internal.Extensions;
import org.linkway.model.MessageType;
import org.linkway.model.PrsbMessage;
import org.linkway.model.json.LinkwayJson;
import org.linkway.validation.Finding;

/**
 * The hospital stay (a Linkway extension record) through the FHIR binding: for generated valid
 * variations, Linkway -> FHIR -> Linkway is identity with nothing left to the catch-all
 * {@code linkway-data} extension (every member has an Encounter element or a named extension), and
 * HAPI's validator, with UK Core loaded, finds no error.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HospitalStayRoundTripProperties {

    @Test
    void linkway_to_fhir_to_linkway_is_identity_with_every_member_in_a_named_place() {
        qt().withFixedSeed(2_525L)
                .withExamples(200)
                .forAll(LinkwayVariations.hospitalStays())
                .checkAssert(message -> {
                    assertThat(message.messageType()).isEqualTo(MessageType.HOSPITAL_DISCHARGE);
                    String expected = LinkwayJson.mapper().writeValueAsString(message);
                    for (BundleForm form : BundleForm.values()) {
                        Bundle bundle = FhirExamples.BINDING.toBundle(message, form);
                        Encounter stay = (Encounter) bundle.getEntryFirstRep().getResource();
                        assertThat(stay.getExtension())
                                .as("nothing in the catch-all extension")
                                .noneMatch(x -> x.getUrl().endsWith("/linkway-data"));
                        assertThat(stay.getExtensionByUrl(Extensions.HOSPITAL_SERVICE_OUTCOME.url()))
                                .isNotNull();
                        String fhir = FhirExamples.BINDING.toFhirJson(message, form);
                        FhirReadResult<PrsbMessage> back = FhirExamples.BINDING.fromFhir(fhir);
                        assertThat(back.message()).as(back.toString()).isPresent();
                        assertThat(LinkwayJson.mapper()
                                        .writeValueAsString(back.message().get()))
                                .isEqualTo(expected);
                    }
                });
    }

    @Test
    void hapi_with_uk_core_accepts_every_stay() {
        FhirProfileValidator hapi = FhirProfileValidator.create();
        qt().withFixedSeed(2_526L)
                .withExamples(15)
                .forAll(LinkwayVariations.hospitalStays())
                .checkAssert(message -> {
                    List<Finding> errors =
                            hapi.validate(FhirExamples.BINDING.toBundle(message, BundleForm.TRANSACTION)).stream()
                                    .filter(Finding::isError)
                                    .toList();
                    assertThat(errors)
                            .as(LinkwayJson.mapper().writeValueAsString(message))
                            .isEmpty();
                });
    }
}
