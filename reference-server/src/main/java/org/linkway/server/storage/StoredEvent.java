package org.linkway.server.storage;

import java.time.Instant;

/**
 * An event in the outbox, written in the same transaction as the change it records.
 *
 * @param sequence        position in the global, gap-free-enough order events are read in ({@code after=})
 * @param id              unique id receivers deduplicate by
 * @param referralId      the referral the event concerns (events are ordered per referral)
 * @param type            e.g. {@code referral.created}, {@code referral.transitioned}
 * @param resourceType    the changed resource's type
 * @param resourceId      the changed resource's id
 * @param resourceVersion the version the change produced
 * @param payload         JSON detail of the event
 */
public record StoredEvent(
        long sequence,
        String id,
        String referralId,
        String type,
        String resourceType,
        String resourceId,
        long resourceVersion,
        String payload,
        Instant at) {}
