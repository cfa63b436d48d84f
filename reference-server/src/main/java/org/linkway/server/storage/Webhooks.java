package org.linkway.server.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Subscriptions and their deliveries, inside one {@link Tx}. The event table is the outbox: a
 * subscription keeps how far it has scanned it, {@link #scan} turns newer events into pending
 * deliveries, and dispatchers {@link #claim} the due ones. Several server instances may do
 * this at once against one PostgreSQL database; none claims what another holds.
 */
public interface Webhooks {

    /** Stores a subscription. */
    Subscription createSubscription(NewSubscription subscription);

    /** A subscription that has not been deleted. */
    Optional<Subscription> subscription(String id);

    /** Every subscription not deleted, oldest first. */
    List<Subscription> subscriptions();

    /** Stops a subscription and drops what it had not yet been sent; false if there was none. */
    boolean deleteSubscription(String id);

    DeliveryStats stats(String subscriptionId);

    /**
     * Turns up to {@code maxEvents} events per subscription, past where it had scanned, into
     * pending deliveries for the subscriptions that want them. Returns how many deliveries it made.
     */
    int scan(int maxEvents);

    /**
     * Claims up to {@code limit} deliveries that are due, at most one per subscription and
     * referral, and only when no earlier event of that referral is still pending for that
     * subscription: that is what keeps each referral's events in order. A claimed delivery is not
     * due again until {@code lease} has passed, so one whose sender died is retried, not lost.
     */
    default List<DueDelivery> claim(int limit, Duration lease) {
        return claim(limit, lease, Map.of(), limit);
    }

    /**
     * {@link #claim(int, Duration)}, at most as many per subscription as it has room for: a
     * subscription in {@code room} gets at most that many (none at 0: its deliveries are not even
     * looked at, so they cannot crowd out anyone else's), any other at most {@code otherwise}.
     */
    List<DueDelivery> claim(int limit, Duration lease, Map<String, Integer> room, int otherwise);

    /** Records that the receiver acknowledged the delivery. */
    void delivered(String subscriptionId, long eventSequence, int httpStatus);

    /**
     * Records a failed attempt and when to try again.
     *
     * @param httpStatus the receiver's answer, or {@code null} if there was none
     */
    void failed(String subscriptionId, long eventSequence, Integer httpStatus, String error, Instant nextAttemptAt);

    /** Forgets deliveries acknowledged before {@code before}; returns how many. */
    int pruneDelivered(Instant before);
}
