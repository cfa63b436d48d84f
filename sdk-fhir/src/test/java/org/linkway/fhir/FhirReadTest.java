package org.linkway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.linkway.model.MessageBack;
import org.linkway.model.PrsbMessage;
import org.linkway.model.Referral;
import org.linkway.model.json.LinkwayJson;
import org.linkway.validation.Finding;
import org.linkway.validation.Rule;
import org.linkway.validation.Severity;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Bad or foreign FHIR input gives findings with FHIR paths, never an exception or a half-converted message. */
class FhirReadTest {

    private static final Path FULL = Path.of("../schemas/examples/valid/referral--full-gp-loneliness.json");
    private static final FhirBinding BINDING = FhirExamples.BINDING;

    /** The full example referral as a FHIR transaction Bundle, edited by {@code edit}. */
    private static String referralBundle(Consumer<ObjectNode> edit) {
        String json = BINDING.toFhirJson(FhirExamples.message(FULL), BundleForm.TRANSACTION);
        ObjectNode tree = (ObjectNode) LinkwayJson.mapper().readTree(json);
        edit.accept(tree);
        return LinkwayJson.mapper().writeValueAsString(tree);
    }

    private static int index(ObjectNode bundle, String type) {
        ArrayNode entries = (ArrayNode) bundle.get("entry");
        for (int i = 0; i < entries.size(); i++) {
            if (type.equals(entries.get(i).get("resource").get("resourceType").stringValue())) {
                return i;
            }
        }
        throw new AssertionError("no " + type);
    }

    private static ObjectNode resource(ObjectNode bundle, String type) {
        return (ObjectNode) bundle.get("entry").get(index(bundle, type)).get("resource");
    }

    private static Finding only(FhirReadResult<?> r, Rule rule) {
        List<Finding> hits =
                r.findings().stream().filter(f -> f.ruleId().equals(rule.id())).toList();
        assertThat(hits).as(r.toString()).hasSize(1);
        return hits.get(0);
    }

    @Test
    void unchanged_bundle_converts_without_findings_beyond_information() {
        FhirReadResult<Referral> r = BINDING.fromFhir(referralBundle(b -> {}), Referral.class);
        assertThat(r.message()).contains((Referral) FhirExamples.message(FULL));
        assertThat(r.findings()).as(r.toString()).isEmpty();
    }

    @Test
    void malformed_json_is_a_finding() {
        FhirReadResult<PrsbMessage> r = BINDING.fromFhir("{\"resourceType\": \"Bundle\", \"entry\": [");
        assertThat(only(r, Rule.FHIR_MALFORMED).pointer()).isEqualTo("Bundle");
        assertThat(r.message()).isEmpty();
        assertThat(BINDING.fromFhir((String) null).isValid()).isFalse();
    }

    @Test
    void a_resource_that_is_not_a_bundle_is_a_finding() {
        FhirReadResult<PrsbMessage> r =
                BINDING.fromFhir("{\"resourceType\": \"Patient\", \"birthDate\": \"1970-01-01\"}");
        assertThat(only(r, Rule.FHIR_RESOURCE_TYPE).message()).contains("Patient");
        assertThat(r.message()).isEmpty();
    }

    @Test
    void a_broken_reference_is_an_error_at_its_fhir_path() {
        String json = referralBundle(b -> resource(b, "ServiceRequest")
                .set(
                        "subject",
                        LinkwayJson.mapper()
                                .createObjectNode()
                                .put("reference", "urn:uuid:00000000-0000-0000-0000-000000000000")));
        FhirReadResult<PrsbMessage> r = BINDING.fromFhir(json);
        int sr = index((ObjectNode) LinkwayJson.mapper().readTree(json), "ServiceRequest");
        assertThat(only(r, Rule.FHIR_REFERENCE).pointer()).isEqualTo("Bundle.entry[" + sr + "].resource.subject");
        assertThat(r.message()).isEmpty();
    }

    @Test
    void a_reference_to_the_wrong_resource_type_is_an_error() {
        String json = referralBundle(b -> {
            String orgUrl =
                    b.get("entry").get(index(b, "Organization")).get("fullUrl").stringValue();
            resource(b, "ServiceRequest")
                    .set("subject", LinkwayJson.mapper().createObjectNode().put("reference", orgUrl));
        });
        FhirReadResult<PrsbMessage> r = BINDING.fromFhir(json);
        assertThat(only(r, Rule.FHIR_RESOURCE_TYPE).message())
                .contains("Organization")
                .contains("Patient");
        assertThat(r.message()).isEmpty();
    }

    @Test
    void an_nhs_number_failing_its_check_digit_is_an_error_on_the_identifier() {
        String json = referralBundle(
                b -> ((ObjectNode) resource(b, "Patient").get("identifier").get(0)).put("value", "9992174438"));
        FhirReadResult<PrsbMessage> r = BINDING.fromFhir(json);
        int patient = index((ObjectNode) LinkwayJson.mapper().readTree(json), "Patient");
        Finding f = only(r, Rule.NHS_NUMBER);
        assertThat(f.pointer()).isEqualTo("Bundle.entry[" + patient + "].resource.identifier[0].value");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(r.message()).isEmpty();
    }

