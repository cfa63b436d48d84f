package org.linkway.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.linkway.crypto.nimbus.JwsAlgorithms;
import org.linkway.signature.DetachedSignature;
import org.linkway.signature.SignatureVerification;
import org.linkway.validation.Finding;
import org.linkway.validation.Severity;

/**
 * Detached JSON Web Signatures over a message's canonical JSON (RFC 7515 appendix F with RFC
 * 8785): the signature travels beside the message (an HTTP header, a file next to it), not in
 * it, and proves who sent it and that not one byte of meaning changed, whatever transport,
 * spacing or member order it went through.
 *
 * <pre>{@code
 * SigningKey key = SigningKey.fromJwk(privateJwkJson);
 * DetachedSignature s = MessageSignature.sign(referralJson, key);          // or key.sign(referralJson)
 * TrustedKeys senders = TrustedKeys.fromJwks(jwksJson);
 * SignatureVerification v = MessageSignature.verify(referralJson, s.jws(), senders);
 * }</pre>
 */
public final class MessageSignature {

    /** Rule ids of the findings. */
    public static final String RULE_SIGN = DetachedSignature.RULE;

    public static final String RULE_VERIFY = SignatureVerification.RULE;
    /** The {@code typ} header of a Linkway message signature. */
    public static final String TYPE = "linkway-message+jws";

    private static final JOSEObjectType JOSE_TYPE = new JOSEObjectType(TYPE);

    private MessageSignature() {}

    /** Signs the canonical form of {@code json} with a private P-256 (ES256) or Ed25519 (EdDSA) key. */
    public static DetachedSignature sign(String json, SigningKey key) {
        JWK privateKey = Objects.requireNonNull(key, "key").jwk();
        CanonicalJson.Result canonical = CanonicalJson.canonicalize(json);
        if (!canonical.isOk()) {
            return new DetachedSignature(null, canonical.findings());
        }
        JWSAlgorithm alg = JwsAlgorithms.algorithmFor(privateKey);
        if (alg == null) {
            return new DetachedSignature(
                    null,
                    List.of(finding(RULE_SIGN, "only P-256 (ES256) and Ed25519 (EdDSA) keys sign Linkway messages")));
        }
        try {
            JWSObject jws = new JWSObject(
                    new JWSHeader.Builder(alg)
                            .keyID(privateKey.getKeyID())
                            .type(JOSE_TYPE)
                            .build(),
                    new Payload(canonical.bytes()));
            jws.sign(JwsAlgorithms.signer(privateKey));
            return new DetachedSignature(jws.serialize(true), List.of());
        } catch (JOSEException e) {
            return new DetachedSignature(null, List.of(finding(RULE_SIGN, "could not sign: " + e.getMessage())));
        }
    }

    /**
     * Checks a detached signature against the message and the keys the receiver trusts. The key
     * is chosen by the signature's {@code kid} (or is the only trusted key), and must be of the
     * type its algorithm needs.
     */
    public static SignatureVerification verify(String json, String detachedJws, TrustedKeys trusted) {
        JWKSet trustedKeys = trusted == null ? null : trusted.jwkSet();
        if (detachedJws == null || detachedJws.isBlank()) {
            return invalid(null, null, "there is no signature to verify");
        }
        if (trustedKeys == null || trustedKeys.getKeys().isEmpty()) {
            return invalid(null, null, "no trusted keys were given");
        }
        CanonicalJson.Result canonical = CanonicalJson.canonicalize(json);
        if (!canonical.isOk()) {
            List<Finding> all = new ArrayList<>(canonical.findings());
            all.add(finding(RULE_VERIFY, "the message has no canonical form, so no signature can hold over it"));
            return new SignatureVerification(false, null, null, all);
        }
        String[] parts = detachedJws.split("\\.", -1);
        if (parts.length != 3 || !parts[1].isEmpty()) {
            return invalid(null, null, "a detached JWS is 'header..signature' with an empty middle part");
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(detachedJws, new Payload(canonical.bytes()));
        } catch (ParseException e) {
            return invalid(null, null, "the signature is not a JWS: " + e.getMessage());
        }
        JWSHeader header = jws.getHeader();
        String kid = header.getKeyID();
        String alg = header.getAlgorithm().getName();
        if (!JwsAlgorithms.ACCEPTED.contains(header.getAlgorithm())) {
            return invalid(kid, alg, "algorithm '" + alg + "' is not accepted; Linkway signatures are ES256 or EdDSA");
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            return invalid(
                    kid,
                    alg,
                    "the signature marks header parameters critical that this verifier does not know: "
                            + header.getCriticalParams());
        }
        JWK key = kid != null
                ? trustedKeys.getKeyByKeyId(kid)
                : trustedKeys.getKeys().size() == 1 ? trustedKeys.getKeys().get(0) : null;
        if (key == null) {
            return invalid(
                    kid,
                    alg,
                    kid == null
                            ? "the signature names no key (kid) and more than one key is trusted"
                            : "key '" + kid + "' is not among the trusted keys");
        }
        if (!header.getAlgorithm().equals(JwsAlgorithms.algorithmFor(key))) {
            return invalid(kid, alg, "key '" + key.getKeyID() + "' does not sign with " + alg);
        }
        try {
            if (jws.verify(JwsAlgorithms.verifier(key))) {
                return new SignatureVerification(true, kid, alg, List.of());
            }
        } catch (JOSEException | RuntimeException e) {
            return invalid(kid, alg, "the signature could not be checked: " + e.getMessage());
        }
        return invalid(
                kid,
                alg,
                "the signature does not match the message: it was changed after signing, or signed by another key");
    }

    private static SignatureVerification invalid(String kid, String alg, String message) {
        return new SignatureVerification(false, kid, alg, List.of(finding(RULE_VERIFY, message)));
    }

    private static Finding finding(String rule, String message) {
        return new Finding(Severity.ERROR, rule, "", "", message);
    }
}
