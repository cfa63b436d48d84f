package org.linkway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.linkway.fhir.internal.Extensions;
import org.linkway.fhir.internal.UkCore;
import org.linkway.fhir.internal.Urls;
import org.linkway.model.Referral;
import org.linkway.model.json.LinkwayJson;
import org.linkway.validation.Finding;
import org.linkway.validation.Rule;
import tools.jackson.databind.node.ObjectNode;

/** PRSB properties land in real FHIR R4 elements (or a named extension), and come back from them. */
class FhirElementsTest {

    private static final Path FULL = Path.of("../schemas/examples/valid/referral--full-gp-loneliness.json");
    private static final FhirBinding BINDING = FhirExamples.BINDING;

    private static Bundle full() {
        return BINDING.toFhir((Referral) FhirExamples.message(FULL), BundleForm.TRANSACTION);
    }

    private static <T extends Resource> List<T> all(Bundle b, Class<T> type) {
        return b.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    private static String ext(DomainResource r, Extensions.Def def) {
        Extension x = r.getExtensionByUrl(def.url());
        return x == null ? null : x.getValue().primitiveValue();
    }

    @Test
    void demographics_land_in_patient_elements_and_named_extensions() {
        Patient p = all(full(), Patient.class).get(0);
        assertThat(p.getMaritalStatus().getCodingFirstRep().getSystem())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/v3-MaritalStatus");
        assertThat(p.getMaritalStatus().getCodingFirstRep().getCode()).isEqualTo("W");
        assertThat(ext(p, Extensions.SEX)).isEqualTo("2");
        assertThat(ext(p, Extensions.ETHNIC_CATEGORY))
                .as("retired: UK Core's is written")
                .isNull();
        CodeableConcept ethnic = (CodeableConcept)
                p.getExtensionByUrl(UkCore.EXT_ETHNIC_CATEGORY).getValue();
        assertThat(ethnic.getCodingFirstRep().getSystem()).isEqualTo(UkCore.CS_ETHNIC_CATEGORY);
        assertThat(ethnic.getCodingFirstRep().getCode()).isEqualTo("A");
        assertThat(ext(p, Extensions.PRONOUN)).isEqualTo("she/her");
        assertThat(ext(p, Extensions.PREFERRED_CONTACT_METHOD)).isNull();
        CodeableConcept method = (CodeableConcept) p.getExtensionByUrl(UkCore.EXT_CONTACT_PREFERENCE)
                .getExtensionByUrl(UkCore.CONTACT_METHOD)
                .getValue();
        assertThat(method.getCodingFirstRep().getSystem()).isEqualTo(UkCore.CS_PREFERRED_CONTACT_METHOD);
        assertThat(method.getCodingFirstRep().getCode()).isEqualTo("3");
        CodeableConcept status = (CodeableConcept) p.getIdentifierFirstRep()
                .getExtensionByUrl(UkCore.EXT_NHS_NUMBER_VERIFICATION)
                .getValue();
        assertThat(status.getCodingFirstRep().getSystem()).isEqualTo(UkCore.CS_NHS_NUMBER_VERIFICATION);
        assertThat(p.getMeta().getProfile())
                .extracting(c -> c.getValue())
                .containsExactly(UkCore.SD + "UKCore-Patient");
        Address birth = (Address) p.getExtensionByUrl(Urls.EXT_BIRTH_PLACE).getValue();
        assertThat(birth.getCountry()).isEqualTo("GBR");
        assertThat(p.getIdentifier()).extracting(i -> i.getValue()).containsExactly("9992174439", "LMP-0048213");
        assertThat(p.getAddressFirstRep().getUse()).isEqualTo(Address.AddressUse.HOME);
        assertThat(p.getTelecom())
                .anyMatch(t -> t.getSystem() == ContactPoint.ContactPointSystem.OTHER
                        && t.getValue().startsWith("Landline is best before 2pm"));
        assertThat(p.getExtensionByUrl(Urls.EXT_LINKWAY_DATA))
                .as("nothing of the person left in the catch-all")
                .isNull();
    }

    @Test
    void relevant_contacts_become_a_related_person_and_come_back() {
        Bundle b = full();
        List<RelatedPerson> people = all(b, RelatedPerson.class);
        assertThat(people).hasSize(1);
        assertThat(people.get(0).getText().getDiv().allText())
                .startsWith("Daughter and next of kin: Claire Ashdown-Rowe");
        assertThat(people.get(0).getPatient().getReference())
                .isEqualTo(b.getEntry().stream()
                        .filter(e -> e.getResource() instanceof Patient)
                        .findFirst()
                        .orElseThrow()
                        .getFullUrl());
        FhirReadResult<Referral> back = BINDING.fromFhir(b, Referral.class);
        assertThat(back.message().orElseThrow().getPersonDemographics().getRelevantContacts())
                .isEqualTo(((Referral) FhirExamples.message(FULL))
                        .getPersonDemographics()
                        .getRelevantContacts());
    }

    @Test
    void the_full_referral_needs_no_catch_all_extension() {
        String json = BINDING.toFhirJson(FhirExamples.message(FULL), BundleForm.MESSAGE);
        assertThat(json).doesNotContain(Urls.EXT_LINKWAY_DATA);
    }

    @Test
    void person_and_referrer_records_use_their_own_resources() {
        Bundle b = full();
        List<Observation> observations = all(b, Observation.class);
        assertThat(observations)
                .anyMatch(o -> o.getCode().getCoding().stream().anyMatch(c -> "72166-2".equals(c.getCode()))
                        && o.getNoteFirstRep().getText().startsWith("Smoked about 15 a day"));
        assertThat(observations)
                .anyMatch(o -> o.hasValueStringType()
                        && o.getValueStringType().getValue().startsWith("Staying in my own home"));
        assertThat(all(b, Flag.class))
                .anyMatch(f -> f.getStatus() == Flag.FlagStatus.INACTIVE
                        && "false".equals(ext(f, Extensions.SAFEGUARDING_INDICATOR)));
        assertThat(all(b, Flag.class))
                .anyMatch(f -> f.getCode().getText() != null
                        && f.getCode().getText().startsWith("Hearing loss: face her")
                        && "true".equals(ext(f, Extensions.REASONABLE_ADJUSTMENT_FLAG)));
        assertThat(all(b, EpisodeOfCare.class)).singleElement().satisfies(e -> {
            assertThat(e.getTypeFirstRep().getText()).isEqualTo("Telecare");
            assertThat(ext(e, Extensions.SOCIAL_CARE_PACKAGE_NAME)).isEqualTo("Personal alarm and falls detector");
        });
        assertThat(all(b, Organization.class))
                .anyMatch(o -> "Eastmere Social Prescribing Link Workers".equals(o.getName())
                        && o.getTypeFirstRep().getCodingFirstRep().getCode().equals("team")
                        && o.hasPartOf());
        assertThat(all(b, Consent.class).get(0).getSourceAttachment().getData())
                .asString(StandardCharsets.UTF_8)
                .startsWith("Mrs Ashdown gave verbal consent");
    }

    /** A referral as another system might send it: only FHIR elements, no Linkway extensions at all. */
    private static final String FOREIGN = """
            {"resourceType": "Bundle", "type": "transaction", "entry": [
              {"fullUrl": "urn:uuid:7c1e4a10-0000-4000-8000-000000000001", "resource": {"resourceType": "ServiceRequest",
                "status": "active", "intent": "order",
                "code": {"coding": [{"system": "http://snomed.info/sct", "code": "871731000000106"}]},
                "subject": {"reference": "urn:uuid:7c1e4a10-0000-4000-8000-000000000002"},
                "authoredOn": "2026-04-01",
                "requester": {"reference": "urn:uuid:7c1e4a10-0000-4000-8000-000000000003"},
                "performer": [{"reference": "urn:uuid:7c1e4a10-0000-4000-8000-000000000003"}]}},
              {"fullUrl": "urn:uuid:7c1e4a10-0000-4000-8000-000000000002", "resource": {"resourceType": "Patient",
                "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9990001235"},
                               {"system": "https://example.org/hospital-number", "value": "H123456"}],
                "name": [{"family": "Okafor", "given": ["Femi"]}], "birthDate": "1961-02-03", "gender": "male",
                "generalPractitioner": [{"reference": "urn:uuid:7c1e4a10-0000-4000-8000-000000000007"}],
                "maritalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-MaritalStatus", "code": "M"}]},
                "contact": [{"relationship": [{"text": "Wife"}], "name": {"text": "Ada Okafor"},
                             "telecom": [{"system": "phone", "value": "07700 900123"}]}]}},
              {"fullUrl": "urn:uuid:7c1e4a10-0000-4000-8000-000000000004", "resource": {"resourceType": "RelatedPerson",
                "patient": {"reference": "urn:uuid:7c1e4a10-0000-4000-8000-000000000002"},
                "relationship": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode", "code": "SON", "display": "natural son"}]}],
                "name": [{"text": "Tunde Okafor"}]}},
              {"fullUrl": "urn:uuid:7c1e4a10-0000-4000-8000-000000000003", "resource": {"resourceType": "PractitionerRole",
                "practitioner": {"reference": "urn:uuid:7c1e4a10-0000-4000-8000-000000000005"},
                "organization": {"reference": "urn:uuid:7c1e4a10-0000-4000-8000-000000000006"},
                "code": [{"coding": [{"system": "https://fhir.hl7.org.uk/CodeSystem/UKCore-SDSJobRoleName", "code": "R0260"}]},
                         {"text": "Consultant"}],
                "specialty": [{"text": "Older people's medicine"}],
                "telecom": [{"system": "other", "value": "01632 960999"}]}},
              {"fullUrl": "urn:uuid:7c1e4a10-0000-4000-8000-000000000008", "resource": {"resourceType": "Flag", "status": "active",
                "code": {"text": "No known risks"}, "subject": {"reference": "urn:uuid:7c1e4a10-0000-4000-8000-000000000002"}}},
              {"fullUrl": "urn:uuid:7c1e4a10-0000-4000-8000-000000000009", "resource": {"resourceType": "Consent", "status": "active",
                "patient": {"reference": "urn:uuid:7c1e4a10-0000-4000-8000-000000000002"},
                "text": {"status": "generated", "div": "<div xmlns='http://www.w3.org/1999/xhtml'><p>Verbal consent to share with the link worker service</p></div>"}}},
              {"fullUrl": "urn:uuid:7c1e4a10-0000-4000-8000-000000000005", "resource": {"resourceType": "Practitioner",
                "name": [{"text": "Dr Ines Varga"}]}},
              {"fullUrl": "urn:uuid:7c1e4a10-0000-4000-8000-000000000006", "resource": {"resourceType": "Organization",
                "identifier": [{"system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "RX1"}], "name": "Eastmere General Hospital"}},
              {"fullUrl": "urn:uuid:7c1e4a10-0000-4000-8000-000000000007", "resource": {"resourceType": "Organization",
                "identifier": [{"system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "Y03146"}]}}
            ]}
            """;

    @Test
    void a_bundle_with_only_fhir_elements_is_read_into_prsb_properties() {
        FhirReadResult<Referral> r = BINDING.fromFhir(FOREIGN, Referral.class);
        assertThat(r.message()).as(r.toString()).isPresent();
        var pd = r.message().get().getPersonDemographics();
        assertThat(pd.getMaritalStatus()).isEqualTo("M");
        assertThat(pd.getNhsNumber()).isEqualTo("9990001235");
        assertThat(pd.getOtherIdentifiers()).containsExactly("H123456");
        assertThat(pd.getRelevantContacts()).isEqualTo("Tunde Okafor (natural son); Ada Okafor (Wife), 07700 900123");
        ObjectNode tree = LinkwayJson.mapper().valueToTree(r.message().get());
        assertThat(tree.at("/referralDetails/entries/0/referrerDetails/grade").stringValue())
                .isEqualTo("Consultant");
        assertThat(tree.at("/consent/consentForInformationSharing").stringValue())
                .isEqualTo("Verbal consent to share with the link worker service");
        assertThat(tree.at("/gpPractice/entries/0/gpPracticeIdentifier").stringValue())
                .isEqualTo("Y03146");
        // the hospital number's issuer has no PRSB place: reported at its FHIR path, not dropped silently
        assertThat(r.findings()).extracting(Finding::pointer).contains("Bundle.entry[1].resource.identifier[1].system");
        assertThat(r.findings())
                .filteredOn(f -> f.ruleId().equals(Rule.FHIR_UNMAPPED.id()))
                .isNotEmpty();
    }

    @Test
    void a_linkway_extension_with_the_wrong_value_type_is_reported_not_read() {
        Bundle b = full();
        Patient p = all(b, Patient.class).get(0);
        p.getExtensionByUrl(Extensions.PRONOUN.url()).setValue(new BooleanType(true));
        FhirReadResult<Referral> r = BINDING.fromFhir(b, Referral.class);
        assertThat(r.message().orElseThrow().getPersonDemographics().getPronoun())
                .isNull();
        assertThat(r.findings())
                .anyMatch(f -> f.ruleId().equals(Rule.FHIR_UNMAPPED.id())
                        && f.pointer().matches("Bundle\\.entry\\[\\d+\\]\\.resource\\.extension\\[\\d+\\]")
                        && f.message().contains("pronoun"));
    }

    @Test
    void every_extension_the_binding_writes_has_a_generated_structure_definition_and_a_line_in_the_docs()
            throws Exception {
        String docs = Files.readString(Path.of("../docs/FHIR.md"));
        for (Extensions.Def x : Extensions.ALL) {
            assertThat(Path.of("../schemas/fhir/" + x.fileName())).exists();
            assertThat(FhirProfileValidator.CONFORMANCE_RESOURCES).contains(x.fileName());
            assertThat(docs).contains("| `" + x.id() + "` |");
        }
    }
}
