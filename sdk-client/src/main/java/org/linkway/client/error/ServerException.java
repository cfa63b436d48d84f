package org.linkway.client.error;

/**
 * The server failed (5xx, after any retries the policy allows). Quote {@link #requestId()} when reporting it.
 *
 * <pre>{@code
 * catch (ServerException e) {
 *     alert("Linkway failed, request " + e.requestId());
 * }
 * }</pre>
 */
public class ServerException extends LinkwayException {

    private static final long serialVersionUID = 1L;

    public ServerException(Problem problem) {
        super(problem);
    }
}
