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

    static Referral referral(String placerId) {
        return referral(placerId, "8EC41");
    }
}
