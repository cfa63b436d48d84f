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

    /** A party's organisation: its ODS code, else its registered charity number. */
    static String partyOrg(JsonNode party) {
        if (party == null || party.isMissingNode() || party.isNull()) {
            return null;
        }
        String code = text(party.at("/organisation/code"));
        return code != null ? code : text(party.path("charityNumber"));
    }

    /** The VCSE provider an onward referral is addressed to. */
    static String providerOrg(JsonNode onward) {
        return partyOrg(onward.path("provider"));
    }

    /** Whether a party acts for the organisation: by its ODS code or by its charity number. */
    static boolean partyIs(JsonNode party, String organisation) {
        if (party == null || party.isMissingNode() || organisation == null) {
            return false;
        }
        return organisation.equals(text(party.at("/organisation/code")))
                || organisation.equals(text(party.path("charityNumber")));
    }

    /** The GP practice the person is registered with (its ODS code), or null. */
    static String gpPractice(JsonNode referral) {
        return text(referral.at("/gpPractice/entries/0/gpPracticeIdentifier"));
    }

    /**
     * What an organisation is to a referral, as a consent scope: {@code link-worker-service},
     * {@code onward-provider}, {@code referrer} or {@code gp}; null when it is none of them.
     * The link worker service is asked first: it holds the record whatever else it is.
     */
    static String partyOf(JsonNode referral, String providerOrg, String organisation) {
        if (referral != null && organisation.equals(addresseeOrg(referral))) {
            return "link-worker-service";
        }
        if (organisation.equals(providerOrg)) {
            return "onward-provider";
        }
        if (referral != null && organisation.equals(referrerOrg(referral))) {
            return "referrer";
        }
        if (referral != null && organisation.equals(gpPractice(referral))) {
            return "gp";
        }
        return null;
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
