package org.linkway.server.security;

import java.nio.file.Path;

/**
 * Where bearer-token keys come from and what a token must say to be accepted.
 *
 * @param keys     a PEM file of public keys or a JWKS file ({@code LINKWAY_JWT_KEYS}); null in
 *                 development mode means "make an ephemeral key and print demo tokens"
 * @param issuer   the {@code iss} every token must carry ({@code LINKWAY_JWT_ISSUER})
 * @param audience the {@code aud} every token must include ({@code LINKWAY_JWT_AUDIENCE})
 */
public record SecuritySettings(Path keys, String issuer, String audience) {

    /** Nothing configured: only development mode can start like this. */
    public static final SecuritySettings NONE = new SecuritySettings(null, null, null);

    public static final String DEV_ISSUER = "linkway-dev";
    public static final String DEV_AUDIENCE = "linkway";

    public boolean configured() {
        return keys != null;
    }
}
