package org.linkway.server.events;

import java.time.Duration;

/**
 * How the webhook dispatcher behaves.
 *
 * @param retryBase    wait after the first failed attempt; doubled after each further one
 * @param retryMax     the longest wait between attempts; retries never stop while the subscription exists
 * @param timeout      how long a receiver has to answer one attempt
 * @param pollInterval how often an idle dispatcher looks for new events and due retries
 * @param batchSize    most deliveries one dispatcher sends at once
 */
public record WebhookSettings(
        Duration retryBase, Duration retryMax, Duration timeout, Duration pollInterval, int batchSize) {

    public static final WebhookSettings DEFAULTS = new WebhookSettings(
            Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofSeconds(10), Duration.ofMillis(250), 32);

    public WebhookSettings {
        if (retryBase.isNegative()
                || retryBase.isZero()
                || retryMax.compareTo(retryBase) < 0
                || timeout.isNegative()
                || timeout.isZero()
                || pollInterval.isNegative()
                || pollInterval.isZero()
                || batchSize < 1) {
            throw new IllegalArgumentException(
                    "webhook settings must be positive, with retryMax >= retryBase: retryBase=" + retryBase
                            + " retryMax=" + retryMax + " timeout=" + timeout + " pollInterval=" + pollInterval
                            + " batchSize=" + batchSize);
        }
    }

    /** A claimed delivery is not handed to another dispatcher until its attempt has surely ended. */
    Duration lease() {
        return timeout.multipliedBy(2).plusSeconds(5);
    }
}
