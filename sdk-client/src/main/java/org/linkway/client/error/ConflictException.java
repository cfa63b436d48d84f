package org.linkway.client.error;

/**
 * The request clashes with the resource's current state (409, 412): someone changed it since
 * you read it ({@link StaleVersionException}), its lifecycle does not allow the move
 * ({@link IllegalTransitionException}), or it is not ready for what you asked (for example
 * {@link org.linkway.model.ProblemType#REFERRAL_OPEN}: a message back exists only once the referral has closed).
 *
 * <pre>{@code
 * try {
 *     client.referral(id).messageBack();
 * } catch (ConflictException e) {
 *     if (e.is(ProblemType.REFERRAL_OPEN)) { ... }
 * }
 * }</pre>
 */
public class ConflictException extends LinkwayException {

    private static final long serialVersionUID = 1L;

    public ConflictException(Problem problem) {
        super(problem);
    }
}
