package org.linkway.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.linkway.model.Referral;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.node.ObjectNode;

/** Messages the tests send, from the schemas' examples (invented people), as sdk-model types. */
final class Fixtures {

    static final String MINIMAL = "referral--minimal-self-referral.json";
    static final String FULL = "referral--full-gp-loneliness.json";

    private static final AtomicInteger ORGS = new AtomicInteger(1000);

    private Fixtures() {}

    /** An organisation code no other test in this JVM uses, so lists filtered by it see only one test's referrals. */
    static String freshOrg() {
        return "Q" + ORGS.incrementAndGet();
    }

    /** A valid example without the members a server assigns. */
    static ObjectNode example(String file) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/org/linkway/schemas/examples/valid/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no example " + file);
            }
            ObjectNode doc = (ObjectNode) LinkwayJson.mapper().readTree(in.readAllBytes());
            doc.remove(List.of("id", "status", "referralId", "version"));
            return doc;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T record(String file, Class<T> type) {
        return LinkwayJson.mapper().treeToValue(example(file), type);
    }

    /** The minimal self-referral, marked with the sender's own id and referred by organisation {@code org}. */
    static Referral referral(String placerId, String org) {
        ObjectNode doc = example(MINIMAL);
        doc.put("referrerReferralId", placerId);
        ((ObjectNode) doc.at("/referralDetails/entries/0/referrerDetails/organisation")).put("code", org);
        return LinkwayJson.mapper().treeToValue(doc, Referral.class);
    }

    private static final AtomicInteger PEOPLE = new AtomicInteger(200);

    /** A fresh invented NHS number from the 999 range, one no other test in this JVM uses. */
    static String newNhsNumber() {
        while (true) {
            try {
                return org.linkway.validation.checks.NhsNumber.withCheckDigit(
                        String.format("999%06d", 700_000 + PEOPLE.incrementAndGet()));
            } catch (IllegalArgumentException impossible) {
                // no check digit for this prefix: the next one
            }
        }
    }

    /** The full GP referral about the person with NHS number {@code nhs}, from {@code referrer} to the link worker service {@code service}. */
    static Referral personReferral(String nhs, String referrer, String service) {
        ObjectNode doc = example(FULL);
        ((ObjectNode) doc.path("personDemographics")).put("nhsNumber", nhs);
        ((ObjectNode) doc.at("/referralDetails/entries/0/referrerDetails/organisation")).put("code", referrer);
        ((ObjectNode) doc.at("/referralDetails/entries/0/referralTo/organisation")).put("code", service);
        return LinkwayJson.mapper().treeToValue(doc, Referral.class);
    }

    /** As {@link #personReferral(String, String, String)}, made by the referrer at {@code date} (the clinical date the time rules count from). */
    static Referral personReferral(String nhs, String referrer, String service, java.time.Instant date) {
        ObjectNode doc = (ObjectNode) LinkwayJson.mapper().valueToTree(personReferral(nhs, referrer, service));
        ((ObjectNode) doc.at("/referralDetails/entries/0")).put("date", date.toString());
        return LinkwayJson.mapper().treeToValue(doc, Referral.class);
    }

    static Referral referral(String placerId) {
        return referral(placerId, "8EC41");
    }
}
