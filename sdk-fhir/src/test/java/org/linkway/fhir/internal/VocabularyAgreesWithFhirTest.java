package org.linkway.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.hl7.fhir.r4.model.ContactPoint;
import org.junit.jupiter.api.Test;
import org.linkway.validation.internal.vocab.CodeList;
import org.linkway.validation.internal.vocab.Vocabulary;

/**
 * The code lists the validator enforces (schemas/vocabulary) and what the FHIR binding knows agree:
 * FHIR R4's ContactPointUse as HAPI models it, and the words the binding gives the GP for every
 * consultation method, location type and outcome of contact a valid message can carry.
 */
class VocabularyAgreesWithFhirTest {

    private static List<String> codes(String id) {
        CodeList list = Vocabulary.standard().list(id);
        assertThat(list).as(id).isNotNull();
        return list.codes();
    }

    @Test
    void contact_point_use_is_fhir_r4s() {
        List<String> hapi = Arrays.stream(ContactPoint.ContactPointUse.values())
                .filter(u -> u != ContactPoint.ContactPointUse.NULL)
                .map(ContactPoint.ContactPointUse::toCode)
                .toList();
        assertThat(codes("fhir-contact-point-use")).containsExactlyElementsOf(hapi);
    }

    @Test
    void every_code_a_valid_message_can_carry_has_words_for_the_gp() {
        for (String code : codes("nhs-dd-consultation-mechanism")) {
            assertThat(NhsCodes.consultation(code))
                    .as("consultation method %s", code)
                    .isNotEqualTo(code);
        }
        for (String code : codes("nhs-dd-activity-location-type-code")) {
            assertThat(NhsCodes.location(code)).as("location type %s", code).isNotEqualTo(code);
        }
        for (String code : codes("nhs-dd-outcome-of-attendance")) {
            assertThat(NhsCodes.contactOutcome(code))
                    .as("outcome of contact %s", code)
                    .isNotEqualTo(code);
        }
    }
}
