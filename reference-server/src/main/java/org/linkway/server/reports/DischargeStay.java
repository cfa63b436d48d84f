package org.linkway.server.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.JsonNode;

/**
 * One referral's hospital stay as the hospital discharge report counts it, read from the stored
 * {@code HospitalDischarge} record (already validated on the way in).
 *
 * @param month the month it is counted in: the actual discharge, else the admission, else the
 *     planned discharge, else (an admission avoided, no dates) the month the record was made
 * @param outcome discharge, admission-avoidance or other
 * @param recordedBedDays the social prescriber's own judgement of hospital bed days saved, or null
 * @param daysEarly days between the actual and the planned discharge (not below 0), or null
 * @param budgetCost a one-off personal health budget's cost, or null when none was given
 * @param readmitted2Weeks the 2-week readmission answer, or null if not yet checked
 * @param readmitted3Months the 3-month readmission answer, or null if not yet checked
 */
record DischargeStay(
        YearMonth month,
        String outcome,
        Integer recordedBedDays,
        Integer daysEarly,
        BigDecimal budgetCost,
        String readmitted2Weeks,
        String readmitted3Months) {

    static DischargeStay of(JsonNode record, java.time.Instant recordedAt) {
        JsonNode s = record.path("hospitalStay");
        LocalDate admitted = date(s, "admissionDate");
        LocalDate planned = date(s, "plannedDischargeDate");
        LocalDate actual = date(s, "actualDischargeDate");
        LocalDate dated = actual != null ? actual : admitted != null ? admitted : planned;
        YearMonth month = dated != null ? YearMonth.from(dated) : YearMonth.from(recordedAt.atZone(ZoneOffset.UTC));
        Integer early =
                planned != null && actual != null ? (int) Math.max(0, ChronoUnit.DAYS.between(actual, planned)) : null;
        boolean budget = s.path("oneOffPersonalHealthBudget").asBoolean(false);
        BigDecimal cost = !budget
                ? null
                : s.path("personalHealthBudgetCost").isNumber()
                        ? s.path("personalHealthBudgetCost").decimalValue()
                        : BigDecimal.ZERO;
        return new DischargeStay(
                month,
                s.path("serviceOutcome").asString("other"),
                s.path("hospitalBedDaysSaved").isNumber()
                        ? s.path("hospitalBedDaysSaved").asInt()
                        : null,
                early,
                cost,
                s.path("readmissionWithin2Weeks").asString(null),
                s.path("readmissionWithin3Months").asString(null));
    }

    /**
     * Hospital bed days saved, by the report's stated assumptions, in this order: the social
     * prescriber's recorded judgement (the evaluation's own method); for an expedited discharge,
     * the days it came before the planned date; for an admission avoided, the assumed length of
     * the stay avoided; otherwise none.
     */
    int bedDaysSaved(DischargeAssumptions a) {
        if (recordedBedDays != null) {
            return recordedBedDays;
        }
        if ("discharge".equals(outcome) && daysEarly != null) {
            return daysEarly;
        }
        if ("admission-avoidance".equals(outcome)) {
            return a.avoidedAdmissionBedDays();
        }
        return 0;
    }

    private static LocalDate date(JsonNode s, String member) {
        String text = s.path(member).asString(null);
        return text == null ? null : LocalDate.parse(text);
    }
}
