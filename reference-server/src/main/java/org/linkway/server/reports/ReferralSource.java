package org.linkway.server.reports;

import tools.jackson.databind.JsonNode;

/**
 * Where a referral came from, read from coded data only: the referral method, the referrer's
 * coded role and the kind of organisation the referrer organisation's ODS code names. Free text
 * (team, service or organisation names) is never read: a name says too little ("Community mental
 * health team" is an NHS trust's) and guessing from it miscounts. No code, no source: not recorded.
 */
final class ReferralSource {

    static final String GENERAL_PRACTICE = "general-practice";
    static final String NHS_TRUST = "nhs-trust";
    static final String PHARMACY = "pharmacy";
    static final String SELF = "self";
    static final String OTHER = "other";

    /** NHS national role code of a general medical practitioner. */
    static final String GP_ROLE = "R0260";

    private ReferralSource() {}

    static String of(JsonNode entry, String route) {
        if ("self-referral".equals(route)) {
            return SELF;
        }
        JsonNode referrer = entry.path("referrerDetails");
        if (GP_ROLE.equals(Facts.text(referrer.path("role").path("code")))) {
            return GENERAL_PRACTICE;
        }
        String ods = Facts.text(referrer.path("organisation").path("code"));
        return ods == null ? Facts.NOT_RECORDED : ofOds(ods);
    }

    /**
     * The kind of organisation an ODS code names, from the code's published shape: a GP practice
     * is one letter and five digits; an NHS trust is three characters starting R or T (its sites
     * five); a community pharmacy is five starting F. Any other code is an organisation of
     * another kind.
     */
    static String ofOds(String code) {
        if (code.matches("[A-Z][0-9]{5}")) {
            return GENERAL_PRACTICE;
        }
        if (code.matches("F[A-Z0-9]{4}")) {
            return PHARMACY;
        }
        if (code.matches("[RT][A-Z0-9]{2}([A-Z0-9]{2})?")) {
            return NHS_TRUST;
        }
        return OTHER;
    }
}
