package org.linkway.server;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.linkway.crypto.nimbus.JwsAlgorithms;

/** Tests acting as a token issuer of their own. */
public final class SecurityTestTokens {

    private SecurityTestTokens() {}

    public static String sign(JWK key, String role, String org, String issuer, String audience, Duration lifetime) {
        return sign(
                key,
                claims(role, org, issuer, audience, Instant.now().plus(lifetime))
                        .build());
    }

    static JWTClaimsSet.Builder claims(String role, String org, String issuer, String audience, Instant expiry) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder()
                .subject("tester@" + org)
                .issuer(issuer)
                .audience(audience)
                .claim("org", org)
                .claim("role", role)
                .issueTime(new Date());
        return expiry == null ? b : b.expirationTime(Date.from(expiry));
    }

    static String sign(JWK key, JWTClaimsSet claims) {
        try {
            JWSAlgorithm alg = JwsAlgorithms.algorithmFor(key);
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(alg).keyID(key.getKeyID()).build(), claims);
            jwt.sign(JwsAlgorithms.signer(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
