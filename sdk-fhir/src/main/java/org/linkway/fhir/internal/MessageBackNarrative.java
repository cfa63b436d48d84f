package org.linkway.fhir.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Narrative;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The message back as a GP reads it: one narrative per Composition section, written from the
 * PRSB message itself (not from the FHIR resources), in sentences with dates, names and scores
 * in words. Sections about the journey are in {@link JourneyNarrative}, assessments in
 * {@link AssessmentNarrative}, the care and support plan in {@link CarePlanNarrative}.
 * A section with nothing to say gets no narrative; the mapper then leaves it out unless it has entries.
 */
final class MessageBackNarrative {

    private MessageBackNarrative() {}

    /** Each section code with something to say -> its narrative. */
    static Map<String, Narrative> sections(ObjectNode mb) {
        Map<String, Narrative> out = new LinkedHashMap<>();
        put(out, "outcome", outcome(mb));
        put(out, "referral-details", referralDetails(mb.get("referralDetails")));
        put(out, "risks", risks(mb.get("risks")));
        put(out, "safeguarding", safeguarding(mb.get("safeguarding")));
        put(out, "consent", new Xhtml().p(Letter.text(field(mb.get("consent"), "consentForInformationSharing"))));
        put(out, "assessments", AssessmentNarrative.of(mb.get("assessments")));
        put(out, "contactsWithProfessionals", JourneyNarrative.contacts(mb.get("contactsWithProfessionals")));
        put(out, "clinicalSummary", new Xhtml().p(Letter.text(field(mb.get("clinicalSummary"), "clinicalSummary"))));
        put(out, "signpostDetails", JourneyNarrative.signposts(mb.get("signpostDetails")));
        put(out, "planAndRequestedActions", plan(mb.get("planAndRequestedActions")));
        put(out, "careAndSupportPlan", CarePlanNarrative.of(mb.get("careAndSupportPlan")));
        put(out, "onward-referrals", JourneyNarrative.onwardReferrals(mb.get("onwardReferrals")));
        return out;
    }

    /** The Composition's own narrative: who the letter is about, who sent it, and how the referral ended. */
    static Narrative summary(ObjectNode mb) {
        JsonNode pd = mb.get("personDemographics");
        String who = pd == null ? null : Letter.personName(pd.get("name"));
        String born = pd == null ? null : Letter.date(pd.get("dateOfBirth"));
        String nhs = pd == null ? null : Letter.nhsNumber(Letter.text(pd.get("nhsNumber")));
        String person = Letter.join(
                ", ", List.of(nz(who), born == null ? "" : "born " + born, nhs == null ? "" : "NHS number " + nhs));
        Xhtml x = new Xhtml().p("Social prescribing message back" + (person == null ? "" : " about " + person) + ".");
        JsonNode first = first(mb.get("referralDetails"));
        String from = first == null ? null : Letter.party(first.get("referralTo"));
        String sent = Letter.date(mb.get("sentAt"));
        x.p(Letter.sentence(
                Letter.join(" ", List.of(sent == null ? "" : "Sent on " + sent, from == null ? "" : "by " + from))));
        x.p("Outcome:", NhsCodes.outcome(Letter.text(mb.get("outcome"))));
        JsonNode actions = mb.get("planAndRequestedActions");
        List<String> asks = new ArrayList<>();
        for (JsonNode e : entries(actions)) {
            asks.add(Letter.text(e.get("actionsForProfessionals")));
        }
        x.p("What the GP is asked to do:", Letter.join(" ", asks));
        return x.narrative();
    }

    private static Xhtml outcome(ObjectNode mb) {
        Xhtml x = new Xhtml().p(NhsCodes.outcome(Letter.text(mb.get("outcome"))));
        String sent = Letter.date(mb.get("sentAt"));
        x.p(sent == null ? null : "Message back sent on " + sent + ".");
        // PRSB gives the reason in the clinical summary's words; the outcome says where to read it
        if (mb.has("clinicalSummary")) {
            x.p("The reason and what happened are in the clinical summary.");
        }
        x.p("Social prescribing service's reference:", Letter.text(mb.get("referralId")));
        x.p("Referrer's reference:", Letter.text(mb.get("referrerReferralId")));
        return x;
    }

