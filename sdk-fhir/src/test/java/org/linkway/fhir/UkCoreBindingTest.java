package org.linkway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linkway.fhir.internal.Extensions;
import org.linkway.fhir.internal.UkCore;
import org.linkway.model.Referral;
import org.linkway.model.json.LinkwayJson;
import org.linkway.validation.Finding;
import org.linkway.validation.Rule;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The binding claims UK Core and writes UK Core's extensions and PRSB values where R4 / UK Core
 * has a home for them; a Bundle written with Linkway's retired extensions still reads the same.
 */
class UkCoreBindingTest {

    private static final Path FULL = Path.of("../schemas/examples/valid/referral--full-gp-loneliness.json");
    private static final FhirBinding BINDING = FhirExamples.BINDING;
    private static FhirProfileValidator hapi;

    @BeforeAll
    static void validator() {
        hapi = FhirProfileValidator.create();
    }

    private static ObjectNode full() {
        return (ObjectNode) LinkwayJson.mapper().readTree(FhirExamples.read(FULL));
    }

    private static Referral referral(ObjectNode json) {
        return LinkwayJson.mapper().treeToValue(json, Referral.class);
    }

    private static Patient patient(Bundle b) {
        return b.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance)
                .map(Patient.class::cast)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void every_resource_uk_core_profiles_claims_its_profile_and_passes_it() {
        Bundle b = BINDING.toFhir(referral(full()), BundleForm.MESSAGE);
        for (Bundle.BundleEntryComponent e : b.getEntry()) {
            Resource r = e.getResource();
            String profile = UkCore.PROFILES.get(r.fhirType());
            if (profile != null) {
                assertThat(r.getMeta().getProfile())
                        .as(r.fhirType())
                        .extracting(c -> c.getValue())
                        .containsExactly(profile);
            } else {
                assertThat(r.getMeta().hasProfile()).as(r.fhirType()).isFalse();
            }
        }
        assertThat(hapi.validate(b).stream().filter(Finding::isError)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1,MALE", "2,FEMALE", "9,OTHER", "X,UNKNOWN"})
    void every_stated_gender_has_a_fhir_gender_and_comes_back(String code, AdministrativeGender gender) {
        ObjectNode json = full();
        ((ObjectNode) json.get("personDemographics")).put("gender", code);
        Bundle b = BINDING.toFhir(referral(json), BundleForm.TRANSACTION);
        assertThat(patient(b).getGender()).isEqualTo(gender);
        assertThat(BINDING.fromFhir(b, Referral.class).message().orElseThrow()).isEqualTo(referral(json));
        assertThat(hapi.validate(b).stream().filter(Finding::isError)).isEmpty();
    }

    @Test
    void two_family_names_are_one_fhir_family_and_come_back_as_two() {
        ObjectNode json = full();
        ArrayNode family = ((ObjectNode) json.get("personDemographics").get("name")).putArray("familyNames");
        family.add("García").add("Ashdown");
        Bundle b = BINDING.toFhir(referral(json), BundleForm.TRANSACTION);
        assertThat(patient(b).getNameFirstRep().getFamily()).isEqualTo("García Ashdown");
        Referral back = BINDING.fromFhir(b, Referral.class).message().orElseThrow();
        assertThat(back.getPersonDemographics().getName().getFamilyNames()).containsExactly("García", "Ashdown");
        assertThat(back).isEqualTo(referral(json));
    }

    @Test
    void a_bundle_with_linkways_retired_extensions_reads_the_same() {
        Referral message = referral(full());
        Bundle b = BINDING.toFhir(message, BundleForm.TRANSACTION);
        Patient p = patient(b);
        String ethnic = code(p.getExtensionByUrl(UkCore.EXT_ETHNIC_CATEGORY));
        String method =
                code(p.getExtensionByUrl(UkCore.EXT_CONTACT_PREFERENCE).getExtensionByUrl(UkCore.CONTACT_METHOD));
        String status = code(p.getIdentifierFirstRep().getExtensionByUrl(UkCore.EXT_NHS_NUMBER_VERIFICATION));
        p.getExtension().removeIf(x -> x.getUrl().startsWith(UkCore.SD));
        p.getIdentifierFirstRep().removeExtension(UkCore.EXT_NHS_NUMBER_VERIFICATION);
        p.addExtension(new Extension(Extensions.ETHNIC_CATEGORY.url(), new CodeType(ethnic)));
        p.addExtension(new Extension(Extensions.PREFERRED_CONTACT_METHOD.url(), new CodeType(method)));
        p.getIdentifierFirstRep().addExtension(new Extension(Extensions.NHS_NUMBER_STATUS.url(), new CodeType(status)));

        FhirReadResult<Referral> read = BINDING.fromFhir(b, Referral.class);
        assertThat(read.message()).contains(message);
        assertThat(read.findings()).noneMatch(f -> f.ruleId().equals(Rule.FHIR_UNMAPPED.id()));
        List<Finding> errors =
                hapi.validate(b).stream().filter(Finding::isError).toList();
        assertThat(errors)
                .as("the retired extensions are still defined for the validator")
                .isEmpty();
    }

    @Test
    void immigration_status_and_gp_opt_out_are_read_from_their_fhir_homes_without_the_carrier() {
        ObjectNode json = full();
        ((ObjectNode) json.get("personDemographics"))
                .putObject("immigrationStatus")
                .put("status", "7");
        ((ObjectNode) json.get("gpPractice").get("entries").get(0))
                .putObject("gpOptOutIndicator")
                .put("system", "http://snomed.info/sct")
                .put("code", "1092961000000104")
                .put("display", "Does not wish to register with an NHS general practitioner");
        Bundle b = BINDING.toFhir(referral(json), BundleForm.TRANSACTION);
        assertThat(hapi.validate(b).stream().filter(Finding::isError)).isEmpty();
        for (Bundle.BundleEntryComponent e : b.getEntry()) {
            if (e.getResource() instanceof org.hl7.fhir.r4.model.DomainResource r) {
                r.getExtension().removeIf(x -> x.getUrl().endsWith("/linkway-data"));
            }
        }
        assertThat(patient(b).getExtensionByUrl(Extensions.IMMIGRATION_STATUS.url()))
                .isNotNull();

        FhirReadResult<Referral> read = BINDING.fromFhir(b, Referral.class);
        ObjectNode back =
                (ObjectNode) LinkwayJson.mapper().valueToTree(read.message().orElseThrow());
        assertThat(back.at("/personDemographics/immigrationStatus/status").asString())
                .isEqualTo("7");
        assertThat(back.at("/gpPractice/entries/0/gpOptOutIndicator/code").asString())
                .isEqualTo("1092961000000104");
        assertThat(back.at("/gpPractice/entries/0/gpOptOutIndicator/system").asString())
                .isEqualTo("http://snomed.info/sct");
    }

    private static String code(Extension x) {
        return ((org.hl7.fhir.r4.model.CodeableConcept) x.getValue())
                .getCodingFirstRep()
                .getCode();
    }
}
