package org.linkway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.model.MessageBack;
import org.linkway.model.PrsbMessage;
import org.linkway.model.json.LinkwayJson;
import org.linkway.validation.Finding;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The example message back as the GP practice receives it: a FHIR document whose every section
 * reads as a letter, with coded entries its system can file, and that HAPI's validator accepts.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MessageBackLetterTest {

    static final Path COMPLETED = FhirExamples.EXAMPLES.resolve("valid/message-back--completed-with-outcomes.json");
    static final Path DECLINED = FhirExamples.EXAMPLES.resolve("valid/message-back--declined.json");
    static FhirProfileValidator hapi;

    @BeforeAll
    static void validator() {
        hapi = FhirProfileValidator.create();
    }

    static ObjectNode tree(Path p) {
        return (ObjectNode) LinkwayJson.mapper().readTree(FhirExamples.read(p));
    }

    static Bundle document(ObjectNode mb) {
        return FhirExamples.BINDING.toFhir(LinkwayJson.mapper().treeToValue(mb, MessageBack.class));
    }

    static String section(Bundle b, String code) {
        Composition.SectionComponent s = GpLetter.section(b, code);
        assertThat(s).as("section " + code).isNotNull();
        assertThat(s.getText().getStatus()).isEqualTo(Narrative.NarrativeStatus.GENERATED);
        return GpLetter.read(s.getText());
    }

    @Test
    void every_section_with_content_has_a_narrative_without_urls_codes_or_nulls() {
        ObjectNode mb = tree(COMPLETED);
        Bundle b = document(mb);
        List<String> expected = GpLetter.sectionsWithContent(mb);
        assertThat(expected).hasSize(11);
        for (String code : expected) {
            Composition.SectionComponent s = GpLetter.section(b, code);
            assertThat(s).as(code).isNotNull();
            assertThat(s.hasText()).as(code).isTrue();
            String div = GpLetter.div(s.getText());
            assertThat(div)
                    .as(code)
                    .doesNotContain("http://", "https://", "urn:")
                    .doesNotContainPattern("\\bnull\\b");
            assertThat(GpLetter.read(s.getText())).as(code).isNotBlank();
        }
        for (Composition.SectionComponent s : GpLetter.composition(b).getSection()) {
            assertThat(s.hasText()).as(s.getTitle()).isTrue();
        }
        Narrative summary = GpLetter.composition(b).getText();
        assertThat(GpLetter.div(summary)).doesNotContain("http://", "https://");
        assertThat(GpLetter.read(summary))
                .contains(
                        "Mrs Maureen Edith Ashdown",
                        "born 19 July 1948",
                        "NHS number 999 217 4439",
                        "Sent on 18 June 2026 at 14:05 by Hannah Greaves",
                        "Completed",
                        "What the GP is asked to do: GP: please note the closure and consider offering the falls clinic again");
    }

    @Test
    void contacts_read_with_dates_names_methods_places_and_outcomes_in_words() {
        String contacts = section(document(tree(COMPLETED)), "contactsWithProfessionals");
        assertThat(contacts)
                .contains(
                        "5 March 2026 at 10:05: First telephone contact with the link worker. By telephone, seen by Hannah Greaves.")
                .contains(
                        "12 March 2026 at 10:30: Home visit: what matters conversation and wellbeing baseline. "
                                + "Face to face at the person's home, seen by Hannah Greaves. Outcome: another appointment given.")
                // a time given with a +01:00 offset is the same clock time in the UK in June
                .contains("11 June 2026 at 10:00: Final review and closing conversation.")
                .contains("Outcome: discharged (last contact).")
                .doesNotContain("A01", " 01", " 02", "2026-03");
    }

    @Test
    void assessments_give_each_score_with_its_instrument() {
        String assessments = section(document(tree(COMPLETED)), "assessments");
        assertThat(assessments)
                .contains(
                        "Short Warwick-Edinburgh Mental Wellbeing Scale (SWEMWBS) (Wellbeing outcome measure): SWEMWBS raw score, review 21.")
                .contains(
                        "ONS4 personal wellbeing questions (Wellbeing outcome measure): Life satisfaction 7; Worthwhile 7; "
                                + "Happiness yesterday 6; Anxiety yesterday 4.")
                .doesNotContain("{score}");
    }

    @Test
    void a_second_score_on_the_same_instrument_shows_the_change_from_baseline() {
        ObjectNode mb = tree(COMPLETED);
        ArrayNode entries = (ArrayNode) mb.get("assessments").get("entries");
        ObjectNode baseline = (ObjectNode) entries.get(0).deepCopy();
        ((ObjectNode) baseline.get("structuredAssessment").get("assessmentResult")).put("value", 17);
        ((ObjectNode) baseline.get("structuredAssessment")
                        .get("assessmentResult")
                        .get("assessmentScore"))
                .put("text", "SWEMWBS raw score, baseline");
        baseline.remove("assessmentSummary");
        entries.insert(0, baseline);
        ObjectNode ons4Later = (ObjectNode) entries.get(2).deepCopy();
        ((ObjectNode) ons4Later
                        .get("structuredAssessment")
                        .get("subscaleResult")
                        .get(3))
                .put("value", 2);
        entries.add(ons4Later);

        Bundle b = document(mb);
        String assessments = section(b, "assessments");
        assertThat(assessments)
                .contains("SWEMWBS raw score, baseline 17.")
                .contains("SWEMWBS raw score, review 21 (baseline 17, up 4).")
                .contains("Anxiety yesterday 2 (baseline 4, down 2)")
                .contains("Life satisfaction 7 (baseline 7, no change)");
        assertThat(errors(b)).isEmpty();
    }

    @Test
    void the_care_plan_gives_each_goal_with_its_status() {
        ObjectNode mb = tree(COMPLETED);
        ObjectNode need = (ObjectNode)
                mb.get("careAndSupportPlan").get("needsConcernsOrProblems").get(0);
        ObjectNode second = ((ArrayNode) need.get("goalsAndHopes")).addObject();
        second.put("text", "Sleep better");
        // a status with no display: the HL7 wording of its code is shown, not the code
        second.putObject("goalStatus")
                .put("system", "http://terminology.hl7.org/CodeSystem/goal-achievement")
                .put("code", "in-progress");

        String plan = section(document(mb), "careAndSupportPlan");
        assertThat(plan)
                .contains(
                        "Strengths: Sociable and musical; used to sing in a choir; Close relationship with her daughter")
                .contains("Need: Lonely and rarely leaving the house.")
                .contains(
                        "Goal: Get out and meet people at least twice a week. Status: Goal achieved. Importance 9 out of 10. "
                                + "Outcomes: Walking twice a week and singing weekly.")
                .contains("Goal: Sleep better. Status: In progress.")
                .contains(
                        "Agreed with Maureen Ashdown.",
                        "Last updated: 11 June 2026",
                        "Responsible for review: Hannah Greaves, 01632 960583")
                .doesNotContain("goal-achievement", "in-progress");
    }

    @Test
    void the_other_sections_read_as_a_letter() {
        Bundle b = document(tree(COMPLETED));
        assertThat(section(b, "outcome"))
                .contains(
                        "Completed: the person's time with the social prescribing service has ended as planned.",
                        "Message back sent on 18 June 2026 at 14:05.",
                        "Referrer's reference: LMP-SP-2026-00318");
        assertThat(section(b, "referral-details"))
                .contains(
                        "Referred on 2 March 2026 at 10:41 by Dr Priya Nandakumar, General practice, "
                                + "Larkmead Medical Practice (Y03146); sent by secure email.",
                        "Referred to: Hannah Greaves",
                        "Reason for referral: Lonely and low since her husband died");
        assertThat(section(b, "risks"))
                .contains(
                        "At risk for falls (since 3 November 2025). No further falls reported.",
                        "Low mood after bereavement (10 December 2025 to 11 June 2026).");
        assertThat(section(b, "safeguarding"))
                .contains("No safeguarding concerns. No safeguarding concerns arose during link worker support.");
        assertThat(section(b, "consent")).startsWith("Verbal consent given to the link worker on 5 March 2026");
        assertThat(section(b, "clinicalSummary")).contains("She is happy to close and knows she can self-refer again.");
        assertThat(section(b, "signpostDetails"))
                .contains(
                        "Signposted on 12 March 2026: to Eastmere Advice Centre, Money and paperwork advice",
                        "(contact: 01632 960250, Monday to Friday 9am to 4pm). Reason: Needs help to transfer household bills");
        assertThat(section(b, "planAndRequestedActions"))
                .contains(
                        "What the GP and other professionals are asked to do: GP: please note the closure",
                        "What the person or their carer will do: Keep going to the walking group and choir.",
                        "Agreed: Agreed with Mrs Ashdown at the final review on 11 June 2026.");
    }

    @Test
    void text_that_looks_like_markup_is_escaped_and_the_document_still_validates() {
        ObjectNode mb = tree(COMPLETED);
        ((ObjectNode) mb.get("clinicalSummary"))
                .put("clinicalSummary", "Scores <b>up</b> & \"better\"; <script>alert(1)</script>");
        Bundle b = document(mb);
        Composition.SectionComponent s = GpLetter.section(b, "clinicalSummary");
        assertThat(s.getText().getDivAsString()).contains("&lt;script&gt;").doesNotContain("<script>", "<b>up");
        assertThat(GpLetter.read(s.getText())).isEqualTo("Scores <b>up</b> & \"better\"; <script>alert(1)</script>");
        assertThat(errors(b)).isEmpty();
    }

    @Test
    void scores_are_observations_coded_by_instrument_about_the_patient_and_listed_in_the_assessments_section() {
        Bundle b = document(tree(COMPLETED));
        Composition.SectionComponent s = GpLetter.section(b, "assessments");
        List<Observation> scores = new ArrayList<>();
        for (Reference r : s.getEntry()) {
            Resource res = resolve(b, r);
            if (res instanceof Observation o && o.hasValueIntegerType()) {
                scores.add(o);
            }
        }
        assertThat(scores).hasSize(5);
        Observation swemwbs = scores.get(0);
        assertThat(swemwbs.getCode().getCodingFirstRep().getSystem())
                .isEqualTo("https://linkway-sp.github.io/linkway/CodeSystem/outcome-instrument");
        assertThat(swemwbs.getCode().getCodingFirstRep().getCode()).isEqualTo("swemwbs");
        assertThat(swemwbs.getValueIntegerType().getValue()).isEqualTo(21);
        assertThat(swemwbs.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
        assertThat(resolve(b, swemwbs.getSubject())).isInstanceOf(Patient.class);
        assertThat(resolve(b, swemwbs.getDerivedFromFirstRep())).isInstanceOf(Observation.class);
        assertThat(scores.subList(1, 5))
                .allSatisfy(o ->
                        assertThat(o.getCode().getCodingFirstRep().getCode()).isEqualTo("ons4"));
        assertThat(scores.subList(1, 5).stream().map(o -> o.getCode().getText()).toList())
                .containsExactly(
                        "ONS4 personal wellbeing: Life satisfaction", "ONS4 personal wellbeing: Worthwhile",
                        "ONS4 personal wellbeing: Happiness yesterday", "ONS4 personal wellbeing: Anxiety yesterday");
        assertThat(scores.subList(1, 5).stream()
                        .map(o -> o.getValueIntegerType().getValue())
                        .toList())
                .containsExactly(7, 7, 6, 4);
    }

    @Test
    void the_national_snomed_codes_are_filed_where_they_apply() {
        Bundle completed = document(tree(COMPLETED));
        ServiceRequest referral = (ServiceRequest) resolve(
                completed, GpLetter.section(completed, "referral-details").getEntryFirstRep());
        assertThat(referral.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://snomed.info/sct");
        assertThat(referral.getCode().getCodingFirstRep().getCode()).isEqualTo("871731000000106");
        assertThat(referral.getCode().getCodingFirstRep().getDisplay())
                .isEqualTo("Referral to social prescribing service");
        assertThat(codes(completed, "outcome")).doesNotContain("871711000000103");

        Bundle declined = document(tree(DECLINED));
        assertThat(codes(declined, "outcome")).contains("871711000000103");
        assertThat(section(declined, "outcome"))
                .startsWith("Declined: the person chose not to take up social prescribing.");
        assertThat(errors(declined)).isEmpty();
    }

    @Test
    void hapi_finds_no_errors_and_the_document_reads_back_to_the_same_message() {
        ObjectNode mb = tree(COMPLETED);
        Bundle b = document(mb);
        assertThat(errors(b)).isEmpty();
        String fhir = FhirBinding.fhirContext().newJsonParser().encodeResourceToString(b);
        FhirReadResult<PrsbMessage> back = FhirExamples.BINDING.fromFhir(fhir);
        assertThat(back.message()).as(back.toString()).isPresent();
        assertThat(LinkwayJson.mapper().writeValueAsString(back.message().get()))
                .isEqualTo(LinkwayJson.mapper()
                        .writeValueAsString(LinkwayJson.mapper().treeToValue(mb, MessageBack.class)));
    }

    @Test
    void a_message_back_with_only_the_required_sections_has_only_those_sections() {
        ObjectNode mb = tree(DECLINED);
        for (String optional :
                List.of("consent", "contactsWithProfessionals", "clinicalSummary", "planAndRequestedActions")) {
            mb.remove(optional);
        }
        Bundle b = document(mb);
        List<String> codes = GpLetter.composition(b).getSection().stream()
                .map(s -> s.getCode().getCodingFirstRep().getCode())
                .toList();
        assertThat(codes).containsExactly("outcome", "referral-details", "risks");
        assertThat(section(b, "outcome")).doesNotContain("clinical summary");
        assertThat(GpLetter.read(GpLetter.composition(b).getText())).doesNotContain("asked to do");
        assertThat(errors(b)).isEmpty();
    }

    @Test
    void the_excerpt_in_docs_fhir_md_is_what_the_gp_sees() throws IOException {
        String doc = Files.readString(Path.of("../docs/FHIR.md"));
        int start = doc.indexOf("```text", doc.indexOf("<!-- gp-letter-excerpt -->"));
        List<String> lines = doc.substring(start + "```text".length(), doc.indexOf("```", start + 7))
                .strip()
                .lines()
                .toList();
        assertThat(lines).hasSizeGreaterThan(8);
        Bundle b = document(tree(COMPLETED));
        String current = GpLetter.read(GpLetter.composition(b).getText());
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            Composition.SectionComponent heading = GpLetter.composition(b).getSection().stream()
                    .filter(s -> s.getTitle().equals(line))
                    .findFirst()
                    .orElse(null);
            if (heading != null) {
                current = GpLetter.read(heading.getText());
            } else {
                assertThat(current).as("docs/FHIR.md excerpt line").contains(line);
            }
        }
    }

    static List<Finding> errors(Bundle b) {
        return hapi.validate(b).stream().filter(Finding::isError).toList();
    }

    static Resource resolve(Bundle b, Reference r) {
        for (Bundle.BundleEntryComponent e : b.getEntry()) {
            if (e.getFullUrl().equals(r.getReference())) {
                return e.getResource();
            }
        }
        throw new AssertionError("unresolved " + r.getReference());
    }

    static List<String> codes(Bundle b, String section) {
        List<String> codes = new ArrayList<>();
        for (Reference r : GpLetter.section(b, section).getEntry()) {
            if (resolve(b, r) instanceof Observation o) {
                o.getCode().getCoding().forEach(c -> codes.add(c.getCode()));
            }
        }
        return codes;
    }
}
