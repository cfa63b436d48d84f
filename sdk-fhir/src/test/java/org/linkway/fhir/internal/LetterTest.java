package org.linkway.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Dates, names and codes in the words a GP reads, and narrative text escaped. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LetterTest {

    static JsonNode json(String s) {
        return LinkwayJson.mapper().readTree(s);
    }

    @Test
    void dates_are_written_as_people_write_them_in_uk_time() {
        assertThat(Letter.date("2026-03-12")).isEqualTo("12 March 2026");
        assertThat(Letter.date("2026-03")).isEqualTo("March 2026");
        assertThat(Letter.date("2026")).isEqualTo("2026");
        assertThat(Letter.date("2026-03-05T10:05:00Z")).isEqualTo("5 March 2026 at 10:05");
        // British Summer Time: 09:00 UTC on 1 July is 10:00 on a clock in England
        assertThat(Letter.date("2026-07-01T09:00:00Z")).isEqualTo("1 July 2026 at 10:00");
        assertThat(Letter.date("2026-06-11T10:00:00+01:00")).isEqualTo("11 June 2026 at 10:00");
        assertThat(Letter.date("2026-11-27T09:56Z")).isEqualTo("27 November 2026 at 09:56");
        assertThat(Letter.date("2026-11-27T09:56:00")).isEqualTo("27 November 2026 at 09:56");
        assertThat(Letter.date("next Tuesday")).isEqualTo("next Tuesday");
        assertThat(Letter.date((String) null)).isNull();
    }

    @Test
    void coded_values_are_shown_by_their_words_never_their_system() {
        assertThat(
                        Letter.text(
                                json(
                                        "{\"coding\":{\"system\":\"http://snomed.info/sct\",\"code\":\"129839007\",\"display\":\"At risk for falls\"}}")))
                .isEqualTo("At risk for falls");
        assertThat(Letter.text(json(
                        "{\"coding\":{\"system\":\"http://snomed.info/sct\",\"code\":\"1\"},\"text\":\"Lonely\"}")))
                .isEqualTo("Lonely");
        assertThat(Letter.text(json("{\"system\":\"http://example.org\",\"code\":\"X1\"}")))
                .isEqualTo("X1");
        assertThat(Letter.text(json("21.0"))).isEqualTo("21");
        assertThat(Letter.text(json("2.50"))).isEqualTo("2.5");
        assertThat(Letter.text(json("null"))).isNull();
        assertThat(Letter.text(null)).isNull();
    }

    @Test
    void names_and_parties_read_as_on_an_envelope() {
        ObjectNode name = (ObjectNode)
                json(
                        "{\"title\":\"Mrs\",\"firstNames\":[\"Maureen\",\"Edith\"],\"familyNames\":[\"Ashdown\"],\"preferredName\":\"Mo\"}");
        assertThat(Letter.personName(name)).isEqualTo("Mrs Maureen Edith Ashdown (known as Mo)");
        assertThat(Letter.personName(json("{\"fullName\":\"Paul Brennan\"}"))).isEqualTo("Paul Brennan");
        assertThat(Letter.party(json(
                        "{\"name\":\"Hannah Greaves\",\"role\":{\"display\":\"Link worker\"},\"team\":\"Eastmere\","
                                + "\"organisation\":{\"code\":\"8EC41\",\"text\":\"Eastmere Community Action\"}}")))
                .isEqualTo("Hannah Greaves (Link worker), Eastmere, Eastmere Community Action (8EC41)");
        assertThat(Letter.organisation(json("{\"code\":\"Y03146\",\"text\":\"Larkmead Medical Practice (Y03146)\"}")))
                .isEqualTo("Larkmead Medical Practice (Y03146)");
        assertThat(Letter.nhsNumber("9992174439")).isEqualTo("999 217 4439");
    }

    @Test
    void nhs_data_dictionary_codes_are_shown_in_words_and_an_unknown_code_as_it_is() {
        assertThat(NhsCodes.consultation("01")).isEqualTo("face to face");
        assertThat(NhsCodes.consultation("02")).isEqualTo("by telephone");
        assertThat(NhsCodes.consultation("11")).isEqualTo("by video");
        assertThat(NhsCodes.location("A01")).isEqualTo("the person's home");
        assertThat(NhsCodes.location("N03")).isEqualTo("voluntary or charitable agency premises");
        assertThat(NhsCodes.contactOutcome("1")).isEqualTo("discharged (last contact)");
        assertThat(NhsCodes.contactOutcome("3")).isEqualTo("appointment to be made later");
        assertThat(NhsCodes.goalStatus("not-achieved")).isEqualTo("Not achieved");
        assertThat(NhsCodes.referralMethod("nhs-e-referral-service")).isEqualTo("through the NHS e-Referral Service");
        assertThat(NhsCodes.location("Z99")).isEqualTo("Z99");
        assertThat(NhsCodes.consultation(null)).isNull();
    }

    @Test
    void narrative_text_is_escaped_and_a_narrative_with_nothing_to_say_is_none() {
        assertThat(Xhtml.escape("a < b & \"c\" > d\u0001")).isEqualTo("a &lt; b &amp; &quot;c&quot; &gt; d");
        assertThat(new Xhtml().p(null).p("  ").list(List.of()).narrative()).isNull();
        assertThat(new Xhtml().p("Reason:", "<x>").narrative().getDivAsString())
                .isEqualTo("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p><b>Reason:</b> &lt;x&gt;</p></div>");
    }

    @Test
    void onward_referrals_read_with_provider_status_attendance_and_outcome() {
        // the message back schema has no onward referrals yet; the narrative is ready for them in either shape
        JsonNode section = json(
                "{\"entries\":[{\"status\":\"attended\",\"provider\":{\"name\":\"Jo Marsh\","
                        + "\"organisation\":{\"text\":\"Eastmere Strollers\"}},\"referral\":{\"date\":\"2026-03-20\","
                        + "\"reasonForReferral\":{\"text\":\"wants to walk with others\"}},\"feedback\":[{\"at\":\"2026-04-02T16:00:00+01:00\","
                        + "\"attendance\":\"attended\",\"text\":\"came to all four walks\"}],\"outcome\":\"Now walks twice a week\"},"
                        + "{\"date\":\"2026-04-01\",\"referralTo\":{\"organisation\":{\"text\":\"St Anne's choir\"}},\"attendance\":\"did-not-attend\"}]}");
        String div = JourneyNarrative.onwardReferrals(section).narrative().getDivAsString();
        assertThat(div)
                .contains(
                        "Referred on 20 March 2026 to Jo Marsh, Eastmere Strollers. Reason: Wants to walk with others. Status: attended.")
                .contains("Feedback on 2 April 2026 at 16:00: Attended. Came to all four walks.")
                .contains("Outcome: Now walks twice a week.")
                .contains("Referred on 1 April 2026 to St Anne&#39;s choir".replace("&#39;", "'"))
                .contains("Attendance: did not attend.");
        assertThat(JourneyNarrative.onwardReferrals(null).narrative()).isNull();
    }

    @Test
    void a_contact_seen_by_someone_unnamed_says_nothing_about_who() {
        JsonNode section = json("{\"entries\":[{\"dateAndTimeOfContact\":\"2026-03-05\",\"seenBy\":[{}],"
                + "\"professionalsPresent\":[{}],\"consultationMethod\":\"02\"}]}");
        String div = JourneyNarrative.contacts(section).narrative().getDivAsString();
        assertThat(div).contains("5 March 2026. By telephone.").doesNotContain("null", "seen by", "present");
    }
}
