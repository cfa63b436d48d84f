package org.linkway.conformance;

import org.linkway.server.LinkwayServer;
import org.linkway.server.security.DevTokens;
import org.linkway.server.security.Role;

/** Tokens of a development-mode reference server in this JVM, the admin's and any other (minted in-process, never served over HTTP). */
public final class DevAdmin {

    private DevAdmin() {}

    public static String token(LinkwayServer server) {
        return mint(server, Role.ADMIN, "LINKWAY");
    }

    /** A token of any role and organisation, e.g. a GP practice's: {@code mint(server, Role.REFERRER, "Y03146")}. */
    public static String mint(LinkwayServer server, Role role, String organisation) {
        return DevTokens.forPort(server.port()).orElseThrow().mint(role, organisation);
    }

    /** The registered GP practice the kit plays in the reference runs (the demo practice). */
    public static final String GP_PRACTICE = "Y03146";
    /** The referrer the kit plays: a hospital discharge team. */
    public static final String REFERRER = "RX9E2";
    /** Another GP practice, which must see nothing of the others' referrals. */
    public static final String OTHER_ORG = "A81001";
    /** A charity (provider role) with its own token, for its inbox. */
    public static final String CHARITY = "1187350";
}
