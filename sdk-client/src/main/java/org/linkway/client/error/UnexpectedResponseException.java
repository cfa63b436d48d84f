package org.linkway.client.error;

/**
 * An answer this client cannot make sense of: a success whose body is not the JSON the contract
 * promises, or a status outside the contract. Usually a proxy in the way or a server that is not
 * Linkway-conformant. Code {@code unexpected-response} (or {@code http-<status>}).
 *
 * <pre>{@code
 * catch (UnexpectedResponseException e) {
 *     log.error("is {} really a Linkway server? {}", baseUrl, e.getMessage());
 * }
 * }</pre>
 */
public class UnexpectedResponseException extends LinkwayException {

    private static final long serialVersionUID = 1L;

    public UnexpectedResponseException(int status, String requestId, String message, Throwable cause) {
        super("unexpected-response", status, requestId, null, message, cause);
    }

    public UnexpectedResponseException(Problem problem) {
        super(problem);
    }
}
