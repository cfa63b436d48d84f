package org.linkway.client.error;

import java.time.Duration;
import java.util.Optional;

/**
 * The server asked the client to slow down (429), and it still did after the retries the
 * {@link org.linkway.client.RetryPolicy} allows (or it asked for a longer wait than the policy
 * accepts). {@link #retryAfter()} is the wait the server asked for.
 *
 * <pre>{@code
 * catch (RateLimitedException e) {
 *     scheduleLater(e.retryAfter().orElse(Duration.ofMinutes(1)));
 * }
 * }</pre>
 */
public class RateLimitedException extends LinkwayException {

    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    public RateLimitedException(Problem problem, Duration retryAfter) {
        super(problem);
        this.retryAfter = retryAfter;
    }

    /** The server's {@code Retry-After}, when it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
