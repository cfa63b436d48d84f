package org.linkway.server.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.linkway.crypto.MessageSignature;
import org.linkway.crypto.SigningKey;
import org.linkway.crypto.TrustedKeys;
import org.linkway.model.ProblemType;
import org.linkway.server.http.ApiProblem;
import org.linkway.signature.DetachedSignature;
import org.linkway.signature.SignatureVerification;
import org.linkway.validation.Finding;
import org.linkway.validation.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Message signatures, both ways. Out: the server signs what it discloses (messages back,
 * referrals, onward referrals, webhook deliveries) with its own key and publishes the public half
 * at {@code /.well-known/jwks.json}. In: a referral may carry its sender's signature, which must
 * hold against a key the server was told to trust; with {@code requireSignedReferrals} it must
 * carry one. Every signature is a detached JWS over the body's canonical JSON in the
 * {@code Linkway-Signature} header, so spacing or member order on the way does not break it.
 */
public final class Signatures {

    private static final Logger LOG = LoggerFactory.getLogger(Signatures.class);

    /** The header that carries a detached JWS, on requests, answers and webhook deliveries alike. */
    public static final String HEADER = "Linkway-Signature";

    private final SigningKey signingKey;
    private final String published;
    /** Null when no sender keys are trusted. */
    private final TrustedKeys trustedSenders;

    private final boolean requireSigned;

    private Signatures(SigningKey signingKey, TrustedKeys trustedSenders, boolean requireSigned) {
        this.signingKey = signingKey;
        this.published = signingKey == null
                ? new JWKSet().toString(true)
                : signingKey.publicKeys().toJwks();
        this.trustedSenders = trustedSenders;
        this.requireSigned = requireSigned;
    }

    static Signatures create(SigningSettings settings, boolean devMode) {
        JWKSet trusted = settings.trustedSenderKeys() == null
                ? new JWKSet()
                : KeyFiles.read(settings.trustedSenderKeys(), "trusted sender keys");
        if (settings.requireSignedReferrals() && trusted.getKeys().isEmpty()) {
            throw new IllegalStateException("refusing to start: LINKWAY_REQUIRE_SIGNED_REFERRALS is on but no "
                    + "LINKWAY_TRUSTED_SENDER_KEYS are configured, so no referral could ever be accepted");
        }
        SigningKey key;
        if (settings.signingKey() != null) {
            JWK jwk = SigningKeyFile.read(settings.signingKey());
            key = SigningKey.fromJwk(jwk.toJSONString());
            LOG.info("message signatures: signing with key {} from {}", key.keyId(), settings.signingKey());
        } else if (devMode) {
            key = SigningKey.generateEd25519("dev-signing-" + UUID.randomUUID());
        } else {
            key = null;
            LOG.warn(
                    "message signatures: no LINKWAY_SIGNING_KEY configured, so answers and webhook deliveries carry no "
                            + "Linkway-Signature and receivers cannot prove they came from this server");
        }
        if (!trusted.getKeys().isEmpty()) {
            LOG.info(
                    "message signatures: {} trusted sender key(s); unsigned referrals {}",
                    trusted.getKeys().size(),
                    settings.requireSignedReferrals() ? "refused" : "accepted");
        }
        return new Signatures(
                key,
                trusted.getKeys().isEmpty() ? null : TrustedKeys.fromJwks(trusted.toString(true)),
                settings.requireSignedReferrals());
    }

    /** The detached JWS over {@code json}'s canonical form, or null when the server has no signing key. */
    public String sign(String json) {
        if (signingKey == null || json == null) {
            return null;
        }
        DetachedSignature s = MessageSignature.sign(json, signingKey);
        if (!s.isOk()) {
            // everything signed here is JSON this server wrote; failing to sign it is our fault
            throw new IllegalStateException("could not sign an answer: " + s.findings());
        }
        return s.jws();
    }

    /** The same, over UTF-8 bytes. */
    public String sign(byte[] json) {
        return json == null ? null : sign(new String(json, StandardCharsets.UTF_8));
    }

    /** The public keys receivers verify this server's signatures with, as a JWKS document. */
    public String jwks() {
        return published;
    }

    /**
     * Checks an incoming referral's signature. Returns the signing key's id, or null for an
     * unsigned referral the configuration accepts; refuses (422) a signature that does not hold,
     * or a missing one when signatures are required, before anything is written.
     */
    String verifyIntake(byte[] body, String header) {
        if (header == null || header.isBlank()) {
            if (requireSigned) {
                throw new ApiProblem(
                        ProblemType.SIGNATURE_REQUIRED,
                        "this server accepts only signed referrals: send " + HEADER
                                + " with a detached JWS over the body's canonical JSON (RFC 8785)",
                        List.of(new Finding(
                                Severity.ERROR,
                                MessageSignature.RULE_VERIFY,
                                "",
                                "",
                                "there is no " + HEADER + " header")));
            }
            return null;
        }
        if (trustedSenders == null) {
            throw new ApiProblem(
                    ProblemType.SIGNATURE_INVALID,
                    "the referral is signed but this server trusts no "
                            + "sender keys, so it cannot check the signature; nothing was stored",
                    List.of(new Finding(
                            Severity.ERROR,
                            MessageSignature.RULE_VERIFY,
                            "",
                            "",
                            "no trusted sender keys are configured")));
        }
        SignatureVerification v =
                MessageSignature.verify(new String(body, StandardCharsets.UTF_8), header.strip(), trustedSenders);
        if (!v.valid()) {
            throw new ApiProblem(
                    ProblemType.SIGNATURE_INVALID,
                    "the " + HEADER + " signature does not hold for this "
                            + "body (" + MessageSignature.RULE_VERIFY + "); nothing was stored: "
                            + v.findings().stream()
                                    .map(Finding::message)
                                    .reduce((a, b) -> a + "; " + b)
                                    .orElse(""),
                    v.findings());
        }
        return v.keyId() != null ? v.keyId() : trustedSenders.keyIds().get(0);
    }
}
