package org.linkway.server.storage;

/**
 * A delivery claimed by one dispatcher: no other dispatcher sends it until its lease runs out.
 *
 * @param attempt 1 for the first attempt, then 2, 3, ...
 */
public record DueDelivery(String subscriptionId, String url, String secret, int attempt, StoredEvent event) {}
