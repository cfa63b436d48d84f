package org.linkway.client.error;

/**
 * There is no such resource (404 `not-found`), or the server does not serve that endpoint (yet).
 *
 * <pre>{@code
 * try {
 *     client.referrals().get("no-such-id");
 * } catch (NotFoundException e) {
 *     // show "unknown referral"
 * }
 * }</pre>
 */
public class NotFoundException extends LinkwayException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(Problem problem) {
        super(problem);
    }
}
