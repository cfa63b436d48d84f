package org.linkway.server.security;

import io.javalin.http.Context;
import org.linkway.server.http.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which view of a message back a caller gets, decided by {@link Security} from the person's
 * consent and applied by the routes that serve it (JSON and FHIR), the list and the event feed.
 * The full message back, or, when the person refused or withdrew sharing with this recipient,
 * the withheld view: enough to file it against the right person and referral and to know how
 * the referral ended, with a clinical summary saying that the details were withheld for lack
 * of consent, and nothing of the journey.
 *
 * @param full   the whole message back
 * @param party  the consent scope the recipient was judged as ({@code gp} or {@code referrer}), or null
 * @param reason why the details are withheld (names the consent record), or null
 */
public record MessageBackView(boolean full, String party, String reason) {

    static final String ATTRIBUTE = "linkway.message-back-view";

    /** What the clinical summary of the withheld view says; recipients and tests recognise it by this text. */
    public static final String WITHHELD_SUMMARY =
            "Details of this social prescribing referral are withheld: the person has not "
                    + "consented to sharing them with this recipient. The referral is closed with the outcome stated.";

    static final MessageBackView FULL = new MessageBackView(true, null, null);

    /** The identity a recipient needs to file the message back against the person, and nothing else of their demographics. */
    private static final String[] IDENTITY = {"name", "dateOfBirth", "nhsNumber", "nhsNumberStatusIndicator"};
    /** What says which referral the message back answers; the referrer's PRSB-mandatory details are among them. */
    private static final String[] REFERRER = {"name", "service", "organisation", "contactDetails"};

    static MessageBackView withheld(String party, String reason) {
        return new MessageBackView(false, party, reason);
    }

    /** The view Security decided for this request; withheld when it decided none (fail closed). */
    public static MessageBackView of(Context ctx) {
        MessageBackView v = ctx.attribute(ATTRIBUTE);
        return v != null ? v : withheld(null, "no access decision was recorded for this request");
    }

    /** The message back this view lets the caller see. */
    public String render(String messageBackJson, JsonNode referral) {
        return full
                ? messageBackJson
                : Json.write(withheldDocument(Json.MAPPER.readTree(messageBackJson), referral, party));
    }

    /**
     * The withheld view: still a valid MessageBack (the schema's mandatory sections are there).
     * Person: name, date of birth and NHS number, which the recipient already holds. The referral
     * it answers: the ids, the date, who referred and to which service. The outcome and when it was
     * sent. Risks: those the referrer itself sent, for the referrer; for anyone else one entry saying
     * they are withheld (the section is mandatory). Nothing of contacts, assessments, the plan,
     * signposts, onward referrals or the reason for closing.
     */
    static ObjectNode withheldDocument(JsonNode full, JsonNode referral, String party) {
        ObjectNode m = Json.MAPPER.createObjectNode();
        for (String field : new String[] {
            "resourceType",
            "schemaVersion",
            "prsbVersion",
            "id",
            "referralId",
            "referrerReferralId",
            "outcome",
            "sentAt"
        }) {
            if (full.hasNonNull(field)) {
                m.set(field, full.get(field).deepCopy());
            }
        }
        ObjectNode person = m.putObject("personDemographics");
        for (String field : IDENTITY) {
            if (full.path("personDemographics").hasNonNull(field)) {
                person.set(field, full.path("personDemographics").get(field).deepCopy());
            }
        }
        m.set("gpPractice", full.path("gpPractice").deepCopy());
        ObjectNode details = m.putObject("referralDetails");
        ArrayNode entries = details.putArray("entries");
        for (JsonNode entry : full.at("/referralDetails/entries")) {
            ObjectNode e = entries.addObject();
            if (entry.hasNonNull("date")) {
                e.set("date", entry.get("date").deepCopy());
            }
            ObjectNode referrer = e.putObject("referrerDetails");
            for (String field : REFERRER) {
                if (entry.path("referrerDetails").hasNonNull(field)) {
                    referrer.set(field, entry.path("referrerDetails").get(field).deepCopy());
                }
            }
            ObjectNode to = e.putObject("referralTo");
            if (entry.path("referralTo").hasNonNull("organisation")) {
                to.set(
                        "organisation",
                        entry.path("referralTo").get("organisation").deepCopy());
            }
        }
        JsonNode sent = referral == null ? null : referral.path("risks");
        if ("referrer".equals(party) && sent != null && sent.path("entries").size() > 0) {
            m.set("risks", sent.deepCopy());
        } else {
            m.putObject("risks")
                    .putArray("entries")
                    .addObject()
                    .putObject("risk")
                    .put("text", "Withheld: the person has not consented to sharing details with this recipient");
        }
        m.putObject("clinicalSummary").put("clinicalSummary", WITHHELD_SUMMARY);
        return m;
    }

    /**
     * An event about a message back as a withheld recipient receives it (feed and webhooks): that
     * it was issued or changed, the outcome, where to read it, and that details are withheld.
     */
    static ObjectNode withheldEventData(JsonNode data) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        if (data.hasNonNull("outcome")) {
            out.set("outcome", data.get("outcome").deepCopy());
        }
        if (data.hasNonNull("href")) {
            out.set("href", data.get("href").deepCopy());
        }
        out.put("detailsWithheld", "consent");
        return out;
    }
}
