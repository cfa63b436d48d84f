package org.linkway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.model.json.LinkwayJson;
import org.linkway.signature.DetachedSignature;
import org.linkway.signature.SignatureVerification;
import org.linkway.testing.Gens;
import tools.jackson.databind.node.ObjectNode;

/** Detached signatures over real example messages: both algorithms, every way a signature must fail. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MessageSignatureTest {

    private static final KeyPair EC_PAIR = generateEc();
    private static final SigningKey EC = SigningKey.of(EC_PAIR, "gp-surgery-1");
    private static final SigningKey ED = SigningKey.generateEd25519("charity-1");
    private static final TrustedKeys TRUSTED =
            TrustedKeys.of(EC_PAIR.getPublic(), "gp-surgery-1").and(ED.publicKeys());
    private static final String REFERRAL = example("referral--full-gp-loneliness.json");

    @Test
    void es256AndEdDsaSignaturesVerifyAndNameTheirKey() {
        for (SigningKey key : List.of(EC, ED)) {
            DetachedSignature s = MessageSignature.sign(REFERRAL, key);
            assertThat(s.findings()).isEmpty();
            assertThat(s.jws()).matches("[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+");
            SignatureVerification v = MessageSignature.verify(REFERRAL, s.jws(), TRUSTED);
            assertThat(v.findings()).isEmpty();
            assertThat(v.valid()).isTrue();
            assertThat(v.keyId()).isEqualTo(key.keyId());
            assertThat(v.algorithm()).isEqualTo(key.algorithm());
            assertThat(key.sign(REFERRAL).jws()).isNotNull();
            assertThat(TRUSTED.verify(REFERRAL, s.jws()).valid()).isTrue();
        }
    }

    @Test
    void theSignatureSurvivesReformattingButNotAChangeOfMeaning() {
        String jws = MessageSignature.sign(REFERRAL, ED).jws();
        String pretty = LinkwayJson.mapper()
                .writerWithDefaultPrettyPrinter()
                .writeValueAsString(LinkwayJson.mapper().readTree(REFERRAL));
        assertThat(MessageSignature.verify(pretty, jws, TRUSTED).valid()).isTrue();
        ObjectNode changed = (ObjectNode) LinkwayJson.mapper().readTree(REFERRAL);
        changed.put("status", "completed");
        SignatureVerification v =
                MessageSignature.verify(LinkwayJson.mapper().writeValueAsString(changed), jws, TRUSTED);
        assertThat(v.valid()).isFalse();
        assertThat(v.findings())
                .singleElement()
                .satisfies(f -> assertThat(f.ruleId()).isEqualTo(MessageSignature.RULE_VERIFY));
    }

    @Test
    void refusedSignatures() {
        String jws = MessageSignature.sign(REFERRAL, EC).jws();
        String[] parts = jws.split("\\.", -1);
        // alg none, with and without a signature part
        String none = b64("{\"alg\":\"none\",\"kid\":\"gp-surgery-1\"}");
        assertThat(MessageSignature.verify(REFERRAL, none + "..", TRUSTED).valid())
                .isFalse();
        assertThat(MessageSignature.verify(REFERRAL, none + ".." + parts[2], TRUSTED)
                        .valid())
                .isFalse();
        // HS256 keyed with a public key's bytes: the classic confusion
        String hs = b64("{\"alg\":\"HS256\",\"kid\":\"gp-surgery-1\"}");
        assertThat(MessageSignature.verify(REFERRAL, hs + ".." + parts[2], TRUSTED)
                        .findings()
                        .get(0)
                        .message())
                .contains("HS256");
        // EdDSA claimed over the EC key
        String ed = b64("{\"alg\":\"EdDSA\",\"kid\":\"gp-surgery-1\"}");
        assertThat(MessageSignature.verify(REFERRAL, ed + ".." + parts[2], TRUSTED)
                        .valid())
                .isFalse();
        // an untrusted key, a payload that is not detached, nonsense, nothing
        assertThat(MessageSignature.verify(
                                REFERRAL,
                                MessageSignature.sign(REFERRAL, SigningKey.of(generateEc(), "stranger"))
                                        .jws(),
                                TRUSTED)
                        .valid())
                .isFalse();
        assertThat(MessageSignature.verify(REFERRAL, parts[0] + ".e30." + parts[2], TRUSTED)
                        .valid())
                .isFalse();
        assertThat(MessageSignature.verify(REFERRAL, "not a jws", TRUSTED).valid())
                .isFalse();
        assertThat(MessageSignature.verify(REFERRAL, null, TRUSTED).valid()).isFalse();
        assertThat(MessageSignature.verify(REFERRAL, jws, null).valid()).isFalse();
        // unknown critical header
        String crit = b64("{\"alg\":\"ES256\",\"kid\":\"gp-surgery-1\",\"crit\":[\"x-new\"],\"x-new\":1}");
        assertThat(MessageSignature.verify(REFERRAL, crit + ".." + parts[2], TRUSTED)
                        .valid())
                .isFalse();
    }

    @Test
    void unreadableJsonIsAFindingAndAPublicOrUnknownKeyIsRefusedUpFront() {
        assertThat(MessageSignature.sign("{oops", EC).findings()).isNotEmpty();
        String publicJwk = LinkwayJson.mapper()
                .readTree(EC.publicKeys().toJwks())
                .get("keys")
                .get(0)
                .toString();
        assertThatThrownBy(() -> SigningKey.fromJwk(publicJwk))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("private");
        assertThatThrownBy(() -> SigningKey.fromJwk("{oops")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedKeys.fromJwks("{\"keys\":[]}")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SigningKey.fromJwk(ED.privateJwk()).sign(REFERRAL).isOk()).isTrue();
        assertThat(TrustedKeys.fromJwks(TRUSTED.toJwks()).keyIds()).containsExactly("gp-surgery-1", "charity-1");
        assertThat(TRUSTED.toJwks()).doesNotContain("\"d\"");
        assertThat(ED.toString()).doesNotContain(ED.privateJwk());
    }

    @Test
    void javaKeyPairsSignAndTheirPublicKeysVerifyWhileOtherKeyTypesAreRefused() throws Exception {
        KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        SigningKey signer = SigningKey.of(ed, "gp-system-2");
        assertThat(signer.algorithm()).isEqualTo("EdDSA");
        DetachedSignature s = signer.sign(REFERRAL);
        SignatureVerification v = TrustedKeys.of(ed.getPublic(), "gp-system-2").verify(REFERRAL, s.jws());
        assertThat(v.valid()).as(v.findings().toString()).isTrue();
        assertThat(v.keyId()).isEqualTo("gp-system-2");
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        assertThatThrownBy(() -> SigningKey.of(rsa, "rsa"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("P-256");
        assertThatThrownBy(() -> TrustedKeys.of(rsa.getPublic(), "rsa")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Any one changed byte either leaves the value the same (e.g. 1E3 for 1e3) or breaks the signature. */
    @Test
    void anyByteChangeBreaksVerificationUnlessTheValueIsTheSame() {
        qt().withFixedSeed(4_901L)
                .withExamples(200)
                .forAll(integers().between(0, 100_000), Gens.anyByte())
                .checkAssert(MessageSignatureTest::byteChangeBreaksUnlessSameValue);
    }

    @Test
    void changingAnyCharacterOfAStringValueBreaksVerification() {
        qt().withFixedSeed(4_902L)
                .withExamples(200)
                .forAll(integers().between(0, 100_000))
                .checkAssert(MessageSignatureTest::letterChangeBreaks);
    }

    private static void byteChangeBreaksUnlessSameValue(int where, byte replacement) {
        String canonical = CanonicalJson.canonicalize(REFERRAL).text();
        byte[] bytes = canonical.getBytes(StandardCharsets.UTF_8);
        int at = where % bytes.length;
        if (bytes[at] == replacement) {
            replacement = (byte) (replacement ^ 1);
        }
        bytes[at] = replacement;
        String tampered = new String(bytes, StandardCharsets.UTF_8);
        SignatureVerification v = MessageSignature.verify(tampered, SIGNED, TRUSTED);
        CanonicalJson.Result again = CanonicalJson.canonicalize(tampered);
        boolean sameValue = again.isOk() && again.text().equals(canonical);
        assertThat(v.valid()).isEqualTo(sameValue);
    }

    private static void letterChangeBreaks(int where) {
        String canonical = CanonicalJson.canonicalize(REFERRAL).text();
        // positions of plain letters inside the document: a letter changed to another letter always changes a name or a
        // value
        List<Integer> letters = new ArrayList<>();
        for (int i = 0; i < canonical.length(); i++) {
            if (Character.isLetter(canonical.charAt(i)) && canonical.charAt(i) < 0x80) {
                letters.add(i);
            }
        }
        int at = letters.get(where % letters.size());
        char c = canonical.charAt(at);
        String tampered = canonical.substring(0, at) + (c == 'q' ? 'z' : 'q') + canonical.substring(at + 1);
        boolean literal = tampered.contains(":qull") || tampered.contains("qrue") || tampered.contains("qalse");
        SignatureVerification v = MessageSignature.verify(tampered, SIGNED, TRUSTED);
        assertThat(v.valid()).isFalse();
        assertThat(v.findings()).isNotEmpty();
        assertThat(literal || v.findings().stream().anyMatch(f -> f.ruleId().equals(MessageSignature.RULE_VERIFY)))
                .isTrue();
    }

    private static final String SIGNED = MessageSignature.sign(REFERRAL, EC).jws();

    private static String example(String name) {
        try (InputStream in =
                MessageSignatureTest.class.getResourceAsStream("/org/linkway/schemas/examples/valid/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generateEc() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String header) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8));
    }

    static {
        assertThat(EC.algorithm()).isEqualTo("ES256");
    }
}