    @Test
    void a_missing_nhs_number_is_information_only() {
        FhirReadResult<Referral> r =
                BINDING.fromFhir(referralBundle(b -> resource(b, "Patient").remove("identifier")), Referral.class);
        assertThat(only(r, Rule.FHIR_NO_NHS_NUMBER).severity()).isEqualTo(Severity.INFORMATION);
        assertThat(r.message()).isPresent();
        assertThat(r.message().get().getPersonDemographics().getNhsNumber()).isNull();
    }

    @Test
    void an_unknown_code_system_is_reported_and_the_code_kept() {
        String json = referralBundle(b -> {
            ObjectNode flag = resource(b, "Flag");
            ((ObjectNode) flag.get("code").get("coding").get(0)).put("system", "http://example.org/local-codes");
        });
        FhirReadResult<Referral> r = BINDING.fromFhir(json, Referral.class);
        Finding f = only(r, Rule.FHIR_CODE_SYSTEM);
        assertThat(f.pointer()).endsWith(".code.coding[0].system");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        // the code is carried over as given, and PRSB codes a risk in SNOMED CT: the message says so (#17)
        Finding system = only(r, Rule.CODE_SYSTEM);
        assertThat(system.pointer()).isEqualTo("/risks/entries/0/risk/coding/system");
        assertThat(system.message()).contains("http://example.org/local-codes").contains("SNOMED CT");
        assertThat(r.message()).isEmpty();
    }

    @Test
    void an_unknown_extension_is_reported_not_silently_dropped() {
        String json = referralBundle(b -> resource(b, "Patient")
                .putArray("extension")
                .addObject()
                .put("url", "http://example.org/fhir/StructureDefinition/favourite-colour")
                .put("valueString", "green"));
        FhirReadResult<Referral> r = BINDING.fromFhir(json, Referral.class);
        Finding f = only(r, Rule.FHIR_UNMAPPED);
        assertThat(f.pointer()).endsWith(".resource.extension[0]");
        assertThat(f.message()).contains("favourite-colour");
        assertThat(r.message()).isPresent();
    }

    @Test
    void an_unknown_resource_is_reported_not_silently_dropped() {
        String json = referralBundle(b -> ((ArrayNode) b.get("entry"))
                .addObject()
                .put("fullUrl", "urn:uuid:11111111-2222-3333-4444-555555555555")
                .set(
                        "resource",
                        LinkwayJson.mapper()
                                .createObjectNode()
                                .put("resourceType", "Encounter")
                                .put("status", "finished")
                                .set(
                                        "class",
                                        LinkwayJson.mapper().createObjectNode().put("code", "AMB"))));
        FhirReadResult<Referral> r = BINDING.fromFhir(json, Referral.class);
        Finding f = only(r, Rule.FHIR_UNMAPPED);
        assertThat(f.message()).contains("Encounter");
        assertThat(r.message()).isPresent();
    }

    @Test
    void a_modifier_extension_the_reader_does_not_know_stops_the_conversion() {
        String json = referralBundle(b -> resource(b, "ServiceRequest")
                .putArray("modifierExtension")
                .addObject()
                .put("url", "http://example.org/fhir/StructureDefinition/not-really")
                .put("valueBoolean", true));
        FhirReadResult<PrsbMessage> r = BINDING.fromFhir(json);
        assertThat(only(r, Rule.FHIR_EXTENSION).pointer()).endsWith(".modifierExtension[0]");
        assertThat(r.message()).isEmpty();
    }

    @Test
    void a_bundle_without_the_referral_service_request_is_a_structure_error() {
        String json = referralBundle(b -> ((ObjectNode)
                        resource(b, "ServiceRequest").get("code").get("coding").get(0))
                .put("code", "3457005"));
        FhirReadResult<Referral> r = BINDING.fromFhir(json, Referral.class);
        assertThat(r.message()).isEmpty();
        assertThat(r.isValid()).isFalse();
    }

    @Test
    void asking_for_the_wrong_message_type_is_a_finding() {
        FhirReadResult<MessageBack> r = BINDING.fromFhir(referralBundle(b -> {}), MessageBack.class);
        assertThat(only(r, Rule.FHIR_STRUCTURE).message()).contains("Referral");
        assertThat(r.message()).isEmpty();
    }

