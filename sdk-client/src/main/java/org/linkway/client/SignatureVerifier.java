package org.linkway.client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.client.error.SignatureVerificationException;
import org.linkway.signature.SignatureChecker;
import org.linkway.signature.SignatureVerification;
import org.linkway.validation.Finding;

/**
 * Proves that a message came from a server you trust and was not changed on the way: checks its
 * {@code Linkway-Signature} (a detached JWS over the canonical JSON of the body, RFC 8785) with a
 * {@link SignatureChecker} holding that server's public keys. The checker comes from
 * {@code linkway-sdk-crypto} ({@code TrustedKeys}), which only systems that check signatures add;
 * pin the keys you were given out of band, or fetch them once with {@link LinkwayClient#serverKeys()}
 * over a connection you trust. Immutable and thread-safe.
 *
 * <pre>{@code
 * SignatureVerifier verifier = SignatureVerifier.using(TrustedKeys.fromJwks(client.serverKeys()));
 * MessageBack back = client.referral(id).messageBack(verifier).value();   // throws if unsigned or changed
 * SignatureVerification v = verifier.check(bodyBytes, signatureHeader);  // or just ask
 * }</pre>
 */
public final class SignatureVerifier {

    /** The header a signature travels in, on answers and on webhook deliveries. */
    public static final String HEADER = "Linkway-Signature";

    private final SignatureChecker trustedKeys;

    private SignatureVerifier(SignatureChecker trustedKeys) {
        this.trustedKeys = trustedKeys;
    }

    /** Trusts the signatures {@code trustedKeys} accepts, e.g. {@code TrustedKeys.fromJwks(client.serverKeys())}. */
    public static SignatureVerifier using(SignatureChecker trustedKeys) {
        return new SignatureVerifier(InvalidArgumentException.require(trustedKeys, "trustedKeys"));
    }

    /** Whether {@code signature} holds over {@code body}; never throws: a missing signature is simply not valid. */
    public SignatureVerification check(byte[] body, String signature) {
        if (body == null) {
            return SignatureVerification.invalid("there is no body to verify");
        }
        if (signature == null || signature.isBlank()) {
            return SignatureVerification.invalid("there is no signature to verify");
        }
        return trustedKeys.verify(new String(body, StandardCharsets.UTF_8), signature.strip());
    }

    /**
     * As {@link #check}, but throws when the signature is missing ({@code signature-missing}) or
     * does not hold ({@code signature-invalid}).
     *
     * @return the id of the key that signed
     */
    public String verify(byte[] body, String signature, String requestId) {
        if (signature == null || signature.isBlank()) {
            throw new SignatureVerificationException(
                    "signature-missing",
                    requestId,
                    "the message carries no " + HEADER + "; it cannot be shown to come from the server you trust",
                    List.of());
        }
        SignatureVerification v = check(body, signature);
        if (!v.valid()) {
            throw new SignatureVerificationException(
                    "signature-invalid",
                    requestId,
                    "the " + HEADER + " does not hold: "
                            + v.findings().stream()
                                    .map(Finding::message)
                                    .reduce((a, b) -> a + "; " + b)
                                    .orElse(""),
                    v.findings());
        }
        return v.keyId();
    }
}
