package org.linkway.server.messageback;

import java.time.Instant;

import org.linkway.model.MessageType;
import org.linkway.server.http.Json;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the PRSB "Message back to GP and referrer" when a referral closes: who the person is,
 * their GP, the referral it answers, how it ended and why, and the risks and safeguarding the
 * referral carried (never dropped on the way back). Later journey records (contacts, plan,
 * assessments, signposts) join it as the server learns to keep them.
 */
public final class MessageBackBuilder {

    /** Sections copied from the referral as they are: the message back restates who and what it is about. */
    private static final String[] CARRIED = {"personDemographics", "gpPractice", "safeguarding", "consent", "referralDetails", "risks"};

    private MessageBackBuilder() { }

    public static ObjectNode build(JsonNode referral, String outcome, String reason, Instant at) {
        ObjectNode m = Json.MAPPER.createObjectNode();
        m.put("resourceType", MessageType.MESSAGE_BACK.resourceType());
        m.put("schemaVersion", MessageType.SCHEMA_VERSION);
        m.put("prsbVersion", MessageType.PRSB_VERSION);
        m.put("id", referral.path("id").asString());
        m.put("referralId", referral.path("id").asString());
        if (referral.hasNonNull("referrerReferralId")) {
            m.put("referrerReferralId", referral.get("referrerReferralId").asString());
        }
        m.put("outcome", outcome);
        m.put("sentAt", at.toString());
        for (String section : CARRIED) {
            if (referral.hasNonNull(section)) {
                m.set(section, referral.get(section).deepCopy());
            }
        }
        m.putObject("clinicalSummary").put("clinicalSummary", summary(outcome, reason));
        return m;
    }

    /** Who the message back is addressed to: the referring organisation and the registered GP practices. */
    public static ArrayNode recipients(JsonNode referral) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        String referrer = referral.at("/referralDetails/entries/0/referrerDetails/organisation/code").asString(null);
        String referrerName = referral.at("/referralDetails/entries/0/referrerDetails/organisation/text").asString(null);
        ObjectNode r = out.addObject().put("role", "referrer");
        r.put("odsCode", referrer);
        r.put("name", referrerName);
        for (JsonNode gp : referral.at("/gpPractice/entries")) {
            out.addObject().put("role", "gp-practice").put("odsCode", gp.path("gpPracticeIdentifier").asString(null));
        }
        return out;
    }

    private static String summary(String outcome, String reason) {
        String ending;
        switch (outcome) {
            case "completed": ending = "The person completed their social prescribing support."; break;
            case "declined": ending = "The person declined social prescribing."; break;
            case "unable-to-contact": ending = "The social prescribing service was unable to contact the person."; break;
            case "rejected": ending = "The social prescribing service could not accept the referral."; break;
            default: ending = "The referral was " + outcome + ".";
        }
        return reason == null || reason.isBlank() ? ending : ending + " Reason: " + reason;
    }
}
