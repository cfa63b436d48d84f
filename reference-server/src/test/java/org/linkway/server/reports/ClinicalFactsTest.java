package org.linkway.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.server.http.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The facts a report counts come from the clinical record's codes and dates, never its free text or typing times. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ClinicalFactsTest {

    /** A referral as PRSB records it, with the referrer's organisation and role as given (null leaves one out). */
    private static JsonNode referral(String odsCode, String orgText, String roleCode, String method, String date) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        ObjectNode entry = doc.putObject("referralDetails").putArray("entries").addObject();
        ObjectNode referrer = entry.putObject("referrerDetails");
        referrer.put("name", "Invented Referrer");
        referrer.putObject("service").put("text", "Community mental health team");
        ObjectNode org = referrer.putObject("organisation");
        if (odsCode != null) {
            org.put("code", odsCode);
        }
        if (orgText != null) {
            org.put("text", orgText);
        }
        if (roleCode != null) {
            referrer.putObject("role").put("code", roleCode);
        }
        if (method != null) {
            entry.put("referralMethod", method);
        }
        if (date != null) {
            entry.put("date", date);
        }
        doc.putObject("gpPractice").putArray("entries").addObject().put("gpPracticeIdentifier", "M91528");
        return doc;
    }

    private static long micros(String instant) {
        return Projection.micros(Instant.parse(instant));
    }

    private static String source(JsonNode doc) {
        return Facts.referral("r1", micros("2026-11-20T09:00:00Z"), "8EC41", doc)
                .source();
    }

    @Test
    void referral_source_follows_codes_and_never_free_text() {
        // a community mental health team is an NHS trust's, whatever its name suggests
        assertThat(source(referral("RXT", "Community mental health team", null, "secure-email", null)))
                .isEqualTo("nhs-trust");
        assertThat(source(referral("RXT01", null, null, null, null))).isEqualTo("nhs-trust");
        assertThat(source(referral("Y03146", "Larkmead Medical Practice", null, null, null)))
                .isEqualTo("general-practice");
        assertThat(source(referral(null, "Anywhere", "R0260", null, null))).isEqualTo("general-practice");
        assertThat(source(referral("FA123", "Eastmere Pharmacy", null, null, null)))
                .isEqualTo("pharmacy");
        assertThat(source(referral("8EC41", "Age UK Eastmere", null, null, null)))
                .isEqualTo("other");
        // a charity named only in words: nothing coded, so not recorded rather than guessed
        assertThat(source(referral(null, "Age UK Eastmere", null, null, null))).isEqualTo("not-recorded");
        assertThat(source(referral(null, "GP surgery, self-referral, hospital", null, null, null)))
                .isEqualTo("not-recorded");
        assertThat(source(referral("RXT", "Hospital", null, "self-referral", null)))
                .isEqualTo("self");
    }

    @Test
    void the_registered_gp_practice_comes_from_the_gp_practice_section() {
        Facts.Referral r =
                Facts.referral("r1", micros("2026-11-20T09:00:00Z"), "8EC41", referral("RXT", null, null, null, null));
        assertThat(r.gpPractice()).isEqualTo("M91528");
        ObjectNode none = (ObjectNode) referral("RXT", null, null, null, null);
        none.remove("gpPractice");
        assertThat(Facts.referral("r2", 0, "8EC41", none).gpPractice()).isEqualTo("not-recorded");
    }

    /** The case: five referrals dated 1 November, first contact on 13 November, all typed in later. */
    @Test
    void days_to_first_contact_run_from_the_referral_date_to_the_contact_date() {
        long typedIn = micros("2026-11-20T09:00:00Z");
        Facts.Referral r = Facts.referral("r1", typedIn, "8EC41", referral("RXT", null, null, null, "2026-11-01"));
        assertThat(r.referredAt()).isEqualTo(micros("2026-11-01T00:00:00Z"));
        assertThat(r.receivedAt()).isEqualTo(typedIn);
        Facts.Referral contacted = r.withContact(Facts.micros("2026-11-13T10:00:00Z"));
        assertThat(keys(contacted, Section.FIRST_CONTACT)).containsExactly("8-14");
        assertThat(keys(contacted, Section.AGE_BAND)).hasSize(1);
        // the referral's month is the month of its date, not of its typing
        assertThat(Contributions.of(contacted).get(0).month()).isEqualTo("2026-11");

        Facts.Referral undated = Facts.referral("r2", typedIn, "8EC41", referral("RXT", null, null, null, null));
        assertThat(undated.referredAt()).as("no date recorded: the receipt").isEqualTo(typedIn);
        assertThat(Facts.micros("not a date")).isNull();
        assertThat(Facts.micros("2026-11-01T10:00:00+01:00")).isEqualTo(micros("2026-11-01T09:00:00Z"));
    }

    private static List<String> keys(Facts.Referral r, Section s) {
        return Contributions.of(r).stream()
                .filter(k -> k.section().equals(s.id()))
                .map(Contributions.Key::category)
                .toList();
    }
}
