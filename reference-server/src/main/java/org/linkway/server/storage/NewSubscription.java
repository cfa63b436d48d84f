package org.linkway.server.storage;

import java.util.List;

/**
 * A webhook subscription as {@link Webhooks#createSubscription} stores it, built in named steps:
 *
 * <pre>{@code
 * tx.webhooks().createSubscription(NewSubscription.withId(id).url(url).secret(secret).types(List.of("referral.received")));
 * }</pre>
 *
 * @param types        the event types it wants; empty (the default) means every type
 * @param referrerOrg  only events of referrals from this organisation, or null for all
 * @param secret       the signing secret ({@code whsec_...})
 * @param after        the event sequence to start after, or null for the latest event now
 * @param organisation the organisation that receives the deliveries (ODS code or charity number), or null if not known
 */
public record NewSubscription(
        String id, String url, List<String> types, String referrerOrg, String secret, Long after, String organisation) {

    /** A subscription with this id, for every event type, nothing else set yet. */
    public static NewSubscription withId(String id) {
        return new NewSubscription(id, null, List.of(), null, null, null, null);
    }

    public NewSubscription url(String url) {
        return new NewSubscription(id, url, types, referrerOrg, secret, after, organisation);
    }

    public NewSubscription types(List<String> types) {
        return new NewSubscription(id, url, types, referrerOrg, secret, after, organisation);
    }

    public NewSubscription referrerOrg(String referrerOrg) {
        return new NewSubscription(id, url, types, referrerOrg, secret, after, organisation);
    }

    public NewSubscription secret(String secret) {
        return new NewSubscription(id, url, types, referrerOrg, secret, after, organisation);
    }

    public NewSubscription after(Long after) {
        return new NewSubscription(id, url, types, referrerOrg, secret, after, organisation);
    }

    public NewSubscription organisation(String organisation) {
        return new NewSubscription(id, url, types, referrerOrg, secret, after, organisation);
    }
}
