package org.linkway.server.storage;

import java.time.Instant;
import java.util.List;

/**
 * A webhook subscription as stored.
 *
 * @param types       the event types it wants; empty means every type
 * @param referrerOrg only events of referrals from this organisation, or {@code null} for all
 * @param secret      the signing secret ({@code whsec_...}); the API shows it only once, on create
 * @param startAfter  the event sequence deliveries start after
 * @param organisation the organisation that receives the deliveries (ODS code or charity number), or
 *                     {@code null} when not recorded; consent is enforced against it
 */
public record Subscription(
        String id,
        String url,
        List<String> types,
        String referrerOrg,
        String secret,
        long startAfter,
        Instant createdAt,
        String organisation) {

    public Subscription {
        types = List.copyOf(types);
    }

    public Subscription(
            String id,
            String url,
            List<String> types,
            String referrerOrg,
            String secret,
            long startAfter,
            Instant createdAt) {
        this(id, url, types, referrerOrg, secret, startAfter, createdAt, null);
    }

    /** Whether an event of this type, for a referral from {@code eventReferrerOrg}, goes to this subscriber. */
    public boolean wants(String eventType, String eventReferrerOrg) {
        return (types.isEmpty() || types.contains(eventType))
                && (referrerOrg == null || referrerOrg.equals(eventReferrerOrg));
    }
}
