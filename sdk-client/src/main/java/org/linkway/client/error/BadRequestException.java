package org.linkway.client.error;

/**
 * The request was malformed in a way that is not about the message itself: a bad query parameter or header (400), a body too large (413), the wrong content type (415) or a change sent without `If-Match` (428). Fix the call; retrying it unchanged will fail again.
 *
 * <pre>{@code
 * catch (BadRequestException e) {
 *     log.error("client bug: {}", e.getMessage());
 * }
 * }</pre>
 */
public class BadRequestException extends LinkwayException {

    private static final long serialVersionUID = 1L;

    public BadRequestException(Problem problem) {
        super(problem);
    }
}
