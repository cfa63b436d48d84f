package org.linkway.server.reports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The reportable facts of each record: coarse categories only, never a name, a number that
 * identifies a person, or free text. What the reports count is derived from these rows.
 */
final class Facts {

    static final String NOT_RECORDED = "not-recorded";
    static final String SNOMED = "http://snomed.info/sct";

    private Facts() {}

    record Referral(
            String referralId,
            long receivedAt,
            long referredAt,
            String referrerOrg,
            String source,
            String route,
            String ageBand,
            String gender,
            String ethnicity,
            String gpPractice,
            List<String> needs,
            String personKey,
            boolean rereferral,
            String status,
            Long engagedAt,
            Long declinedAt,
            Long closedAt,
            Long firstContactAt,
            int contacts) {

        Referral withStatus(String s) {
            return new Referral(
                    referralId,
                    receivedAt,
                    referredAt,
                    referrerOrg,
                    source,
                    route,
                    ageBand,
                    gender,
                    ethnicity,
                    gpPractice,
                    needs,
                    personKey,
                    rereferral,
                    s,
                    engagedAt,
                    declinedAt,
                    closedAt,
                    firstContactAt,
                    contacts);
        }

        Referral asRereferral() {
            return new Referral(
                    referralId,
                    receivedAt,
                    referredAt,
                    referrerOrg,
                    source,
                    route,
                    ageBand,
                    gender,
                    ethnicity,
                    gpPractice,
                    needs,
                    personKey,
                    true,
                    status,
                    engagedAt,
                    declinedAt,
                    closedAt,
                    firstContactAt,
                    contacts);
        }

        Referral withTimes(Long engaged, Long declined, Long closed) {
            return new Referral(
                    referralId,
                    receivedAt,
                    referredAt,
                    referrerOrg,
                    source,
                    route,
                    ageBand,
                    gender,
                    ethnicity,
                    gpPractice,
                    needs,
                    personKey,
                    rereferral,
                    status,
                    engaged,
                    declined,
                    closed,
                    firstContactAt,
                    contacts);
        }

        Referral withContact(long at) {
            Long first = firstContactAt == null || at < firstContactAt ? Long.valueOf(at) : firstContactAt;
            return new Referral(
                    referralId,
                    receivedAt,
                    referredAt,
                    referrerOrg,
                    source,
                    route,
                    ageBand,
                    gender,
                    ethnicity,
                    gpPractice,
                    needs,
                    personKey,
                    rereferral,
                    status,
                    engagedAt,
                    declinedAt,
                    closedAt,
                    first,
                    contacts + 1);
        }
    }

    record Onward(String onwardId, String referralId, String category, String status) {}

    record Outcome(
            String referralId,
            String instrument,
            String scoreId,
            int better,
            int administrations,
            long firstAt,
            double firstValue,
            long lastAt,
            double lastValue) {}

    /**
     * Facts of a referral as received. {@code rereferral} is decided by the caller, who can see
     * earlier ones. Times are the clinical ones PRSB records where present: the referral's date
     * (referral details), not when the record reached or was typed into Linkway.
     */
    static Referral referral(String id, long receivedAt, String referrerOrg, JsonNode doc) {
        JsonNode person = doc.path("personDemographics");
        JsonNode entry = doc.path("referralDetails").path("entries").path(0);
        String route = text(entry.path("referralMethod"));
        Long dated = micros(text(entry.path("date")));
        long referredAt = dated == null ? receivedAt : dated;
        return new Referral(
                id,
                receivedAt,
                referredAt,
                referrerOrg == null || referrerOrg.isBlank() ? NOT_RECORDED : referrerOrg,
                ReferralSource.of(entry, route),
                route == null ? NOT_RECORDED : route,
                ageBand(text(person.path("dateOfBirth")), referredAt),
                gender(text(person.path("gender"))),
                ethnicity(text(person.path("ethnicity"))),
                gpPractice(doc),
                needs(doc, entry),
                personKey(person),
                false,
                "received",
                null,
                null,
                null,
                null,
                0);
    }

    /** The registered GP practice's ODS code from the GP practice section, or not recorded. */
    static String gpPractice(JsonNode doc) {
        String code = text(doc.path("gpPractice").path("entries").path(0).path("gpPracticeIdentifier"));
        return code != null && code.matches("[A-Z0-9]{3,6}") ? code : NOT_RECORDED;
    }

