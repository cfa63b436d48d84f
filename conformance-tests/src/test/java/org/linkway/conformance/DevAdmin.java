package org.linkway.conformance;

import org.linkway.server.LinkwayServer;
import org.linkway.server.security.DevTokens;
import org.linkway.server.security.Role;

/** The admin token of a development-mode reference server in this JVM (minted in-process, never served over HTTP). */
public final class DevAdmin {

    private DevAdmin() { }

    public static String token(LinkwayServer server) {
        return DevTokens.forPort(server.port()).orElseThrow().mint(Role.ADMIN, "LINKWAY");
    }
}
