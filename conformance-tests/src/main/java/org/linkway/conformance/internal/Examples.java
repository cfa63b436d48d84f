package org.linkway.conformance.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.node.ObjectNode;

/** The example messages shipped with the schemas (invented people only), as a sender posts them. */
public final class Examples {

    public static final String FULL_REFERRAL = "valid/referral--full-gp-loneliness.json";
    public static final String MINIMAL_REFERRAL = "valid/referral--minimal-self-referral.json";
    public static final String CARER_REFERRAL = "valid/referral--hospital-discharge-carer.json";

    private Examples() {}

    /** The raw example. */
    public static ObjectNode tree(String name) {
        try (InputStream in = Examples.class.getResourceAsStream("/org/linkway/schemas/examples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("example not on the classpath: " + name);
            }
            return (ObjectNode) LinkwayJson.mapper().readTree(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Without what a server assigns (ids, status, version): what a sender would post. */
    public static ObjectNode toSend(String name) {
        ObjectNode tree = tree(name);
        tree.remove(List.of("id", "status", "referralId", "version"));
        return tree;
    }

    public static String json(String name) {
        return toSend(name).toString();
    }

    /** Invalid referral examples from the schemas, each named after the rule it breaks. */
    public static final List<String> INVALID_REFERRALS = List.of(
            "invalid/LW-CARDINALITY--no-gp-practice-entry.referral.json",
            "invalid/LW-CODE-LIST--ethnicity-QQ.referral.json",
            "invalid/LW-CODE-LIST--gender-Q.referral.json",
            "invalid/LW-CODE-LIST--sex-7.referral.json",
            "invalid/LW-CODE-SYSTEM--snomed-system-trailing-slash.referral.json",
            "invalid/LW-CODED-TEXT-EMPTY--risk-with-neither.referral.json",
            "invalid/LW-BLANK-TEXT--first-name-three-spaces.referral.json",
            "invalid/LW-CONSENT-RECORDED--no-consent-section.referral.json",
            "invalid/LW-DATE-BEFORE-BIRTH--referred-before-born.referral.json",
            "invalid/LW-DATE-FUTURE--born-in-2099.referral.json",
            "invalid/LW-DATE-FUTURE--problem-onset-2093.referral.json",
            "invalid/LW-DATE-FUTURE--stopped-smoking-2093.referral.json",
            "invalid/LW-DATE-ORDER--risk-ends-before-start.referral.json",
            "invalid/LW-EMAIL--no-at-sign.referral.json",
            "invalid/LW-EMPTY-VALUE--blank-first-name.referral.json",
            "invalid/LW-FORMAT--dob-not-a-date.referral.json",
            "invalid/LW-FORMAT--referral-date-day-first.referral.json",
            "invalid/LW-MAX-LENGTH--family-name-36-chars.referral.json",
            "invalid/LW-NHS-NUMBER--bad-check-digit.referral.json",
            "invalid/LW-ODS-CODE--lowercase-practice.referral.json",
            "invalid/LW-POSTCODE--not-a-postcode.referral.json",
            "invalid/LW-REFERRAL-ENTRY--empty-referral-details.referral.json",
            "invalid/LW-REQUIRED--no-date-of-birth.referral.json",
            "invalid/LW-RISKS-RECORDED--empty-risk-entries.referral.json",
            "invalid/LW-RISKS-RECORDED--no-risks-section.referral.json",
            "invalid/LW-SCHEMA-VERSION--major-2.referral.json",
            "invalid/LW-SNOMED-ID--bad-verhoeff.referral.json",
            "invalid/LW-TELEPHONE--extension-in-the-number.referral.json",
            "invalid/LW-TYPE--dob-is-number.referral.json",
            "invalid/LW-UNKNOWN-PROPERTY--favourite-colour.referral.json",
            "invalid/LW-VALUE-NOT-ALLOWED--referral-method-pigeon.referral.json");
}
