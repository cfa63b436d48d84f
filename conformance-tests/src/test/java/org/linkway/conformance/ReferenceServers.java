package org.linkway.conformance;

import java.nio.file.Path;

import org.linkway.server.LinkwayServer;
import org.linkway.server.ServerConfig;
import org.linkway.server.security.Role;

/** The real reference server, started in-process on loopback for the kit's own proof. */
final class ReferenceServers {

    private ReferenceServers() { }

    /** On SQLite in {@code dir}, or on the given JDBC URL. */
    static LinkwayServer start(Path dir, String databaseUrl) {
        return LinkwayServer.start(ServerConfig.forTests(dir).withDatabaseUrl(databaseUrl));
    }

    static String url(LinkwayServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    /**
     * Every profile the reference server claims, run as its admin, with the message back's
     * recipients (the GP practice, the referrer) and another organisation each on its own token.
     * The GP practice's and the referrer's ODS codes come from their tokens' org claims.
     */
    static KitConfig.Builder claimedByReference(LinkwayServer server) {
        return KitConfig.builder(url(server)).token(DevAdmin.token(server))
                .token(KitConfig.GP_PRACTICE_ROLE, DevAdmin.mint(server, Role.REFERRER, DevAdmin.GP_PRACTICE))
                .token(KitConfig.REFERRER_ROLE, DevAdmin.mint(server, Role.REFERRER, DevAdmin.REFERRER))
                .token(KitConfig.OTHER_ORG_ROLE, DevAdmin.mint(server, Role.REFERRER, DevAdmin.OTHER_ORG)).profiles(java.util.EnumSet.of(Profile.REFERRAL_RECEIVER, Profile.PROVIDER, Profile.FEEDBACK, Profile.FHIR,
                Profile.EVENTS, Profile.SECURITY, Profile.MESSAGE_FORMAT)).fuzzTries(15);
    }

    static String summary(SuiteResult result) {
        StringBuilder b = new StringBuilder();
        for (TestResult r : result.results()) {
            if (r.outcome() != Outcome.PASS || System.getProperty("linkway.verbose") != null) {
                b.append(r.outcome()).append(' ').append(r.id()).append(' ').append(r.millis()).append("ms ").append(r.requirements()).append(": ").append(r.message()).append('\n');
            }
        }
        return b.toString();
    }
}
