package org.linkway.server.reports;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One table of a report: what it counts, its fixed columns (others may appear, e.g. SNOMED CT
 * codes of needs), and whether its period is the referral's month of receipt or the event's.
 */
enum Section {
    AGE_BAND("demographics.age-band", "Referrals by age band at receipt", "referrals", Facts.AGE_BANDS),
    GENDER("demographics.gender", "Referrals by stated gender", "referrals", Facts.GENDERS),
    ETHNICITY("demographics.ethnicity", "Referrals by ethnic group", "referrals", Facts.ETHNIC_GROUPS),
    GP_PRACTICE(
            "demographics.gp-practice",
            "Referrals by registered GP practice (ODS code from the GP practice section)",
            "referrals",
            List.of(Facts.NOT_RECORDED)),
    NEEDS(
            "needs.presenting",
            "Needs and concerns: referrals with each SNOMED CT coded presenting complaint or reason (uncoded if none)",
            "referral-needs",
            List.of("uncoded")),
    OUTCOME_CHANGE(
            "outcomes.change",
            "Outcomes: people with a baseline and a later administration of an instrument, by whether the score improved",
            "people",
            List.of("improved", "unchanged", "worsened")),
    SOURCE(
            "process.source",
            "Referrals by source, from coded data only: the referrer's coded role and the kind of organisation "
                    + "its ODS code names (never from free text)",
            "referrals",
            List.of("general-practice", "nhs-trust", "pharmacy", "self", "other", Facts.NOT_RECORDED)),
    ROUTE(
            "process.route",
            "Referrals by route (referral method)",
            "referrals",
            List.of(
                    "nhs-e-referral-service",
                    "secure-messaging",
                    "secure-email",
                    "letter",
                    "phone",
                    "fax",
                    "self-referral",
                    Facts.NOT_RECORDED)),
    STATUS(
            "process.status",
            "Referrals by where they are now: acceptance, decline, unable to contact and the rest",
            "referrals",
            List.of(
                    "received",
                    "accepted",
                    "in-progress",
                    "completed",
                    "declined",
                    "unable-to-contact",
                    "rejected",
                    "cancelled")),
    FIRST_CONTACT(
            "process.days-to-first-contact",
            "Days from the referral date (PRSB referral details; receipt if none) to the date of the first contact "
                    + "made (PRSB contact date)",
            "referrals",
            List.of("0-2", "3-7", "8-14", "15-28", "29+", "no-contact-yet")),
    CONTACTS(
            "process.contacts-per-referral",
            "Contacts made per referral (per person referred)",
            "referrals",
            List.of("0", "1", "2", "3-5", "6+")),
    CLOSURE_TIME(
            "process.days-to-closure",
            "Days from receipt to closure",
            "referrals",
            List.of("0-28", "29-56", "57-84", "85-182", "183+", "open")),
    REREFERRAL(
            "process.re-referral",
            "Referrals of someone referred before",
            "referrals",
            List.of("first-referral", "re-referral")),
    ONWARD_OUTCOME(
            "support.onward-referrals",
            "Support offered: onward referrals by category of organisation (rows; the row total is "
                    + "the category's count) and the provider's outcome (current status)",
            "onward-referrals",
            List.of("sent", "accepted", "declined", "attended", "did-not-attend", "completed")),
    SNOMED(
            "codes.snomed",
            "SNOMED CT codes as GP systems record them, by the month of the event: 871731000000106 Referral to social "
                    + "prescribing service (first move to in-progress), 871711000000103 Social prescribing declined (move to declined)",
            "codes",
            List.of("871731000000106", "871711000000103")),
    // appointments with the link worker (issue 19): each outcome is recorded once and is final
    APPOINTMENTS(
            "process.appointments",
            "Appointments with the link worker by outcome (attended, did not attend), by the month the appointment "
                    + "started",
            "appointments",
            List.of("attended", "did-not-attend")),
    // time rules (issue 19): each rule that fell due is raised once, so each raise counts once
    OVERDUE(
            "process.overdue",
            "Time rules that fell due unmet (first contact, follow-up, review), by the month they fell due",
            "overdue-rules",
            List.of("first-contact", "follow-up", "review"));

    /**
     * Sections whose rows count each referral once, in exactly one column: a row of any of them
     * and the row with the same period and organisation of any other add up to the same number of
     * referrals, which {@link Disclosure} takes into account.
     */
    static final java.util.Set<Section> PARTITION_REFERRALS = java.util.EnumSet.of(
            AGE_BAND,
            GENDER,
            ETHNICITY,
            GP_PRACTICE,
            SOURCE,
            ROUTE,
            STATUS,
            FIRST_CONTACT,
            CONTACTS,
            CLOSURE_TIME,
            REREFERRAL);

    // A count published in two sections must be suppressed the same way in both, or one could
    // reveal what the other hides. So onward referrals by category are the row totals of the
    // onward-outcome table (one table, in both reports), and closure reasons are the closed
    // columns of the status table rather than a second table of the same numbers.
    static final List<Section> MINIMUM_DATASET =
            List.of(AGE_BAND, GENDER, ETHNICITY, GP_PRACTICE, NEEDS, ONWARD_OUTCOME, OUTCOME_CHANGE);
    static final List<Section> PROCESS_MEASURES = List.of(
            SOURCE,
            ROUTE,
            STATUS,
            FIRST_CONTACT,
            CONTACTS,
            CLOSURE_TIME,
            REREFERRAL,
            ONWARD_OUTCOME,
            OUTCOME_CHANGE,
            SNOMED,
            APPOINTMENTS,
            OVERDUE);

    /** Every section of every report: what one request publishes together (in this order). */
    static final List<Section> RELEASED_TOGETHER = List.of(values());

    private final String id;
    private final String title;
    private final String unit;
    private final List<String> columns;

    Section(String id, String title, String unit, List<String> columns) {
        this.id = id;
        this.title = title;
        this.unit = unit;
        this.columns = columns;
    }

    String id() {
        return id;
    }

    String title() {
        return title;
    }

    String unit() {
        return unit;
    }

    List<String> columns() {
        return columns;
    }

    static Optional<Section> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
