package org.linkway.server.storage;

import java.util.List;
import java.util.Optional;

/** What can be done inside one transaction. Every change keeps the previous versions. */
public interface Tx {

    /** The latest version. */
    Optional<StoredResource> get(String type, String id);

    /**
     * The latest version, holding a shared lock on it until the transaction ends: a concurrent
     * update of the same resource waits for this transaction, and this read waits for a
     * concurrent update to commit. A record added under a referral checks that the referral is
     * open with it, so closing the referral and adding the record cannot interleave (PostgreSQL;
     * SQLite has one writer, so its transactions never interleave).
     */
    Optional<StoredResource> getForShare(String type, String id);

    /** Stores version 1 of a new resource. */
    StoredResource create(NewResource resource);

    /**
     * Stores a new version, with this status and body, if {@code expected} is still the latest.
     *
     * @throws VersionConflictException if it is not
     * @throws java.util.NoSuchElementException if there is no such resource
     */
    StoredResource update(ResourceRef expected, String status, String body);

    /** Every version, oldest first. */
    List<StoredResource> history(String type, String id);

    /** Latest versions matching the query, in order of last change, then id. */
    Page<StoredResource> list(ListQuery query);

    /** Appends an event to the outbox in this transaction. */
    StoredEvent appendEvent(NewEvent event);

    /** Events with a sequence greater than {@code after}, in sequence order. */
    List<StoredEvent> eventsAfter(long after, int limit);

    /** A referral's events, in order. */
    List<StoredEvent> eventsForReferral(String referralId);

    Optional<IdempotencyRecord> idempotency(String key);

    /** Remembers a response; the key must be new. */
    void saveIdempotency(IdempotencyRecord record);

    /** Webhook subscriptions and their deliveries, in this transaction. */
    Webhooks webhooks();

    /** Providers' feedback on onward referrals, in this transaction. */
    FeedbackLog feedback();

    /** The hash-chained audit trail, in this transaction. */
    AuditTrail audit();

    /** The consent ledger, in this transaction. */
    ConsentDecisions consents();

    /** The time rules found overdue, in this transaction. */
    OverdueLog overdue();
}