    private static Xhtml referralDetails(JsonNode section) {
        Xhtml x = new Xhtml();
        for (JsonNode e : entries(section)) {
            String date = Letter.date(e.get("date"));
            String by = Letter.party(e.get("referrerDetails"));
            String method = NhsCodes.referralMethod(Letter.text(e.get("referralMethod")));
            x.p(Letter.sentence(Letter.join(
                    "; ",
                    List.of(
                            nz(Letter.join(
                                    " ",
                                    List.of(
                                            "Referred",
                                            date == null ? "" : "on " + date,
                                            by == null ? "" : "by " + by))),
                            method == null ? "" : "sent " + method))));
            x.p("Referrer's contact details:", Letter.text(field(e.get("referrerDetails"), "contactDetails")));
            x.p("Referred to:", Letter.party(e.get("referralTo")));
            x.p("Reason for referral:", Letter.text(e.get("reasonForReferral")));
            x.p("Reply to:", Letter.text(e.get("returnResponseTo")));
        }
        return x;
    }

    private static Xhtml risks(JsonNode section) {
        List<String> lines = new ArrayList<>();
        for (JsonNode e : entries(section)) {
            String period = period(e.get("startDateOfRisk"), e.get("endDateOfRisk"));
            lines.add(Letter.join(
                    ". ",
                    List.of(
                            nz(Letter.text(e.get("risk"))) + (period == null ? "" : " (" + period + ")"),
                            nz(Letter.sentence(Letter.text(e.get("comment")))))));
        }
        return new Xhtml().list(lines);
    }

    private static Xhtml safeguarding(JsonNode section) {
        Xhtml x = new Xhtml();
        if (section == null || !section.isObject()) {
            return x;
        }
        List<String> lines = new ArrayList<>();
        JsonNode concerns = section.get("safeguardingConcerns");
        if (concerns != null && concerns.isArray()) {
            for (JsonNode c : concerns.values()) {
                JsonNode flag = c.get("safeguardingIndicator");
                String concern = Letter.text(c.get("safeguardingConcerns"));
                String lead = flag != null && flag.isBoolean() && !flag.booleanValue()
                        ? "No safeguarding concerns"
                        : concern != null ? "Safeguarding concern: " + concern : "Safeguarding concern";
                String period = period(c.get("safeguardingConcernsDate"), c.get("safeguardingConcernsEndDate"));
                lines.add(Letter.join(
                        ". ",
                        List.of(
                                lead + (period == null ? "" : " (" + period + ")"),
                                nz(Letter.sentence(Letter.text(c.get("comment")))))));
            }
        }
        x.list(lines);
        for (var p : section.properties()) {
            if (!"safeguardingConcerns".equals(p.getKey())) {
                x.p(Letter.label(p.getKey()) + ":", Letter.join("; ", Letter.describe(p.getValue())));
            }
        }
        return x;
    }

    private static Xhtml plan(JsonNode section) {
        Xhtml x = new Xhtml();
        for (JsonNode e : entries(section)) {
            x.p("What the GP and other professionals are asked to do:", Letter.text(e.get("actionsForProfessionals")));
            x.p("What the person or their carer will do:", Letter.text(e.get("actionsForPersonOrTheirCarer")));
            x.p("Agreed:", Letter.text(e.get("agreedWithThePersonOrTheirLegitimateRepresentative")));
        }
        return x;
    }

    /** "since 3 November 2025", "3 November 2025 to 11 June 2026", "until 11 June 2026". */
    static String period(JsonNode start, JsonNode end) {
        String s = Letter.date(start);
        String e = Letter.date(end);
        if (s != null && e != null) {
            return s + " to " + e;
        }
        return s != null ? "since " + s : e != null ? "until " + e : null;
    }

    /** A section's record entries (PRSB's "entries" array), empty when there are none. */
    static List<JsonNode> entries(JsonNode section) {
        List<JsonNode> list = new ArrayList<>();
        JsonNode arr = section == null ? null : section.isArray() ? section : section.get("entries");
        if (arr != null && arr.isArray()) {
            arr.values().forEach(v -> {
                if (v.isObject()) {
                    list.add(v);
                }
            });
        }
        return list;
    }

    static JsonNode field(JsonNode section, String name) {
        return section == null ? null : section.get(name);
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    private static JsonNode first(JsonNode section) {
        List<JsonNode> e = entries(section);
        return e.isEmpty() ? null : e.get(0);
    }

    private static void put(Map<String, Narrative> out, String code, Xhtml x) {
        Narrative n = x.narrative();
        if (n != null) {
            out.put(code, n);
        }
    }
}
