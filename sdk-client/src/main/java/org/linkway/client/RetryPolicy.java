package org.linkway.client;

import java.time.Duration;
import org.linkway.client.error.InvalidArgumentException;

/**
 * When and how long the client retries. A request is retried, up to {@link #maxAttempts()}
 * attempts in all, when the server answers 429 or 503 (waiting at least its
 * {@code Retry-After}, unless that is longer than {@link #maxRetryAfter()}), when the connection
 * could not be made, and, for requests that are safe to repeat (reads, and creates, which always
 * carry an {@code Idempotency-Key}), when the connection dropped or timed out before an answer.
 * Never on any other 4xx. Waits grow exponentially from {@link #initialDelay()} to
 * {@link #maxDelay()}, each cut by a random jitter of up to half so that many clients do not
 * retry in step.
 *
 * <pre>{@code
 * RetryPolicy patient = RetryPolicy.builder()
 *         .maxAttempts(6)
 *         .initialDelay(Duration.ofSeconds(1))
 *         .maxDelay(Duration.ofSeconds(30))
 *         .build();
 * LinkwayClient client = LinkwayClient.builder().baseUrl(url).retryPolicy(patient).build();
 * }</pre>
 */
public final class RetryPolicy {

    private final int maxAttempts;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Duration maxRetryAfter;
    private final Sleeper sleeper;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialDelay = b.initialDelay;
        this.maxDelay = b.maxDelay;
        this.maxRetryAfter = b.maxRetryAfter;
        this.sleeper = b.sleeper;
    }

    /** Four attempts, 0.5 s growing to 5 s, {@code Retry-After} honoured up to 60 s. */
    public static RetryPolicy defaultPolicy() {
        return builder().build();
    }

    /** One attempt: every failure is reported at once. */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this policy's settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder()
                .maxAttempts(maxAttempts)
                .initialDelay(initialDelay)
                .maxDelay(maxDelay)
                .maxRetryAfter(maxRetryAfter)
                .sleeper(sleeper);
    }

    /** Attempts in all, the first included (1 means no retries). */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The wait before the first retry, before jitter. */
    public Duration initialDelay() {
        return initialDelay;
    }

    /** The longest wait the exponential growth reaches, before jitter. */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** The longest {@code Retry-After} the client waits for; a longer one ends the retries at once. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** How waits are made. */
    public Sleeper sleeper() {
        return sleeper;
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry): the exponential step,
     * less a jitter of {@code jitter} (0 to 1) times half of it, and never less than the
     * server's {@code Retry-After}.
     */
    public Duration delayBefore(int retry, Duration retryAfter, double jitter) {
        long base = initialDelay.toMillis();
        long step = base << Math.min(Math.max(retry - 1, 0), 30);
        long capped = step < 0 || step > maxDelay.toMillis() ? maxDelay.toMillis() : step;
        long jittered = capped - (long) (capped * 0.5 * Math.min(Math.max(jitter, 0), 1));
        long floor = retryAfter == null ? 0 : retryAfter.toMillis();
        return Duration.ofMillis(Math.max(jittered, floor));
    }

    /** Builds a {@link RetryPolicy}; every setting has a default. */
    public static final class Builder {
        private int maxAttempts = 4;
        private Duration initialDelay = Duration.ofMillis(500);
        private Duration maxDelay = Duration.ofSeconds(5);
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private Sleeper sleeper = Sleeper.system();

        private Builder() {}

        /** Attempts in all, from 1 (no retries) to 10. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1 || maxAttempts > 10) {
                throw new InvalidArgumentException("maxAttempts", "must be from 1 to 10, not " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder initialDelay(Duration initialDelay) {
            this.initialDelay = nonNegative(initialDelay, "initialDelay");
            return this;
        }

        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = nonNegative(maxDelay, "maxDelay");
            return this;
        }

        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = nonNegative(maxRetryAfter, "maxRetryAfter");
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = InvalidArgumentException.require(sleeper, "sleeper");
            return this;
        }

        public RetryPolicy build() {
            if (maxDelay.compareTo(initialDelay) < 0) {
                throw new InvalidArgumentException("maxDelay", "must not be shorter than initialDelay");
            }
            return new RetryPolicy(this);
        }

        private static Duration nonNegative(Duration d, String name) {
            InvalidArgumentException.require(d, name);
            if (d.isNegative()) {
                throw new InvalidArgumentException(name, "must not be negative");
            }
            return d;
        }
    }
}