    /**
     * A PRSB date or date and time as microseconds since the epoch (a date alone is its start, in
     * UTC); null if absent or unreadable, so the caller falls back to a time it knows.
     */
    static Long micros(String value) {
        if (value == null) {
            return null;
        }
        try {
            Instant t = value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : OffsetDateTime.parse(value).toInstant();
            return ChronoUnit.MICROS.between(Instant.EPOCH, t);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static final List<String> AGE_BANDS =
            List.of("0-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75-84", "85+", NOT_RECORDED);

    static String ageBand(String dateOfBirth, long receivedAtMicros) {
        if (dateOfBirth == null || dateOfBirth.length() < 10) {
            return NOT_RECORDED;
        }
        LocalDate dob;
        try {
            dob = LocalDate.parse(dateOfBirth.substring(0, 10));
        } catch (RuntimeException e) {
            return NOT_RECORDED;
        }
        LocalDate on = Instant.EPOCH
                .plus(receivedAtMicros, ChronoUnit.MICROS)
                .atOffset(ZoneOffset.UTC)
                .toLocalDate();
        long age = ChronoUnit.YEARS.between(dob, on);
        if (age < 0) {
            return NOT_RECORDED;
        }
        if (age < 18) {
            return "0-17";
        }
        if (age < 25) {
            return "18-24";
        }
        if (age >= 85) {
            return "85+";
        }
        long low = age / 10 * 10 + (age % 10 >= 5 ? 5 : -5);
        return low + "-" + (low + 9);
    }

    static final List<String> GENDERS = List.of("female", "male", "indeterminate", "not-known", NOT_RECORDED);

    /** NHS Data Dictionary person stated gender codes. */
    static String gender(String code) {
        if (code == null) {
            return NOT_RECORDED;
        }
        return switch (code) {
            case "1" -> "male";
            case "2" -> "female";
            case "9" -> "indeterminate";
            default -> "not-known";
        };
    }

    static final List<String> ETHNIC_GROUPS =
            List.of("white", "mixed", "asian", "black", "other", "not-stated", NOT_RECORDED);

    /** NHS ethnic category codes (A to S, Z not stated, 99 not known) grouped into the five top-level groups. */
    static String ethnicity(String code) {
        if (code == null) {
            return NOT_RECORDED;
        }
        return switch (code) {
            case "A", "B", "C" -> "white";
            case "D", "E", "F", "G" -> "mixed";
            case "H", "J", "K", "L" -> "asian";
            case "M", "N", "P" -> "black";
            case "R", "S" -> "other";
            default -> "not-stated";
        };
    }

    /** Needs and concerns: the SNOMED CT codes of the presenting complaints and the reason for referral; free text is never reported. */
    static List<String> needs(JsonNode doc, JsonNode entry) {
        Set<String> codes = new LinkedHashSet<>();
        for (JsonNode c : doc.path("presentingComplaintsOrIssues").path("presentingComplaints")) {
            addSnomed(codes, c.path("coding"));
        }
        addSnomed(codes, entry.path("reasonForReferral").path("coding"));
        return codes.isEmpty() ? List.of("uncoded") : new ArrayList<>(codes);
    }

    private static void addSnomed(Set<String> codes, JsonNode coding) {
        String code = text(coding.path("code"));
        if (SNOMED.equals(text(coding.path("system"))) && code != null && code.matches("[0-9]{6,18}")) {
            codes.add(code);
        }
    }

    /**
     * A one-way key for the person, only to notice re-referrals: the NHS number, or failing that
     * family name, first name and date of birth, hashed. It never leaves the database.
     */
    static String personKey(JsonNode person) {
        String nhs = text(person.path("nhsNumber"));
        String basis;
        if (nhs != null) {
            basis = "nhs:" + nhs;
        } else {
            String family = text(person.path("name").path("familyNames").path(0));
            String first = text(person.path("name").path("firstNames").path(0));
            String dob = text(person.path("dateOfBirth"));
            if (family == null || dob == null) {
                return null;
            }
            basis = "pd:" + family.toLowerCase(Locale.ROOT).strip() + "|"
                    + (first == null ? "" : first.toLowerCase(Locale.ROOT).strip()) + "|" + dob;
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String onwardCategory(JsonNode onward) {
        JsonNode coding =
                onward.path("referral").path("referralTo").path("service").path("coding");
        String system = text(coding.path("system"));
        String code = text(coding.path("code"));
        if (OnwardReferralCategory.SYSTEM.equals(system)) {
            return OnwardReferralCategory.fromCode(code)
                    .orElse(OnwardReferralCategory.UNCATEGORISED)
                    .code();
        }
        if (SNOMED.equals(system) && code != null) {
            // verified SNOMED CT referral procedures (Greater Manchester code set) that name a category
            switch (code) {
                case "390893007":
                    return OnwardReferralCategory.PHYSICAL_ACTIVITY.code();
                case "837111000000105", "771491000000104":
                    return OnwardReferralCategory.HEALTHY_LIFESTYLES.code();
                default:
                    break;
            }
        }
        return OnwardReferralCategory.UNCATEGORISED.code();
    }

    static String text(JsonNode n) {
        return n == null || !n.isString() || n.asString().isBlank() ? null : n.asString();
    }
}
