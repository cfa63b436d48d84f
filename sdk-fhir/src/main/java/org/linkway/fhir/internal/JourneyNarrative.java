package org.linkway.fhir.internal;

import static org.linkway.fhir.internal.MessageBackNarrative.entries;
import static org.linkway.fhir.internal.MessageBackNarrative.nz;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/** The person's journey in words: contacts with professionals, signposts and onward referrals. */
final class JourneyNarrative {

    private JourneyNarrative() {}

    /** "12 March 2026 at 10:30: Home visit. Face to face at the person's home, seen by Hannah Greaves. Outcome: another appointment given." */
    static Xhtml contacts(JsonNode section) {
        List<String> lines = new ArrayList<>();
        for (JsonNode e : entries(section)) {
            String when = Letter.date(e.get("dateAndTimeOfContact"));
            String what = Letter.text(e.get("contactType"));
            String how = NhsCodes.consultation(Letter.text(e.get("consultationMethod")));
            String where = Letter.join(
                    ", ",
                    List.of(
                            nz(NhsCodes.location(Letter.text(e.get("locationType")))),
                            nz(Letter.organisation(e.get("locationOfContact")))));
            List<String> seen = new ArrayList<>();
            JsonNode seenBy = e.get("seenBy");
            if (seenBy != null && seenBy.isArray()) {
                seenBy.values().stream()
                        .map(Letter::party)
                        .filter(Objects::nonNull)
                        .forEach(seen::add);
            }
            String responsible = Letter.party(e.get("responsibleProfessional"));
            List<String> present = new ArrayList<>();
            JsonNode others = e.get("professionalsPresent");
            if (others != null && others.isArray()) {
                others.values().stream()
                        .map(Letter::party)
                        .filter(Objects::nonNull)
                        .forEach(present::add);
            }
            String specialty = Letter.text(e.get("specialty"));
            String manner = Letter.join(
                    ", ",
                    List.of(
                            nz(Letter.join(" ", List.of(nz(how), where == null ? "" : "at " + where))),
                            seen.isEmpty() ? "" : "seen by " + Letter.and(seen)));
            List<String> parts = new ArrayList<>();
            parts.add(Letter.join(": ", List.of(nz(when), nz(what))));
            parts.add(Letter.sentence(manner));
            parts.add(present.isEmpty() ? null : "Also present: " + Letter.and(present) + ".");
            parts.add(
                    responsible == null || seen.contains(responsible) && seen.size() == 1
                            ? null
                            : "Responsible professional: " + responsible + ".");
            parts.add(Letter.text(e.get("service")) == null ? null : "Service: " + Letter.text(e.get("service")) + ".");
            parts.add(specialty == null ? null : "Treatment function code " + specialty + ".");
            String outcome = NhsCodes.contactOutcome(Letter.text(e.get("outcomeOfContact")));
            parts.add(outcome == null ? null : "Outcome: " + outcome + ".");
            lines.add(Letter.join(
                    " ",
                    parts.stream()
                            .map(p -> p == null ? "" : p.endsWith(".") || p.endsWith(":") ? p : p + ".")
                            .toList()));
        }
        return new Xhtml().list(lines);
    }

    /** "12 March 2026: Eastmere Advice Centre, Money and paperwork advice (01632 960250). Reason: ..." */
    static Xhtml signposts(JsonNode section) {
        List<String> lines = new ArrayList<>();
        for (JsonNode e : entries(section)) {
            String when = Letter.date(e.get("date"));
            JsonNode to = e.get("signpostTo");
            String where = null;
            String contact = null;
            if (to != null && to.isObject()) {
                where = Letter.join(
                        ", ",
                        List.of(
                                nz(Letter.organisation(to.get("organisation"))),
                                nz(Letter.text(to.get("name"))),
                                nz(Letter.text(to.get("team"))),
                                nz(Letter.text(to.get("service"))),
                                nz(Letter.text(to.get("role"))),
                                nz(Letter.text(to.get("specialty")))));
                contact = Letter.text(to.get("contactDetails"));
            }
            String reason = Letter.text(e.get("reasonForSignpost"));
            lines.add(Letter.join(
                    " ",
                    List.of(
                            Letter.join(
                                    ": ",
                                    List.of(
                                            when == null ? "" : "Signposted on " + when,
                                            "to " + (where == null ? "a service" : where))),
                            contact == null ? "" : "(contact: " + contact + ").",
                            reason == null ? "" : "Reason: " + Letter.sentence(reason))));
        }
        return new Xhtml().list(lines);
    }

    /**
     * Onward referrals to community services: where to, when, the provider's status, and what
     * the provider fed back (attendance and outcome). Read tolerantly: an entry may be a PRSB
     * referral details entry, or a Linkway onward referral with its status and feedback.
     */
    static Xhtml onwardReferrals(JsonNode section) {
        List<String> lines = new ArrayList<>();
        for (JsonNode e : entries(section)) {
            JsonNode referral = e.has("referral") ? e.get("referral") : e;
            String when = Letter.date(referral.get("date"));
            String to = e.has("provider") ? Letter.party(e.get("provider")) : Letter.party(referral.get("referralTo"));
            String reason = Letter.text(referral.get("reasonForReferral"));
            String status = NhsCodes.onward(Letter.text(e.get("status")));
            List<String> parts = new ArrayList<>();
            parts.add(Letter.sentence(Letter.join(
                    " ", List.of("Referred", when == null ? "" : "on " + when, to == null ? "" : "to " + to))));
            parts.add(reason == null ? null : "Reason: " + Letter.sentence(reason));
            parts.add(status == null ? null : "Status: " + status + ".");
            for (JsonNode f : MessageBackNarrative.entries(e.get("feedback"))) {
                String at = Letter.date(f.get("at"));
                String attendance = NhsCodes.onward(Letter.text(f.get("attendance")));
                String from = Letter.party(f.get("from"));
                parts.add(Letter.join(
                        " ",
                        List.of(
                                "Feedback" + (at == null ? "" : " on " + at) + (from == null ? "" : " from " + from)
                                        + ":",
                                attendance == null ? "" : Letter.sentence(attendance),
                                nz(Letter.sentence(Letter.text(f.get("text")))))));
            }
            String outcome = Letter.text(e.get("outcome"));
            parts.add(outcome == null ? null : "Outcome: " + Letter.sentence(outcome));
            String attendance = NhsCodes.onward(Letter.text(e.get("attendance")));
            parts.add(attendance == null ? null : "Attendance: " + attendance + ".");
            lines.add(
                    Letter.join(" ", parts.stream().map(p -> p == null ? "" : p).toList()));
        }
        return new Xhtml().list(lines);
    }
}
