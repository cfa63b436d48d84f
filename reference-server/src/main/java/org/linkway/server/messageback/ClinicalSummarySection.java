package org.linkway.server.messageback;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linkway.server.http.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * PRSB "Clinical summary": how the referral ended and why, then the journey in a few lines
 * (how many contacts and when, which outcome measures, signposts, onward referrals and where
 * they got to, the agreed plan), so a GP who reads only this knows what happened. The details
 * are in the other sections.
 */
final class ClinicalSummarySection {

    private ClinicalSummarySection() {}

    static ObjectNode of(Closing closing, JourneyRecords records) {
        List<String> parts = new ArrayList<>();
        parts.add(ending(closing.outcome()));
        if (closing.reason() != null && !closing.reason().isBlank()) {
            parts.add("Reason: " + closing.reason());
        }
        contacts(records.contacts(), parts);
        assessments(records.assessments(), parts);
        if (!records.signposts().isEmpty()) {
            parts.add("Signposted to " + count(records.signposts().size(), "service", "services") + ".");
        }
        onward(records.onwardReferrals(), parts);
        records.latestAgreedCarePlan()
                .ifPresent(plan -> parts.add("Care and support plan: version "
                        + plan.path("version").asInt() + " agreed with the person" + lastUpdated(plan) + "."));
        ObjectNode section = Json.MAPPER.createObjectNode();
        section.put("clinicalSummary", String.join(" ", parts));
        return section;
    }

    static String ending(String outcome) {
        return switch (outcome) {
            case "completed" -> "The person completed their social prescribing support.";
            case "declined" -> "The person declined social prescribing.";
            case "unable-to-contact" -> "The social prescribing service was unable to contact the person.";
            case "rejected" -> "The social prescribing service could not accept the referral.";
            default -> "The referral was " + outcome + ".";
        };
    }

    private static void contacts(List<JsonNode> contacts, List<String> parts) {
        if (contacts.isEmpty()) {
            return;
        }
        long unanswered = contacts.stream()
                .filter(c -> c.hasNonNull("attempt")
                        && !"made-contact".equals(c.get("attempt").asString()))
                .count();
        String first =
                Moments.day(contacts.get(0).at("/contact/dateAndTimeOfContact").asString(null));
        String last = Moments.day(contacts.get(contacts.size() - 1)
                .at("/contact/dateAndTimeOfContact")
                .asString(null));
        StringBuilder s =
                new StringBuilder("Contacts: ").append(count(contacts.size(), "recorded contact", "recorded contacts"));
        if (unanswered > 0) {
            s.append(" (").append(unanswered).append(" without reaching the person)");
        }
        if (first != null && last != null) {
            s.append(first.equals(last) ? ", on " + first : ", from " + first + " to " + last);
        }
        parts.add(s.append('.').toString());
    }

    private static void assessments(List<JsonNode> assessments, List<String> parts) {
        if (assessments.isEmpty()) {
            return;
        }
        Map<String, Integer> used = new LinkedHashMap<>();
        assessments.forEach(a -> used.merge(AssessmentsSection.name(a), 1, Integer::sum));
        List<String> each = new ArrayList<>();
        used.forEach((name, times) -> each.add(name + (times > 1 ? " (" + times + " times)" : "")));
        parts.add("Outcome measures: " + String.join(", ", each)
                + "; see assessments for scores and change from baseline.");
    }

    private static void onward(List<JsonNode> onward, List<String> parts) {
        if (onward.isEmpty()) {
            return;
        }
        List<String> each = new ArrayList<>();
        onward.forEach(
                o -> each.add(PlanSection.provider(o) + " (" + o.path("status").asString("sent") + ")"));
        parts.add("Onward referrals: " + String.join(", ", each) + "; see plan and requested actions.");
    }

    private static String lastUpdated(JsonNode plan) {
        String date = plan.at("/careAndSupportPlan/dateThisPlanWasLastUpdated").asString(null);
        return date == null ? "" : ", last updated " + Moments.day(date);
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
