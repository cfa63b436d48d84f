package org.linkway.server.security;

import java.nio.file.Path;

/**
 * How the server signs what it sends and checks what it is sent: detached JWS over canonical
 * JSON (RFC 7515 appendix F with RFC 8785), in the {@code Linkway-Signature} header.
 *
 * @param signingKey             PEM or JWK file of the server's private P-256 or Ed25519 key
 *                               ({@code LINKWAY_SIGNING_KEY}); null in development mode makes a
 *                               throwaway key, outside it means nothing is signed
 * @param trustedSenderKeys      PEM or JWKS file of the public keys of senders whose signed
 *                               referrals are accepted ({@code LINKWAY_TRUSTED_SENDER_KEYS})
 * @param requireSignedReferrals refuse referrals that carry no signature
 *                               ({@code LINKWAY_REQUIRE_SIGNED_REFERRALS}, default false)
 */
public record SigningSettings(Path signingKey, Path trustedSenderKeys, boolean requireSignedReferrals) {

    /** Nothing configured: throwaway key in development mode, unsigned otherwise; unsigned referrals accepted. */
    public static final SigningSettings NONE = new SigningSettings(null, null, false);
}
