package org.linkway.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * How the client waits between retries and between empty polls, without blocking a thread.
 * The default schedules on the JDK's shared delayed executor; tests pass one that records the
 * waits and returns at once, so no test sleeps.
 *
 * <pre>{@code
 * List<Duration> waits = new CopyOnWriteArrayList<>();
 * Sleeper instant = d -> { waits.add(d); return CompletableFuture.completedFuture(null); };
 * RetryPolicy policy = RetryPolicy.builder().sleeper(instant).build();
 * }</pre>
 */
@FunctionalInterface
public interface Sleeper {

    /** A stage that completes once {@code duration} has passed. */
    CompletionStage<Void> sleep(Duration duration);

    /** Waits for real, on {@link CompletableFuture#delayedExecutor}. */
    static Sleeper system() {
        return duration -> CompletableFuture.runAsync(
                () -> {}, CompletableFuture.delayedExecutor(Math.max(0, duration.toMillis()), TimeUnit.MILLISECONDS));
    }
}
