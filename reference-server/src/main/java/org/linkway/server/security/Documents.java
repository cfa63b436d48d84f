package org.linkway.server.security;

import tools.jackson.databind.JsonNode;

/** Where the organisations access depends on live in the stored JSON documents. */
final class Documents {

    static final String REFERRER_ORG = "/referralDetails/entries/0/referrerDetails/organisation/code";
    static final String ADDRESSEE_ORG = "/referralDetails/entries/0/referralTo/organisation/code";

    private Documents() {}

    /** The referring organisation's ODS code, or null. */
    static String referrerOrg(JsonNode referral) {
        return text(referral.at(REFERRER_ORG));
    }

    /** The link worker service the referral is addressed to (its ODS code), or null. */
    static String addresseeOrg(JsonNode referral) {
        return text(referral.at(ADDRESSEE_ORG));
    }

    /** True when any safeguarding concern is flagged. */
    static boolean safeguardingFlagged(JsonNode referral) {
        for (JsonNode concern : referral.at("/safeguarding/safeguardingConcerns")) {
            if (concern.path("safeguardingIndicator").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    private static String text(JsonNode n) {
        return n != null && n.isString() && !n.asString().isBlank() ? n.asString() : null;
    }
}
