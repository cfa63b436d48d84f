package org.linkway.client;

import java.time.Instant;

/**
 * How deliveries to a subscription are going, as {@code GET /v1/subscriptions/{id}} reports it.
 * Instants and the error are null until there is one to report.
 *
 * <pre>{@code
 * client.subscriptions().get(id).delivery()
 *         .filter(d -> d.lastError() != null)
 *         .ifPresent(d -> alert("webhook failing: " + d.lastError() + ", " + d.pending() + " pending"));
 * }</pre>
 *
 * @param pending         events waiting to be delivered
 * @param delivered       events delivered so far
 * @param lastAttemptAt   when a delivery was last attempted
 * @param lastDeliveredAt when one last succeeded
 * @param lastError       why the last attempt failed
 * @param nextAttemptAt   when the next attempt is due
 */
public record SubscriptionDelivery(
        long pending,
        long delivered,
        Instant lastAttemptAt,
        Instant lastDeliveredAt,
        String lastError,
        Instant nextAttemptAt) {}
