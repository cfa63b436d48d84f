package org.linkway.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.linkway.crypto.nimbus.JwsAlgorithms;
import org.linkway.server.http.ApiProblem;

/** The verified-token cache never outlives a token: expiry is checked on every use. */
class TokenVerifierTest {

    private static final class Manual extends Clock {
        Instant now;

        Manual(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void aCachedTokenStillExpires() throws Exception {
        Instant start = Instant.parse("2026-11-27T09:00:00Z");
        Manual clock = new Manual(start);
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k").generate();
        TokenVerifier verifier = new TokenVerifier(new JWKSet(key.toPublicJWK()), "iss", "aud", clock);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k").build(),
                new JWTClaimsSet.Builder()
                        .issuer("iss")
                        .audience("aud")
                        .subject("s")
                        .claim("org", "8EC41")
                        .claim("role", "link-worker")
                        .expirationTime(Date.from(start.plus(Duration.ofMinutes(5))))
                        .build());
        jwt.sign(JwsAlgorithms.signer(key));
        String token = jwt.serialize();

        Caller first = verifier.authenticate("Bearer " + token);
        assertThat(first).isEqualTo(new Caller("s", "8EC41", Role.LINK_WORKER));
        assertThat(verifier.authenticate("bearer " + token))
                .isEqualTo(first); // from the cache; the scheme is case-insensitive

        clock.now = start.plus(Duration.ofMinutes(5)).plus(TokenVerifier.SKEW).plusSeconds(1);
        assertThatThrownBy(() -> verifier.authenticate("Bearer " + token))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(401);
                    assertThat(p.detail()).contains("expired").doesNotContain(token);
                });
        // and stays refused once evicted
        assertThatThrownBy(() -> verifier.authenticate("Bearer " + token)).isInstanceOf(ApiProblem.class);
    }
}
