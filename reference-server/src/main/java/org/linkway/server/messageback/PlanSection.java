package org.linkway.server.messageback;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linkway.server.http.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * PRSB "Plan and requested actions": first what the GP practice is asked to do (given when the
 * referral was closed), then one entry per onward referral. PRSB's message back has no section
 * for a referral the link worker made on to a VCSE service, and its "Signpost details" entry has
 * no place for an outcome; an onward referral is an action handed to another professional, so it
 * is an "Actions for professionals" entry that says to whom, when and why, where it has got to,
 * whether the person attended, and every piece of the provider's feedback.
 */
final class PlanSection {

    static final String GP_PREFIX = "For the GP practice: ";

    private PlanSection() {}

    static Optional<ObjectNode> of(Closing closing, List<JsonNode> onwardReferrals) {
        ObjectNode section = Json.MAPPER.createObjectNode();
        ArrayNode entries = section.putArray("entries");
        if (closing.gpActions() != null) {
            entries.addObject().put("actionsForProfessionals", GP_PREFIX + closing.gpActions());
        }
        onwardReferrals.forEach(o -> entries.addObject().put("actionsForProfessionals", onward(o)));
        return entries.isEmpty() ? Optional.empty() : Optional.of(section);
    }

    /** One onward referral as a sentence or two a GP can read. */
    static String onward(JsonNode o) {
        JsonNode to = o.at("/referral/referralTo");
        StringBuilder s = new StringBuilder("Onward referral to ").append(provider(o));
        String service =
                to.at("/service/text").asString(to.at("/service/coding/display").asString(null));
        if (service != null) {
            s.append(" (").append(service).append(')');
        }
        String date = o.at("/referral/date").asString(null);
        if (date != null) {
            s.append(", made ").append(Moments.day(date));
        }
        String reason = o.at("/referral/reasonForReferral/text").asString(null);
        if (reason != null) {
            s.append(", for: ").append(reason);
        }
        s.append(". Status: ").append(o.path("status").asString("sent")).append('.');
        String attendance = attendance(o.path("feedback"));
        if (attendance != null) {
            s.append(" Attendance: ").append(attendance).append('.');
        }
        List<String> said = new ArrayList<>();
        for (JsonNode f : o.path("feedback")) {
            said.add(Moments.day(f.path("at").asString("")) + ": "
                    + f.path("text").asString(""));
        }
        if (!said.isEmpty()) {
            s.append(" Provider feedback: ").append(String.join(" | ", said));
        }
        return s.toString();
    }

    /** Who the person was referred to: the organisation, else the named person at the provider. */
    static String provider(JsonNode o) {
        String org = o.at("/provider/organisation/text")
                .asString(o.at("/referral/referralTo/organisation/text").asString(null));
        return org != null ? org : o.at("/provider/name").asString("the provider");
    }

    /** The latest attendance the provider reported, if any. */
    private static String attendance(JsonNode feedback) {
        String latest = null;
        for (JsonNode f : feedback) {
            latest = f.path("attendance").asString(latest);
        }
        return latest;
    }
}
