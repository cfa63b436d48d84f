package org.linkway.conformance;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.JsonNode;

/**
 * Reads the organisation a bearer token speaks for, when the token is a JWT with an {@code org}
 * claim (as Linkway's tokens are). The kit never checks the signature: the server does that, and
 * the kit only needs to know which organisation to name in the referral it sends.
 */
final class TokenClaims {

    private TokenClaims() {}

    /** The {@code org} claim, or empty when the token is not a JWT or has no such claim. */
    static Optional<String> organisation(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode claims = LinkwayJson.mapper()
                    .readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            String org = claims.path("org").asString(null);
            return org == null || org.isBlank() ? Optional.empty() : Optional.of(org);
        } catch (RuntimeException notAJwt) {
            return Optional.empty();
        }
    }
}
