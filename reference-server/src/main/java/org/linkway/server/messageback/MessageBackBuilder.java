package org.linkway.server.messageback;

import java.time.Instant;
import org.linkway.model.MessageType;
import org.linkway.server.http.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the PRSB "Message back to GP and referrer" when a referral closes: who the person is,
 * their GP, the referral it answers, how it ended and why, the risks and safeguarding the
 * referral carried (never dropped on the way back), and the journey the server holds for it.
 * Each journey section is mapped by its own class (see docs/DATA-MODEL.md for the mapping).
 */
public final class MessageBackBuilder {

    /** Sections copied from the referral as they are: the message back restates who and what it is about. */
    private static final String[] CARRIED = {
        "personDemographics", "gpPractice", "safeguarding", "consent", "referralDetails", "risks"
    };

    private MessageBackBuilder() {}

    public static ObjectNode build(JsonNode referral, Closing closing, JourneyRecords journey, Instant at) {
        ObjectNode m = Json.MAPPER.createObjectNode();
        m.put("resourceType", MessageType.MESSAGE_BACK.resourceType());
        m.put("schemaVersion", MessageType.SCHEMA_VERSION);
        m.put("prsbVersion", MessageType.PRSB_VERSION);
        m.put("id", referral.path("id").asString());
        m.put("referralId", referral.path("id").asString());
        if (referral.hasNonNull("referrerReferralId")) {
            m.put("referrerReferralId", referral.get("referrerReferralId").asString());
        }
        m.put("outcome", closing.outcome());
        m.put("sentAt", at.toString());
        for (String section : CARRIED) {
            if (referral.hasNonNull(section)) {
                m.set(section, referral.get(section).deepCopy());
            }
        }
        ContactsSection.of(journey.contacts()).ifPresent(s -> m.set("contactsWithProfessionals", s));
        m.set("clinicalSummary", ClinicalSummarySection.of(closing, journey));
        SignpostsSection.of(journey.signposts()).ifPresent(s -> m.set("signpostDetails", s));
        AssessmentsSection.of(journey.assessments()).ifPresent(s -> m.set("assessments", s));
        PlanSection.of(closing, journey.onwardReferrals()).ifPresent(s -> m.set("planAndRequestedActions", s));
        CarePlanSection.of(journey).ifPresent(s -> m.set("careAndSupportPlan", s));
        return m;
    }

    /** Who the message back is addressed to: the referring organisation and the registered GP practices. */
    public static ArrayNode recipients(JsonNode referral) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        String referrer = referral.at("/referralDetails/entries/0/referrerDetails/organisation/code")
                .asString(null);
        String referrerName = referral.at("/referralDetails/entries/0/referrerDetails/organisation/text")
                .asString(null);
        ObjectNode r = out.addObject().put("role", "referrer");
        r.put("odsCode", referrer);
        r.put("name", referrerName);
        for (JsonNode gp : referral.at("/gpPractice/entries")) {
            out.addObject()
                    .put("role", "gp-practice")
                    .put("odsCode", gp.path("gpPracticeIdentifier").asString(null));
        }
        return out;
    }
}
