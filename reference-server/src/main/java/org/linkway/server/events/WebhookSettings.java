package org.linkway.server.events;

import java.time.Duration;

/**
 * How the webhook dispatcher behaves.
 *
 * @param retryBase      wait after the first failed attempt; doubled after each further one
 * @param retryMax       the longest wait between attempts; retries never stop while the subscription exists
 * @param timeout        how long a receiver has to answer one attempt (its head; the whole answer gets a second more)
 * @param pollInterval   how often an idle dispatcher looks for new events and due retries
 * @param batchSize      most deliveries one dispatcher has in flight at once, over every subscription
 * @param connectTimeout how long a receiver has to accept the connection
 * @param perSubscriber  most deliveries in flight at once to one subscription: a receiver that hangs holds
 *                       only these, and every other subscription's deliveries go on
 * @param breakAfter     failed attempts in a row after which a subscription's circuit opens (see
 *                       {@link SubscriberLanes})
 */
public record WebhookSettings(
        Duration retryBase,
        Duration retryMax,
        Duration timeout,
        Duration pollInterval,
        int batchSize,
        Duration connectTimeout,
        int perSubscriber,
        int breakAfter) {

    public static final WebhookSettings DEFAULTS = new WebhookSettings(
            Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofSeconds(10), Duration.ofMillis(250), 32);

    /** With a connect timeout of at most 5 s, 4 deliveries in flight per subscription, and a circuit that opens after 3 failures. */
    public WebhookSettings(
            Duration retryBase, Duration retryMax, Duration timeout, Duration pollInterval, int batchSize) {
        this(
                retryBase,
                retryMax,
                timeout,
                pollInterval,
                batchSize,
                timeout.compareTo(Duration.ofSeconds(5)) < 0 ? timeout : Duration.ofSeconds(5),
                4,
                3);
    }

    public WebhookSettings {
        if (retryBase.isNegative()
                || retryBase.isZero()
                || retryMax.compareTo(retryBase) < 0
                || timeout.isNegative()
                || timeout.isZero()
                || pollInterval.isNegative()
                || pollInterval.isZero()
                || batchSize < 1
                || connectTimeout.isNegative()
                || connectTimeout.isZero()
                || connectTimeout.compareTo(timeout) > 0
                || perSubscriber < 1
                || breakAfter < 1) {
            throw new IllegalArgumentException(
                    "webhook settings must be positive, with retryMax >= retryBase and connectTimeout <= timeout: retryBase="
                            + retryBase + " retryMax=" + retryMax + " timeout=" + timeout + " pollInterval="
                            + pollInterval
                            + " batchSize=" + batchSize + " connectTimeout=" + connectTimeout + " perSubscriber="
                            + perSubscriber + " breakAfter=" + breakAfter);
        }
    }

    /** The same, with at most {@code n} deliveries in flight per subscription. */
    public WebhookSettings withPerSubscriber(int n) {
        return new WebhookSettings(
                retryBase, retryMax, timeout, pollInterval, batchSize, connectTimeout, n, breakAfter);
    }

    /** The same, with the circuit opening after {@code failures} failed attempts in a row. */
    public WebhookSettings withBreakAfter(int failures) {
        return new WebhookSettings(
                retryBase, retryMax, timeout, pollInterval, batchSize, connectTimeout, perSubscriber, failures);
    }

    /** A claimed delivery is not handed to another dispatcher until its attempt has surely ended. */
    Duration lease() {
        // connecting takes at most the timeout, and the answer at most the timeout and a second more
        return timeout.multipliedBy(2).plusSeconds(5);
    }
}
