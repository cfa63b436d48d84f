package org.linkway.validation.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.linkway.validation.Rule;

/**
 * {@code LW-HOSPITAL-DISCHARGE}: what the schema cannot say about a Linkway hospital stay. A
 * readmission answered yes without its date cannot be counted by month or checked against its
 * window; a date beside a "no" contradicts itself; a date outside the window it answers for
 * (2 weeks, 3 months after discharge) would be counted in the wrong rate. A budget's cost
 * without the budget would add spend to a person recorded as having had none.
 */
final class HospitalStayRules {

    private HospitalStayRules() {}

    static void check(Spec s, String[] captured, CharSequence path, PrsbRuleChecks.Sink out) {
        LocalDate discharged = day(PrsbRuleChecks.member(s, captured, "actualDischargeDate"));
        readmission(
                s,
                captured,
                path,
                out,
                "readmissionWithin2Weeks",
                discharged,
                discharged == null ? null : discharged.plusDays(14),
                "2 weeks");
        readmission(
                s,
                captured,
                path,
                out,
                "readmissionWithin3Months",
                discharged,
                discharged == null ? null : discharged.plusMonths(3),
                "3 months");
        String cost = PrsbRuleChecks.member(s, captured, "personalHealthBudgetCost");
        String given = PrsbRuleChecks.member(s, captured, "oneOffPersonalHealthBudget");
        if (cost != null && !"true".equals(given)) {
            out.add(
                    Rule.HOSPITAL_DISCHARGE,
                    path + "/personalHealthBudgetCost",
                    s.child("personalHealthBudgetCost"),
                    "a personal health budget cost (" + cost + ") is recorded, but 'oneOffPersonalHealthBudget' is not"
                            + " true: record that the budget was given, or leave the cost out.");
        }
    }

    private static void readmission(
            Spec s,
            String[] captured,
            CharSequence path,
            PrsbRuleChecks.Sink out,
            String member,
            LocalDate discharged,
            LocalDate windowEnd,
            String window) {
        String answer = PrsbRuleChecks.member(s, captured, member);
        String dateMember = member + "Date";
        String dateText = PrsbRuleChecks.member(s, captured, dateMember);
        if ("yes".equals(answer) && dateText == null) {
            out.add(
                    Rule.HOSPITAL_DISCHARGE,
                    path + "/" + dateMember,
                    s.child(dateMember),
                    "'" + member + "' is yes: record the readmission's date in '" + dateMember + "'.");
            return;
        }
        if (dateText != null && !"yes".equals(answer)) {
            out.add(
                    Rule.HOSPITAL_DISCHARGE,
                    path + "/" + member,
                    s.child(member),
                    "'" + dateMember + "' is " + dateText + ", but '" + member + "' is "
                            + (answer == null ? "not recorded" : "'" + answer + "'")
                            + ": a readmission date needs the answer yes.");
            return;
        }
        LocalDate readmitted = day(dateText);
        // before discharge is LW-DATE-ORDER's finding; this rule only judges the window's far end
        if (readmitted != null && windowEnd != null && readmitted.isAfter(windowEnd)) {
            out.add(
                    Rule.HOSPITAL_DISCHARGE,
                    path + "/" + dateMember,
                    s.child(dateMember),
                    "'" + dateMember + "' is " + readmitted + ", more than " + window + " after the discharge on "
                            + discharged + " (the last day in the window is " + windowEnd + ").");
        }
    }

    private static LocalDate day(String text) {
        if (text == null || text.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null; // the format is reported where the value is
        }
    }
}
