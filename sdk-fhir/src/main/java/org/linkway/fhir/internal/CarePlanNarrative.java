package org.linkway.fhir.internal;

import static org.linkway.fhir.internal.MessageBackNarrative.nz;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/** The care and support plan in words: strengths, each need with its goals and their status, and who reviews it. */
final class CarePlanNarrative {

    private CarePlanNarrative() {}

    static Xhtml of(JsonNode plan) {
        Xhtml x = new Xhtml();
        if (plan == null || !plan.isObject()) {
            return x;
        }
        List<String> strengths = new ArrayList<>();
        each(plan.get("strengths"), s -> strengths.add(Letter.text(s)));
        x.p("Strengths:", Letter.join("; ", strengths));
        List<String> lines = new ArrayList<>();
        each(plan.get("needsConcernsOrProblems"), need -> {
            String needText = Letter.text(need);
            List<String> goals = new ArrayList<>();
            each(need.get("goalsAndHopes"), g -> goals.add(goal(g)));
            lines.add(Letter.join(
                    " ",
                    List.of(
                            "Need: " + (needText == null ? "not described" : Letter.sentence(needText)),
                            nz(Letter.join(" ", goals)))));
        });
        x.list(lines);
        JsonNode agreed = plan.get("agreedWithPersonOrLegitimateRepresentative");
        if (agreed != null && agreed.isObject()) {
            JsonNode yes = agreed.get("personOrLegitimateRepresentative");
            String whom = Letter.join(
                    ", ", List.of(nz(Letter.text(agreed.get("personFullName"))), nz(Letter.text(agreed.get("role")))));
            String said = yes != null && yes.isBoolean() && !yes.booleanValue()
                    ? "Not agreed with the person or their representative"
                    : "Agreed with " + (whom == null ? "the person or their representative" : whom);
            x.p(said + ".");
        }
        x.p("Funding:", Letter.text(plan.get("careFundingSource")));
        x.p("Last updated:", Letter.date(plan.get("dateThisPlanWasLastUpdated")));
        x.p("Planned review:", Letter.date(plan.get("plannedReviewDate")));
        x.p("Responsible for review:", review(plan.get("responsibilityForReview")));
        List<String> documents = new ArrayList<>();
        each(plan.get("otherCarePlanningDocuments"), d -> documents.add(Letter.join("; ", Letter.describe(d))));
        x.p("Other care planning documents:", Letter.join("; ", documents));
        return x;
    }

    /** "Goal: Get out more. Status: Achieved. Importance 9 out of 10. Outcomes: ... Actions: ..." */
    private static String goal(JsonNode g) {
        List<String> parts = new ArrayList<>();
        parts.add("Goal: " + nz(Letter.sentence(Letter.text(g))));
        parts.add(status(g.get("goalStatus")));
        JsonNode importance = g.get("goalImportanceScore");
        parts.add(
                importance != null && importance.isNumber()
                        ? "Importance " + Letter.number(importance.decimalValue()) + " out of 10."
                        : null);
        List<String> outcomes = new ArrayList<>();
        each(g.get("outcomes"), o -> outcomes.add(Letter.text(o)));
        parts.add(outcomes.isEmpty() ? null : "Outcomes: " + Letter.sentence(Letter.join("; ", outcomes)));
        List<String> actions = new ArrayList<>();
        each(g.get("actionsAndActivities"), a -> actions.add(action(a)));
        parts.add(actions.isEmpty() ? null : "Actions: " + Letter.join(" ", actions));
        List<String> stages = new ArrayList<>();
        each(
                g.get("stageGoal"),
                s -> stages.add(Letter.join(
                        " ",
                        List.of(
                                "Step: " + nz(Letter.sentence(Letter.text(s.get("stageGoal")))),
                                nz(status(s.get("goalStatus"))),
                                nz(
                                        Letter.text(s.get("outcome")) == null
                                                ? null
                                                : "Outcome: " + Letter.sentence(Letter.text(s.get("outcome"))))))));
        parts.add(Letter.join(" ", stages));
        return Letter.join(" ", parts.stream().map(MessageBackNarrative::nz).toList());
    }

    private static String action(JsonNode a) {
        String what = Letter.text(a.get("what"));
        JsonNode who = a.get("who");
        String by = who == null
                ? null
                : Letter.join(", ", List.of(nz(Letter.party(who)), nz(Letter.text(who.get("contactDetails")))));
        String when = Letter.date(a.get("when"));
        String status = Letter.text(a.get("status"));
        JsonNode confidence = a.get("confidence");
        return Letter.sentence(Letter.join(
                ", ",
                List.of(
                        nz(what),
                        by == null ? "" : "by " + by,
                        when == null ? "" : "when: " + when,
                        status == null ? "" : "status: " + status,
                        confidence != null && confidence.isNumber()
                                ? "confidence " + Letter.number(confidence.decimalValue()) + " out of 10"
                                : "",
                        nz(Letter.text(a.get("suggestedStrategies"))),
                        nz(review("next review ", a.get("reviewDate"))))));
    }

    /** A goal status by its words: the coding's display, else the HL7 goal-achievement wording of its code. */
    private static String status(JsonNode coding) {
        if (coding == null || !coding.isObject()) {
            return null;
        }
        String words = Letter.text(coding.get("display"));
        if (words == null) {
            words = NhsCodes.goalStatus(Letter.text(coding.get("code")));
        }
        return words == null ? null : "Status: " + words + ".";
    }

    private static String review(JsonNode who) {
        if (who == null || !who.isObject()) {
            return Letter.text(who);
        }
        return Letter.join(", ", List.of(nz(Letter.party(who)), nz(Letter.text(who.get("contactDetails")))));
    }

    private static String review(String lead, JsonNode date) {
        String d = Letter.date(date);
        return d == null ? null : lead + d;
    }

    private static void each(JsonNode array, Consumer<JsonNode> f) {
        if (array != null && array.isArray()) {
            array.values().forEach(f);
        }
    }
}
