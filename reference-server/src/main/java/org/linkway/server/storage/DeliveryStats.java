package org.linkway.server.storage;

import java.time.Instant;

/**
 * How a subscription's deliveries stand, for whoever runs the receiver. Times and the error are
 * {@code null} until there is something to report.
 *
 * @param lastError what went wrong with the most recent failed attempt still waiting to be retried
 */
public record DeliveryStats(
        long pending,
        long delivered,
        Instant lastAttemptAt,
        Instant lastDeliveredAt,
        String lastError,
        Instant nextAttemptAt) {}
