package org.linkway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.client.error.InvalidArgumentException;

/** The waits between retries: exponential, capped, jittered down by at most half, never under Retry-After. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RetryPolicyProperties {

    @Test
    void waits_grow_exponentially_up_to_the_cap_and_jitter_takes_off_at_most_half() {
        qt().withFixedSeed(6_101L)
                .withExamples(1000)
                .forAll(
                        longs().between(1, 2_000),
                        longs().between(0, 60_000),
                        integers().between(1, 40),
                        doubles().between(0, 1))
                .checkAssert((initialMs, extraMs, retry, jitter) -> {
                    RetryPolicy p = RetryPolicy.builder()
                            .initialDelay(Duration.ofMillis(initialMs))
                            .maxDelay(Duration.ofMillis(initialMs + extraMs))
                            .build();
                    long step = Math.min(initialMs * (1L << Math.min(retry - 1, 20)), initialMs + extraMs);

                    Duration wait = p.delayBefore(retry, null, jitter);

                    assertThat(wait.toMillis())
                            .isBetween(step / 2, step)
                            .isLessThanOrEqualTo(p.maxDelay().toMillis());
                    assertThat(p.delayBefore(retry, null, 0).toMillis()).isEqualTo(step);
                });
    }

    @Test
    void never_sooner_than_the_server_asked() {
        qt().withFixedSeed(6_102L)
                .withExamples(1000)
                .forAll(
                        integers().between(1, 10),
                        longs().between(0, 120),
                        doubles().between(0, 1))
                .checkAssert((retry, retryAfter, jitter) -> assertThat(
                                RetryPolicy.defaultPolicy().delayBefore(retry, Duration.ofSeconds(retryAfter), jitter))
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(retryAfter)));
    }

    @Test
    void settings_are_checked_and_named() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> RetryPolicy.builder()
                        .initialDelay(Duration.ofSeconds(10))
                        .maxDelay(Duration.ofSeconds(1))
                        .build())
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("maxDelay");
        assertThat(RetryPolicy.defaultPolicy().toBuilder()
                        .maxAttempts(2)
                        .build()
                        .maxAttempts())
                .isEqualTo(2);
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }
}
