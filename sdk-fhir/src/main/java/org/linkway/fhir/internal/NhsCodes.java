package org.linkway.fhir.internal;

import java.util.Map;

/**
 * The words behind the codes a message back carries, so a GP reads "face to face" and not "01".
 * NHS Data Dictionary national codes (Consultation Medium Used / Consultation Mechanism,
 * Activity Location Type Code, Outcome of Attendance), HL7 goal achievement, and Linkway's own
 * outcome and referral method codes. An unknown code is shown as it is: a code with no known
 * meaning is still better than nothing.
 */
final class NhsCodes {

    private NhsCodes() {}

    /** NHS Data Dictionary CONSULTATION MEDIUM USED / CONSULTATION MECHANISM, as a phrase ("by telephone"). */
    private static final Map<String, String> CONSULTATION = Map.ofEntries(
            Map.entry("01", "face to face"),
            Map.entry("02", "by telephone"),
            Map.entry("03", "by telemedicine"),
            Map.entry("04", "by talk type (for a person unable to speak)"),
            Map.entry("05", "by email"),
            Map.entry("06", "by text message"),
            Map.entry("07", "by online triage"),
            Map.entry("08", "by online instant messaging"),
            Map.entry("09", "by text message"),
            Map.entry("10", "by instant messaging"),
            Map.entry("11", "by video"),
            Map.entry("12", "by message board"),
            Map.entry("13", "in a chat room"),
            Map.entry("98", "by another method"));

    /** NHS Data Dictionary ACTIVITY LOCATION TYPE CODE. */
    private static final Map<String, String> LOCATION = Map.ofEntries(
            Map.entry("A01", "the person's home"),
            Map.entry("A02", "a carer's home"),
            Map.entry("A03", "the person's workplace"),
            Map.entry("A04", "another place related to the person"),
            Map.entry("B01", "a primary care health centre"),
            Map.entry("B02", "a polyclinic"),
            Map.entry("C01", "a GP practice"),
            Map.entry("C02", "a dental practice"),
            Map.entry("C03", "an ophthalmic practitioner's premises"),
            Map.entry("D01", "a walk-in centre"),
            Map.entry("D02", "an out of hours centre"),
            Map.entry("D03", "an emergency community dental service"),
            Map.entry("E01", "an outpatient clinic"),
            Map.entry("E02", "a hospital ward"),
            Map.entry("E03", "a day hospital"),
            Map.entry("E04", "an emergency care or minor injuries department"),
            Map.entry("E99", "another hospital department"),
            Map.entry("F01", "a hospice"),
            Map.entry("G01", "a care home without nursing"),
            Map.entry("G02", "a care home with nursing"),
            Map.entry("G03", "a children's home"),
            Map.entry("G04", "a care home with and without nursing"),
            Map.entry("H01", "a day centre"),
            Map.entry("J01", "a resource centre"),
            Map.entry("K01", "a Sure Start children's centre"),
            Map.entry("K02", "a child development centre"),
            Map.entry("L01", "a school"),
            Map.entry("L02", "a further education college"),
            Map.entry("L03", "a university"),
            Map.entry("L04", "a nursery"),
            Map.entry("L05", "other childcare premises"),
            Map.entry("L06", "a training establishment"),
            Map.entry("L99", "other educational premises"),
            Map.entry("M01", "a prison"),
            Map.entry("M02", "probation service premises"),
            Map.entry("M03", "a police station or custody suite"),
            Map.entry("M04", "a young offender institution"),
            Map.entry("M05", "an immigration removal centre"),
            Map.entry("M06", "a young offender institution (15 to 17)"),
            Map.entry("M07", "a young offender institution (18 to 21)"),
            Map.entry("N01", "a street or other public open space"),
            Map.entry("N02", "another publicly accessible place"),
            Map.entry("N03", "voluntary or charitable agency premises"),
            Map.entry("N04", "a dispensing optician"),
            Map.entry("N05", "a pharmacy"),
            Map.entry("X01", "another location"));

    /** NHS Data Dictionary OUTCOME OF ATTENDANCE. */
    private static final Map<String, String> CONTACT_OUTCOME = Map.of(
            "1", "discharged (last contact)",
            "2", "another appointment given",
            "3", "appointment to be made later");

    /** HL7 goal-achievement (http://terminology.hl7.org/CodeSystem/goal-achievement). */
    private static final Map<String, String> GOAL = Map.of(
            "in-progress",
            "In progress",
            "improving",
            "Improving",
            "worsening",
            "Worsening",
            "no-change",
            "No change",
            "achieved",
            "Achieved",
            "sustaining",
            "Sustaining",
            "not-achieved",
            "Not achieved",
            "no-progress",
            "No progress",
            "not-attainable",
            "Not attainable");

    /** How the referral ended (MessageBack.outcome), said to the GP. */
    private static final Map<String, String> OUTCOME = Map.of(
            "completed", "Completed: the person's time with the social prescribing service has ended as planned.",
            "declined", "Declined: the person chose not to take up social prescribing.",
            "unable-to-contact", "Closed: the social prescribing service was unable to contact the person.",
            "rejected", "Not accepted: the social prescribing service did not accept the referral.",
            "cancelled", "Cancelled: the referral was withdrawn before the service began.");

    /** PRSB referral method (Linkway enum). */
    private static final Map<String, String> REFERRAL_METHOD = Map.of(
            "fax",
            "by fax",
            "phone",
            "by telephone",
            "secure-messaging",
            "by secure message",
            "secure-email",
            "by secure email",
            "letter",
            "by letter",
            "nhs-e-referral-service",
            "through the NHS e-Referral Service",
            "self-referral",
            "as a self-referral");

    /** Onward referral status and attendance (Linkway enums). */
    private static final Map<String, String> ONWARD = Map.of(
            "sent",
            "sent",
            "accepted",
            "accepted by the provider",
            "declined",
            "declined by the provider",
            "attended",
            "attended",
            "did-not-attend",
            "did not attend",
            "partially-attended",
            "partly attended",
            "completed",
            "completed");

    static String consultation(String code) {
        return words(CONSULTATION, code);
    }

    static String location(String code) {
        return words(LOCATION, code);
    }

    static String contactOutcome(String code) {
        return words(CONTACT_OUTCOME, code);
    }

    static String goalStatus(String code) {
        return words(GOAL, code);
    }

    static String outcome(String code) {
        return words(OUTCOME, code);
    }

    static String referralMethod(String code) {
        return words(REFERRAL_METHOD, code);
    }

    static String onward(String code) {
        return words(ONWARD, code);
    }

    private static String words(Map<String, String> table, String code) {
        return code == null ? null : table.getOrDefault(code.strip(), code.strip());
    }
}
