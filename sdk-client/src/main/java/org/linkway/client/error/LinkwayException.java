package org.linkway.client.error;

import java.util.Optional;
import org.linkway.model.ProblemType;

/**
 * Everything the client throws. {@link #code()} is stable and safe to switch on: the slug of the
 * server's problem type ({@code urn:linkway:problem:<slug>}), or a client-side code such as
 * {@code transport} when no answer arrived. {@link #requestId()} is the {@code X-Request-Id} to
 * quote when asking the server's operator about a failure. {@link #problemType()} is the same code
 * as a {@link ProblemType} constant, when it is one this version of the SDK knows.
 *
 * <pre>{@code
 * try {
 *     client.referrals().get(id);
 * } catch (NotFoundException e) {
 *     log.info("no referral {} (request {})", id, e.requestId());
 * } catch (ConflictException e) {
 *     if (e.is(ProblemType.REFERRAL_OPEN)) { ... }
 * } catch (LinkwayException e) {
 *     log.warn("{} {}", e.code(), e.getMessage());
 * }
 * }</pre>
 */
public abstract class LinkwayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final int status;
    private final String requestId;
    private final transient Problem problem;

    /**
     * @param code      stable machine-readable code
     * @param status    HTTP status, or 0 when there was no answer
     * @param requestId the request id, or null when none was assigned
     * @param problem   the server's problem document, or null
     * @param message   what went wrong, for people
     * @param cause     the underlying failure, or null
     */
    protected LinkwayException(
            String code, int status, String requestId, Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.status = status;
        this.requestId = requestId;
        this.problem = problem;
    }

    /** Built from a problem document (or what stood in for one): code, status and request id come from it. */
    protected LinkwayException(Problem problem) {
        this(problem.code(), problem.status(), problem.requestId(), problem, problem.describe(), null);
    }

    /** The stable code: the problem type's slug, e.g. {@code stale-version}, or a client-side code. */
    public String code() {
        return code;
    }

    /**
     * The catalogue entry of {@link #code()}; empty for a client-side code, an answer that was not
     * a Linkway problem document, or a type this version does not know (a newer server's).
     */
    public Optional<ProblemType> problemType() {
        return ProblemType.fromSlug(code);
    }

    /** Whether the server answered with this problem type. */
    public boolean is(ProblemType type) {
        return problemType().filter(type::equals).isPresent();
    }

    /** The HTTP status of the answer, or 0 when no answer arrived. */
    public int status() {
        return status;
    }

    /** The request id (the server's {@code X-Request-Id}, or the one this client sent); null if none. */
    public String requestId() {
        return requestId;
    }

    /** The problem document the server answered with, when there was one. */
    public Optional<Problem> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public String getMessage() {
        return super.getMessage() + " [code: " + code + (status == 0 ? "" : "; status: " + status)
                + (requestId == null ? "" : "; request-id: " + requestId) + "]";
    }
}
