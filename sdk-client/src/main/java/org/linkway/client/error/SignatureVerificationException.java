package org.linkway.client.error;

import java.util.List;
import org.linkway.validation.Finding;

/**
 * A message's {@code Linkway-Signature} is missing or does not hold against the keys you trust:
 * do not act on the message. Codes: {@code signature-missing}, {@code signature-invalid}
 * ({@link #findings()} says why, rule {@code LW-SIGNATURE-INVALID}).
 *
 * <pre>{@code
 * try {
 *     MessageBack back = client.referral(id).messageBack(verifier).value();
 * } catch (SignatureVerificationException e) {
 *     log.warn("message back {} not from the server we trust: {}", id, e.findings());
 * }
 * }</pre>
 */
public class SignatureVerificationException extends LinkwayException {

    private static final long serialVersionUID = 1L;

    private final transient List<Finding> findings;

    public SignatureVerificationException(String code, String requestId, String message, List<Finding> findings) {
        super(code, 0, requestId, null, message, null);
        this.findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** Why the signature does not hold. */
    public List<Finding> findings() {
        return findings;
    }
}
