package org.linkway.client.error;

/**
 * The caller is known but may not do this (403), for example a referral of another organisation.
 *
 * <pre>{@code
 * catch (ForbiddenException e) {
 *     log.warn("not allowed: {}", e.getMessage());
 * }
 * }</pre>
 */
public class ForbiddenException extends LinkwayException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(Problem problem) {
        super(problem);
    }
}
