package org.linkway.client.error;

/**
 * A webhook delivery failed verification; answer it with 400 and do not act on it. Codes:
 * {@code webhook-missing-header}, {@code webhook-malformed-header},
 * {@code webhook-timestamp-out-of-tolerance}, {@code webhook-signature-mismatch},
 * {@code webhook-malformed-body}, {@code webhook-id-mismatch}, {@code webhook-jws-invalid} (the server's
 * {@code Linkway-Signature} does not hold).
 *
 * <pre>{@code
 * try {
 *     Event event = verifier.verify(headers, body);
 * } catch (WebhookVerificationException e) {
 *     exchange.sendResponseHeaders(400, -1);
 * }
 * }</pre>
 */
public class WebhookVerificationException extends LinkwayException {

    private static final long serialVersionUID = 1L;

    public WebhookVerificationException(String code, String message) {
        super(code, 0, null, null, message, null);
    }

    public WebhookVerificationException(String code, String message, Throwable cause) {
        super(code, 0, null, null, message, cause);
    }
}
