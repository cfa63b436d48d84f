package org.linkway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.linkway.model.Referral;
import org.linkway.model.json.LinkwayJson;
import org.linkway.validation.Finding;
import org.linkway.validation.Rule;
import org.linkway.validation.Severity;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A referral as a GP system sends it: plain R4 written by hand the way EMIS- or SystmOne-style
 * systems shape it (relative references, a display-only practitioner, a performer that is an
 * Organization, structured names, the risk Flag reached from supportingInfo, a note, a coded
 * reason, priority and category), read as the service receiving it would.
 */
class GpSystemReferralTest {

    static final String GP_BUNDLE = "foreign/gp-plain-r4-referral.json";

    static String resource(String name) {
        try (InputStream s = GpSystemReferralTest.class.getResourceAsStream(name)) {
            return new String(s.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String edited(String name, Consumer<ObjectNode> edit) {
        ObjectNode tree = (ObjectNode) LinkwayJson.mapper().readTree(resource(name));
        edit.accept(tree);
        return LinkwayJson.mapper().writeValueAsString(tree);
    }

    static ObjectNode entry(ObjectNode bundle, String type) {
        for (var e : (ArrayNode) bundle.get("entry")) {
            if (type.equals(e.get("resource").get("resourceType").stringValue())) {
                return (ObjectNode) e.get("resource");
            }
        }
        throw new AssertionError("no " + type);
    }

    private static FhirReadResult<Referral> read(String json) {
        return FhirExamples.BINDING.fromFhir(json, Referral.class);
    }

    private static List<Finding> withRule(FhirReadResult<?> r, Rule rule) {
        return r.findings().stream().filter(f -> f.ruleId().equals(rule.id())).toList();
    }

    @Test
    void the_gp_bundle_reads_to_a_referral_with_no_errors_or_warnings() {
        FhirReadResult<Referral> r = read(resource(GP_BUNDLE));
        assertThat(r.message()).as(r.toString()).isPresent();
        assertThat(r.findings()).as(r.toString()).allMatch(f -> f.severity() == Severity.INFORMATION);
    }

    @Test
    void a_display_only_practitioner_gives_the_referrer_name() {
        Referral ref = read(resource(GP_BUNDLE)).message().orElseThrow();
        var referrer = ref.getReferralDetails().getEntries().get(0).getReferrerDetails();
        assertThat(referrer.getName()).isEqualTo("Dr Priya Natarajan");
        assertThat(referrer.getOrganisation().getCode()).isEqualTo("A81021");
    }

    @Test
    void a_performer_that_is_an_organization_is_the_service_referred_to() {
        Referral ref = read(resource(GP_BUNDLE)).message().orElseThrow();
        var to = ref.getReferralDetails().getEntries().get(0).getReferralTo();
        assertThat(to.getOrganisation().getCode()).isEqualTo("8EC41");
        assertThat(to.getOrganisation().getText()).isEqualTo("Eastmere Social Prescribing Service");
    }

    @Test
    void a_structured_practitioner_name_is_read() {
        String json = edited(GP_BUNDLE, b -> {
            ArrayNode entries = (ArrayNode) b.get("entry");
            ObjectNode doc = entries.addObject();
            doc.put("fullUrl", "https://gp.example.org/fhir/Practitioner/prac-1");
            ObjectNode p = doc.putObject("resource")
                    .put("resourceType", "Practitioner")
                    .put("id", "prac-1");
            ObjectNode name = p.putArray("name").addObject().put("family", "Natarajan");
            name.putArray("given").add("Priya");
            name.putArray("prefix").add("Dr");
            entry(b, "PractitionerRole").putObject("practitioner").put("reference", "Practitioner/prac-1");
        });
        FhirReadResult<Referral> r = read(json);
        assertThat(r.message()).as(r.toString()).isPresent();
        assertThat(r.message()
                        .get()
                        .getReferralDetails()
                        .getEntries()
                        .get(0)
                        .getReferrerDetails()
                        .getName())
                .isEqualTo("Dr Priya Natarajan");
        assertThat(r.findings()).noneMatch(f -> f.ruleId().equals(Rule.FHIR_UNMAPPED.id()));
    }

    @Test
    void a_contained_practitioner_is_read() {
        String json = edited(GP_BUNDLE, b -> {
            ObjectNode role = entry(b, "PractitionerRole");
            ObjectNode p = role.putArray("contained").addObject();
            p.put("resourceType", "Practitioner").put("id", "doc");
            p.putArray("name").addObject().put("text", "Dr Priya Natarajan");
            role.putObject("practitioner").put("reference", "#doc");
        });
        FhirReadResult<Referral> r = read(json);
        assertThat(r.message()).as(r.toString()).isPresent();
        assertThat(r.message()
                        .get()
                        .getReferralDetails()
                        .getEntries()
                        .get(0)
                        .getReferrerDetails()
                        .getName())
                .isEqualTo("Dr Priya Natarajan");
    }

    @Test
    void the_risk_flag_named_in_supporting_info_is_read_as_a_risk() {
        Referral ref = read(resource(GP_BUNDLE)).message().orElseThrow();
        assertThat(ref.getRisks().getEntries()).hasSize(1);
        assertThat(ref.getRisks().getEntries().get(0).getRisk().getCoding().getCode())
                .isEqualTo("129839007");
        // and the score Observation named beside it is an assessment, with its value
        assertThat(ref.getAssessments().getEntries()).hasSize(1);
        assertThat(ref.getAssessments()
                        .getEntries()
                        .get(0)
                        .getStructuredAssessment()
                        .getAssessmentResult()
                        .getValue())
                .isEqualTo(8.0);
    }

    @Test
    void structured_patient_name_gender_unknown_and_city_are_read() {
        var pd = read(resource(GP_BUNDLE)).message().orElseThrow().getPersonDemographics();
        assertThat(pd.getName().getFamilyNames()).containsExactly("Okafor");
        assertThat(pd.getName().getFirstNames()).containsExactly("Adaeze", "Ngozi");
        assertThat(pd.getName().getTitle()).isEqualTo("Ms");
        assertThat(pd.getGender()).isEqualTo("X");
        assertThat(pd.getAddress().getAddressLine1()).isEqualTo("14 Orchard Row");
        assertThat(pd.getAddress().getAddressLine2()).isEqualTo("Eastmere");
    }

    @Test
    void values_with_no_prsb_element_of_their_own_are_kept_and_said_so() {
        FhirReadResult<Referral> r = read(resource(GP_BUNDLE));
        Referral ref = r.message().orElseThrow();
        assertThat(ref.getClinicalSummary().getClinicalSummary())
                .contains("Keen gardener; would like a community garden group.")
                .contains("Dr Priya Natarajan");
        assertThat(ref.getPresentingComplaintsOrIssues().getPresentingComplaints())
                .anySatisfy(c -> assertThat(c.getCoding().getCode()).isEqualTo("422650009"));
        assertThat(ref.getReferralDetails()
                        .getEntries()
                        .get(0)
                        .getReasonForReferral()
                        .getText())
                .isEqualTo("Isolated since bereavement, low mood");
        assertThat(ref.getConsent().getConsentForInformationSharing())
                .contains("given")
                .contains("2026-03-02T09:05:00+00:00");
        assertThat(ref.getGpPractice().getEntries().get(0).getGpPracticeDetails())
                .isEqualTo("Mill Lane Surgery");
        assertThat(withRule(r, Rule.FHIR_KEPT_IN))
                .extracting(Finding::pointer)
                .contains("Bundle.entry[0].resource.note[0]", "Bundle.entry[8].resource.dateTime");
    }

    @Test
    void values_that_have_no_home_are_information_findings_at_their_fhir_path() {
        FhirReadResult<Referral> r = read(resource(GP_BUNDLE));
        assertThat(withRule(r, Rule.FHIR_NOT_CARRIED))
                .extracting(Finding::pointer)
                .contains(
                        "Bundle.entry[0].resource.priority",
                        "Bundle.entry[0].resource.category[0]",
                        "Bundle.entry[1].resource.category[0]");
        assertThat(withRule(r, Rule.FHIR_NOT_CARRIED)).allMatch(f -> f.severity() == Severity.INFORMATION);
    }

    @Test
    void a_uk_core_shaped_referral_reads_with_every_extension_carried_or_named() {
        FhirReadResult<Referral> r = read(resource("foreign/ukcore-referral.json"));
        assertThat(r.message()).as(r.toString()).isPresent();
        assertThat(r.findings()).as(r.toString()).noneMatch(Finding::isError);
        Referral ref = r.message().get();
        var entry = ref.getReferralDetails().getEntries().get(0);
        assertThat(entry.getReferrerDetails().getName()).isEqualTo("Dr Helen Whitlock");
        assertThat(entry.getReferrerDetails().getOrganisation().getCode()).isEqualTo("A81021");
        assertThat(entry.getReferralTo().getService().getText()).isEqualTo("Eastmere social prescribing link workers");
        assertThat(entry.getReferralTo().getOrganisation().getCode()).isEqualTo("8EC41");
        assertThat(ref.getGpPractice().getEntries().get(0).getGpPracticeIdentifier())
                .isEqualTo("A81021");
        assertThat(ref.getRisks().getEntries()).hasSize(1);
        assertThat(ref.getConsent().getConsentForInformationSharing()).startsWith("Mr Mensah agreed");
        // UK Core's extensions: read into the message, or named by a finding at their FHIR path
        String json = LinkwayJson.mapper().writeValueAsString(ref);
        assertThat(json.contains("\"N\"")
                        || r.findings().stream()
                                .anyMatch(f -> f.pointer().startsWith("Bundle.entry[0].resource.extension[0]")))
                .isTrue();
        assertThat(json.contains("\"01\"")
                        || r.findings().stream()
                                .anyMatch(f ->
                                        f.pointer().startsWith("Bundle.entry[0].resource.identifier[0].extension[0]")))
                .isTrue();
    }

    /** docs/FHIR.md shows what a user sees for the GP Bundle; this keeps it true ({@code -Dlinkway.regenerate=true} rewrites it). */
    @Test
    void the_findings_shown_in_the_docs_are_what_the_reader_gives() throws IOException {
        java.nio.file.Path doc = java.nio.file.Path.of("../docs/FHIR.md");
        String text = java.nio.file.Files.readString(doc, StandardCharsets.UTF_8);
        String start = "<!-- gp-findings -->\n```text\n";
        int from = text.indexOf(start) + start.length();
        int to = text.indexOf("\n```", from);
        assertThat(from).isGreaterThan(start.length());
        String actual = String.join(
                "\n",
                read(resource(GP_BUNDLE)).findings().stream()
                        .map(Finding::toString)
                        .toList());
        if (Boolean.getBoolean("linkway.regenerate")) {
            java.nio.file.Files.writeString(
                    doc, text.substring(0, from) + actual + text.substring(to), StandardCharsets.UTF_8);
        } else {
            assertThat(text.substring(from, to)).isEqualTo(actual);
        }
    }
}
