package org.linkway.client.error;

/**
 * No answer arrived: the connection was refused or dropped, or the request timed out, after the
 * retries the {@link org.linkway.client.RetryPolicy} allows. {@link #requestId()} is the id this
 * client sent, so the server's log can still be searched for it. Code {@code transport}
 * (or {@code timeout}, {@code interrupted}).
 *
 * <pre>{@code
 * catch (TransportException e) {
 *     // a create may or may not have happened; retrying with the same Idempotency-Key is safe
 *     referrals.create(referral, sameKey);
 * }
 * }</pre>
 */
public class TransportException extends LinkwayException {

    private static final long serialVersionUID = 1L;

    public TransportException(String code, String requestId, String message, Throwable cause) {
        super(code, 0, requestId, null, message, cause);
    }
}
