package org.linkway.conformance;

import java.util.EnumSet;
import org.linkway.server.LinkwayServer;
import org.linkway.server.security.Role;

/** The kit's settings for the real reference server its tests run (LinkwayTestServer starts it). */
final class ReferenceServers {

    private ReferenceServers() {}

    static String url(LinkwayServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    /**
     * Every profile the reference server claims, run as its admin, with the message back's
     * recipients (the GP practice, the referrer), a charity and another organisation each on its own token.
     * The GP practice's and the referrer's ODS codes come from their tokens' org claims.
     */
    static KitConfig.Builder claimedByReference(LinkwayServer server) {
        return KitConfig.builder(url(server))
                .token(DevAdmin.token(server))
                .token(KitConfig.GP_PRACTICE_ROLE, DevAdmin.mint(server, Role.REFERRER, DevAdmin.GP_PRACTICE))
                .token(KitConfig.REFERRER_ROLE, DevAdmin.mint(server, Role.REFERRER, DevAdmin.REFERRER))
                .token(KitConfig.OTHER_ORG_ROLE, DevAdmin.mint(server, Role.REFERRER, DevAdmin.OTHER_ORG))
                .token(KitConfig.CHARITY_ROLE, DevAdmin.mint(server, Role.PROVIDER, DevAdmin.CHARITY))
                .profiles(EnumSet.of(
                        Profile.REFERRAL_RECEIVER,
                        Profile.PROVIDER,
                        Profile.FEEDBACK,
                        Profile.FHIR,
                        Profile.EVENTS,
                        Profile.SECURITY,
                        Profile.MESSAGE_FORMAT))
                .fuzzTries(15);
    }

    static String summary(SuiteResult result) {
        StringBuilder b = new StringBuilder();
        for (TestResult r : result.results()) {
            if (r.outcome() != Outcome.PASS || System.getProperty("linkway.verbose") != null) {
                b.append(r.outcome())
                        .append(' ')
                        .append(r.id())
                        .append(' ')
                        .append(r.millis())
                        .append("ms ")
                        .append(r.requirements())
                        .append(": ")
                        .append(r.message())
                        .append('\n');
            }
        }
        return b.toString();
    }
}
