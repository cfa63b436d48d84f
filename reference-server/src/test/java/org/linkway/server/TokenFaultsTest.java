package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.linkway.crypto.nimbus.JwsAlgorithms;
import org.linkway.server.security.SecuritySettings;

/**
 * A server outside development mode, trusting one ES256 and one EdDSA key from a JWKS file:
 * every way a token can be wrong answers 401 with a problem document that does not echo it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenFaultsTest {

    private static final String ISSUER = "https://issuer.test.invalid";
    private static final String AUDIENCE = "linkway-test";

    @TempDir
    static Path data;

    ECKey ec;
    OctetKeyPair ed;
    LinkwayServer server;
    ApiClient anonymous;

    @BeforeAll
    void start() throws Exception {
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        ed = JwsAlgorithms.generateEd25519("ed-1");
        Path keys = data.resolve("keys.jwks");
        Files.writeString(keys, new JWKSet(List.of(ec.toPublicJWK(), ed.toPublicJWK())).toString());
        server = LinkwayServer.start(
                production(data.resolve("db")).withSecurity(new SecuritySettings(keys, ISSUER, AUDIENCE)));
        anonymous = new ApiClient(server.port());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static ServerConfig production(Path dir) {
        return new ServerConfig("127.0.0.1", 0, dir, null, ServerConfig.DEFAULT_MAX_BODY, false);
    }

    private String token(JWK key, String role, Instant expiry) {
        return SecurityTestTokens.sign(
                key,
                SecurityTestTokens.claims(role, "LINKWAY", ISSUER, AUDIENCE, expiry)
                        .build());
    }

    private void assertUnauthorised(String token, String why) {
        ApiClient.Answer a = anonymous.as(token).get("/v1/referrals");
        assertThat(a.status()).as(why).isEqualTo(401);
        assertThat(a.header("Content-Type")).startsWith("application/problem+json");
        assertThat(a.json().path("type").asString()).isEqualTo("urn:linkway:problem:unauthorised");
        if (token != null && token.length() > 10) {
            // no part of the token comes back
            for (String part : token.split("\\.")) {
                if (part.length() > 8) {
                    assertThat(a.body()).as(why).doesNotContain(part);
                }
            }
        }
    }

    @Test
    void a_high_s_variant_of_a_valid_es256_token_is_refused() {
        for (int i = 0; i < 8; i++) {
            String token = token(ec, "admin", Instant.now().plusSeconds(600));
            assertThat(anonymous.as(token).get("/v1/referrals").status()).isEqualTo(200);
            // (r, n - s) verifies under ECDSA whenever (r, s) does: the same token, encoded a second way
            String[] parts = token.split("\\.");
            byte[] sig = Base64URL.from(parts[2]).decode();
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
            byte[] high = JwsAlgorithms.P256_ORDER.subtract(s).toByteArray();
            byte[] flipped = Arrays.copyOf(sig, 64);
            Arrays.fill(flipped, 32, 64, (byte) 0);
            int from = Math.max(0, high.length - 32);
            System.arraycopy(high, from, flipped, 64 - (high.length - from), high.length - from);
            String variant = parts[0] + "." + parts[1] + "." + Base64URL.encode(flipped);
            assertThat(JwsAlgorithms.isLowS(sig))
                    .as("the signer normalises to low S")
                    .isTrue();
            assertThat(JwsAlgorithms.isLowS(flipped)).isFalse();
            assertUnauthorised(variant, "high-S variant of a valid token");
            assertThat(anonymous
                            .as(variant)
                            .get("/v1/referrals")
                            .json()
                            .path("detail")
                            .asString())
                    .contains("low-S");
        }
    }

    @Test
    void goodTokensOfBothAlgorithmsAreAccepted() {
        Instant later = Instant.now().plus(Duration.ofMinutes(10));
        assertThat(anonymous.as(token(ec, "admin", later)).get("/v1/referrals").status())
                .isEqualTo(200);
        assertThat(anonymous.as(token(ed, "admin", later)).get("/v1/referrals").status())
                .isEqualTo(200);
        // the public parts need no token
        assertThat(anonymous.get("/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/openapi.json").status()).isEqualTo(200);
    }

    @Test
    void missingOrMalformed() {
        assertUnauthorised(null, "no Authorization header");
        ApiClient.Answer basic = anonymous.get("/v1/referrals", "Authorization", "Basic YWRtaW46YWRtaW4=");
        assertThat(basic.status()).isEqualTo(401);
        assertUnauthorised("not-a-jwt", "garbage");
        assertUnauthorised("a.b.c", "three parts of nonsense");
    }

    @Test
    void expired() {
        assertUnauthorised(token(ec, "admin", Instant.now().minus(Duration.ofMinutes(5))), "expired five minutes ago");
        assertUnauthorised(token(ec, "admin", null), "no exp at all");
    }

    @Test
    void wronglySigned() throws Exception {
        Instant later = Instant.now().plus(Duration.ofMinutes(10));
        // a stranger's key claiming the trusted key's id
        ECKey impostor = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        assertUnauthorised(token(impostor, "admin", later), "signed by another key under a trusted kid");
        // a good token with its payload swapped for an admin's
        String good = token(ec, "referrer", later);
        String[] parts = good.split("\\.");
        String forgedClaims = Base64URL.encode(SecurityTestTokens.claims("admin", "LINKWAY", ISSUER, AUDIENCE, later)
                        .build()
                        .toString()
                        .getBytes(StandardCharsets.UTF_8))
                .toString();
        assertUnauthorised(parts[0] + "." + forgedClaims + "." + parts[2], "payload changed after signing");
        // HS256 keyed with the public key's text: the algorithm-confusion attack
        SignedJWT hs = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("ec-1").build(),
                SecurityTestTokens.claims("admin", "LINKWAY", ISSUER, AUDIENCE, later)
                        .build());
        hs.sign(new MACSigner(ec.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));
        assertUnauthorised(hs.serialize(), "HS256");
        // EdDSA header over the EC key's signature
        String edHeader = Base64URL.encode("{\"alg\":\"EdDSA\",\"kid\":\"ec-1\"}".getBytes(StandardCharsets.UTF_8))
                .toString();
        assertUnauthorised(edHeader + "." + parts[1] + "." + parts[2], "algorithm swapped");
    }

    @Test
    void algNone() {
        JWTClaimsSet claims = SecurityTestTokens.claims(
                        "admin", "LINKWAY", ISSUER, AUDIENCE, Instant.now().plusSeconds(600))
                .build();
        String none = new PlainJWT(new PlainHeader(), claims).serialize();
        assertUnauthorised(none, "alg none, no signature");
        String withSig =
                none + token(ec, "admin", Instant.now().plusSeconds(600)).split("\\.")[2];
        assertUnauthorised(withSig, "alg none with a signature attached");
    }

    @Test
    void wrongAudienceOrIssuerOrClaims() {
        Instant later = Instant.now().plusSeconds(600);
        assertUnauthorised(
                SecurityTestTokens.sign(
                        ec,
                        SecurityTestTokens.claims("admin", "LINKWAY", ISSUER, "another-api", later)
                                .build()),
                "wrong audience");
        assertUnauthorised(
                SecurityTestTokens.sign(
                        ec,
                        SecurityTestTokens.claims("admin", "LINKWAY", "https://elsewhere.invalid", AUDIENCE, later)
                                .build()),
                "wrong issuer");
        assertUnauthorised(
                SecurityTestTokens.sign(
                        ec,
                        SecurityTestTokens.claims("superuser", "LINKWAY", ISSUER, AUDIENCE, later)
                                .build()),
                "unknown role");
        assertUnauthorised(
                SecurityTestTokens.sign(
                        ec,
                        SecurityTestTokens.claims("admin", "LINKWAY", ISSUER, AUDIENCE, later)
                                .claim("org", null)
                                .build()),
                "no organisation");
        assertUnauthorised(
                SecurityTestTokens.sign(
                        ec,
                        SecurityTestTokens.claims("admin", "LINKWAY", ISSUER, AUDIENCE, later)
                                .notBeforeTime(Date.from(later))
                                .build()),
                "not valid yet");
    }

    @Test
    void outsideDevelopmentModeTheServerRefusesToStartWithoutKeys(@TempDir Path other) {
        assertThatThrownBy(() -> LinkwayServer.start(production(other)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LINKWAY_JWT_KEYS");
        assertThatThrownBy(() -> LinkwayServer.start(
                        production(other).withSecurity(new SecuritySettings(data.resolve("keys.jwks"), null, null))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LINKWAY_JWT_AUDIENCE");
    }

    @Test
    void pemKeyFilesWork(@TempDir Path other) throws Exception {
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(pem)) {
            w.writeObject(ec.toECPublicKey());
            w.writeObject(KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(concat(
                            HexFormat.of().parseHex("302a300506032b6570032100"),
                            ed.getX().decode()))));
        }
        Path keys = other.resolve("keys.pem");
        Files.writeString(keys, pem.toString());
        try (LinkwayServer pemServer =
                LinkwayServer.start(production(other).withSecurity(new SecuritySettings(keys, ISSUER, AUDIENCE)))) {
            ApiClient client = new ApiClient(pemServer.port());
            Instant later = Instant.now().plusSeconds(600);
            // PEM keys have no kid: tokens without one are checked against every key of their algorithm
            assertThat(client.as(SecurityTestTokens.sign(
                                    new ECKey.Builder(ec).keyID(null).build(),
                                    SecurityTestTokens.claims("admin", "LINKWAY", ISSUER, AUDIENCE, later)
                                            .build()))
                            .get("/v1/referrals")
                            .status())
                    .isEqualTo(200);
            assertThat(client.as(SecurityTestTokens.sign(
                                    new OctetKeyPair.Builder(ed).keyID(null).build(),
                                    SecurityTestTokens.claims("admin", "LINKWAY", ISSUER, AUDIENCE, later)
                                            .build()))
                            .get("/v1/referrals")
                            .status())
                    .isEqualTo(200);
            assertThat(client.as(token(ec, "admin", later)).get("/v1/referrals").status())
                    .as("kid unknown to the PEM file")
                    .isEqualTo(401);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
