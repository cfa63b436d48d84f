package org.linkway.client.error;

/**
 * The server did not accept the credentials (401): the token from the {@link org.linkway.client.TokenProvider} is missing, expired or wrong.
 *
 * <pre>{@code
 * catch (UnauthorisedException e) {
 *     tokens.refresh();
 * }
 * }</pre>
 */
public class UnauthorisedException extends LinkwayException {

    private static final long serialVersionUID = 1L;

    public UnauthorisedException(Problem problem) {
        super(problem);
    }
}
