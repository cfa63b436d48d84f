package org.linkway.client;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;

import org.linkway.client.error.InvalidArgumentException;
import org.linkway.client.error.SignatureVerificationException;
import org.linkway.crypto.MessageSignature;
import org.linkway.validation.Finding;
import org.linkway.validation.Severity;

import com.nimbusds.jose.jwk.JWKSet;

/**
 * Proves that a message came from a server you trust and was not changed on the way: checks its
 * {@code Linkway-Signature} (a detached JWS over the canonical JSON of the body, RFC 8785) against
 * that server's public keys. Pin the keys you were given out of band, or fetch them once with
 * {@link LinkwayClient#serverKeys()} over a connection you trust. Immutable and thread-safe.
 *
 * <pre>{@code
 * SignatureVerifier verifier = SignatureVerifier.trusting(client.serverKeys());
 * MessageBack back = client.referral(id).messageBack(verifier).value();   // throws if unsigned or changed
 * MessageSignature.Verification v = verifier.check(bodyBytes, signatureHeader); // or just ask
 * }</pre>
 */
public final class SignatureVerifier {

    /** The header a signature travels in, on answers and on webhook deliveries. */
    public static final String HEADER = "Linkway-Signature";

    private final JWKSet keys;

    private SignatureVerifier(JWKSet keys) {
        this.keys = keys;
    }

    /** Trusts signatures made by any of these (public) keys. */
    public static SignatureVerifier trusting(JWKSet keys) {
        InvalidArgumentException.require(keys, "keys");
        if (keys.getKeys().isEmpty()) {
            throw new InvalidArgumentException("keys", "must hold at least one public key (the server publishes none without a signing key)");
        }
        return new SignatureVerifier(keys.toPublicJWKSet());
    }

    /** Trusts the keys of a JWKS document, e.g. a copy of the server's {@code /.well-known/jwks.json}. */
    public static SignatureVerifier trusting(String jwksJson) {
        InvalidArgumentException.require(jwksJson, "jwksJson");
        try {
            return trusting(JWKSet.parse(jwksJson));
        } catch (ParseException e) {
            throw new InvalidArgumentException("jwksJson", "is not a JWKS document: " + e.getMessage());
        }
    }

    /** The keys trusted. */
    public JWKSet keys() {
        return keys;
    }

    /** Whether {@code signature} holds over {@code body}; never throws: a missing signature is simply not valid. */
    public MessageSignature.Verification check(byte[] body, String signature) {
        if (body == null) {
            return new MessageSignature.Verification(false, null, null,
                    List.of(new Finding(Severity.ERROR, MessageSignature.RULE_VERIFY, "", "", "there is no body to verify")));
        }
        return MessageSignature.verify(new String(body, StandardCharsets.UTF_8), signature, keys);
    }

    /**
     * As {@link #check}, but throws when the signature is missing ({@code signature-missing}) or
     * does not hold ({@code signature-invalid}).
     *
     * @return the id of the key that signed
     */
    public String verify(byte[] body, String signature, String requestId) {
        if (signature == null || signature.isBlank()) {
            throw new SignatureVerificationException("signature-missing", requestId, "the message carries no " + HEADER
                    + "; it cannot be shown to come from the server you trust", List.of());
        }
        MessageSignature.Verification v = check(body, signature.strip());
        if (!v.valid()) {
            throw new SignatureVerificationException("signature-invalid", requestId, "the " + HEADER + " does not hold: "
                    + v.findings().stream().map(Finding::message).reduce((a, b) -> a + "; " + b).orElse(""), v.findings());
        }
        return v.keyId();
    }
}
