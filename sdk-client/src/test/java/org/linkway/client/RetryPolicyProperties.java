package org.linkway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.linkway.client.error.InvalidArgumentException;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The waits between retries: exponential, capped, jittered down by at most half, never under Retry-After. */
class RetryPolicyProperties {

    @Property
    void waits_grow_exponentially_up_to_the_cap_and_jitter_takes_off_at_most_half(
            @ForAll @LongRange(min = 1, max = 2_000) long initialMs, @ForAll @LongRange(min = 0, max = 60_000) long extraMs,
            @ForAll @IntRange(min = 1, max = 40) int retry, @ForAll @DoubleRange(min = 0, max = 1) double jitter) {
        RetryPolicy p = RetryPolicy.builder().initialDelay(Duration.ofMillis(initialMs)).maxDelay(Duration.ofMillis(initialMs + extraMs)).build();
        long step = Math.min(initialMs * (1L << Math.min(retry - 1, 20)), initialMs + extraMs);

        Duration wait = p.delayBefore(retry, null, jitter);

        assertThat(wait.toMillis()).isBetween(step / 2, step).isLessThanOrEqualTo(p.maxDelay().toMillis());
        assertThat(p.delayBefore(retry, null, 0).toMillis()).isEqualTo(step);
    }

    @Property
    void never_sooner_than_the_server_asked(@ForAll @IntRange(min = 1, max = 10) int retry,
                                            @ForAll @LongRange(min = 0, max = 120) long retryAfter, @ForAll @DoubleRange(min = 0, max = 1) double jitter) {
        assertThat(RetryPolicy.defaultPolicy().delayBefore(retry, Duration.ofSeconds(retryAfter), jitter))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(retryAfter));
    }

    @Example
    void settings_are_checked_and_named() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> RetryPolicy.builder().initialDelay(Duration.ofSeconds(10)).maxDelay(Duration.ofSeconds(1)).build())
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("maxDelay");
        assertThat(RetryPolicy.defaultPolicy().toBuilder().maxAttempts(2).build().maxAttempts()).isEqualTo(2);
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }
}