    @Test
    void a_referral_from_another_system_without_linkway_extensions_converts() {
        String json = """
                {"resourceType": "Bundle", "type": "transaction", "entry": [
                  {"fullUrl": "https://gp.example.org/fhir/Patient/p1", "resource": {"resourceType": "Patient", "id": "p1",
                    "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9990247196"}],
                    "name": [{"family": "Okafor", "given": ["Ada"]}], "birthDate": "1960-04-02",
                    "generalPractitioner": [{"reference": "Organization/o1"}]},
                    "request": {"method": "PUT", "url": "Patient/p1"}},
                  {"fullUrl": "https://gp.example.org/fhir/Organization/o1", "resource": {"resourceType": "Organization", "id": "o1",
                    "identifier": [{"system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "M91528"}]},
                    "request": {"method": "PUT", "url": "Organization/o1"}},
                  {"fullUrl": "https://gp.example.org/fhir/PractitionerRole/r1", "resource": {"resourceType": "PractitionerRole", "id": "r1",
                    "practitioner": {"reference": "Practitioner/d1"}, "organization": {"reference": "Organization/o2"},
                    "specialty": [{"text": "General practice"}], "telecom": [{"system": "phone", "value": "01632 960310"}]},
                    "request": {"method": "PUT", "url": "PractitionerRole/r1"}},
                  {"fullUrl": "https://gp.example.org/fhir/Organization/o2", "resource": {"resourceType": "Organization", "id": "o2",
                    "name": "Sandpit Lane Health Centre"}, "request": {"method": "PUT", "url": "Organization/o2"}},
                  {"fullUrl": "https://gp.example.org/fhir/Consent/c1", "resource": {"resourceType": "Consent", "id": "c1",
                    "text": {"status": "generated", "div": "<div xmlns=\\"http://www.w3.org/1999/xhtml\\">Agreed to share with the link worker service.</div>"},
                    "status": "active", "scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "patient-privacy"}]},
                    "category": [{"text": "Information sharing"}], "patient": {"reference": "Patient/p1"},
                    "policyRule": {"text": "Direct care"}}, "request": {"method": "PUT", "url": "Consent/c1"}},
                  {"fullUrl": "https://gp.example.org/fhir/Practitioner/d1", "resource": {"resourceType": "Practitioner", "id": "d1",
                    "name": [{"text": "Dr Tomasz Wieczorek"}]}, "request": {"method": "PUT", "url": "Practitioner/d1"}},
                  {"fullUrl": "https://gp.example.org/fhir/ServiceRequest/s1", "resource": {"resourceType": "ServiceRequest", "id": "s1",
                    "status": "active", "intent": "order",
                    "code": {"coding": [{"system": "http://snomed.info/sct", "code": "871731000000106"}]},
                    "subject": {"reference": "Patient/p1"}, "authoredOn": "2026-05-08", "requester": {"reference": "PractitionerRole/r1"},
                    "performerType": {"text": "Social prescribing link worker service"},
                    "reasonCode": [{"text": "Money worries and poor sleep"}]}, "request": {"method": "PUT", "url": "ServiceRequest/s1"}},
                  {"fullUrl": "https://gp.example.org/fhir/Task/t1", "resource": {"resourceType": "Task", "id": "t1",
                    "status": "accepted", "intent": "order", "focus": {"reference": "ServiceRequest/s1"}},
                    "request": {"method": "PUT", "url": "Task/t1"}},
                  {"fullUrl": "https://gp.example.org/fhir/Flag/f1", "resource": {"resourceType": "Flag", "id": "f1",
                    "status": "active", "code": {"text": "No known risks"}, "subject": {"reference": "Patient/p1"}},
                    "request": {"method": "PUT", "url": "Flag/f1"}}
                ]}
                """;
        FhirReadResult<Referral> r = BINDING.fromFhir(json, Referral.class);
        Referral ref = r.message().orElseThrow(() -> new AssertionError(r.toString()));
        assertThat(ref.getStatus()).isEqualTo(Referral.Status.ACCEPTED);
        assertThat(ref.getPersonDemographics().getNhsNumber()).isEqualTo("9990247196");
        assertThat(ref.getGpPractice().getEntries().get(0).getGpPracticeIdentifier())
                .isEqualTo("M91528");
        assertThat(ref.getReferralDetails()
                        .getEntries()
                        .get(0)
                        .getReferrerDetails()
                        .getName())
                .isEqualTo("Dr Tomasz Wieczorek");
        assertThat(ref.getRisks().getEntries().get(0).getRisk().getText()).isEqualTo("No known risks");
        // the narrative, and the policy the Consent records as data said in words after it (LW-FHIR-KEPT-IN)
        assertThat(ref.getConsent().getConsentForInformationSharing())
                .isEqualTo("Agreed to share with the link worker service. (policy Direct care)");
        assertThat(ref.getReferralDetails()
                        .getEntries()
                        .get(0)
                        .getReferrerDetails()
                        .getContactDetails())
                .isEqualTo("01632 960310");
        assertThat(r.findings().stream().filter(Finding::isError)).isEmpty();
    }

    @Test
    void the_profile_validator_knows_linkway_extensions() {
        FhirProfileValidator hapi = FhirProfileValidator.create();
        String json = referralBundle(b -> resource(b, "Patient")
                .putArray("extension")
                .addObject()
                .put("url", "https://linkway.org/fhir/StructureDefinition/linkway-data")
                .put("valueBoolean", true));
        assertThat(hapi.validate(json).stream()
                        .filter(Finding::isError)
                        .map(Finding::message)
                        .toList())
                .as("a linkway-data extension must hold a string")
                .isNotEmpty();
        assertThat(hapi.validate(referralBundle(b -> {})).stream().filter(Finding::isError))
                .isEmpty();
    }
}
