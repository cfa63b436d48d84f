package org.linkway.server.storage;

import java.time.Instant;

/**
 * The time rules found overdue, inside one {@link Tx}: one row per referral, rule and due instant,
 * so each is raised once however many sweeps, restarts or server instances find it.
 */
public interface OverdueLog {

    /**
     * Records that the rule fell due for the referral at {@code dueAt}, unless it is recorded
     * already (by an earlier sweep, or another instance committing meanwhile: a concurrent insert
     * of the same key waits for that one and then inserts nothing).
     *
     * @return true if this call recorded it, so the caller raises its event in the same transaction
     */
    boolean record(String referralId, String rule, Instant dueAt);

    /** How many times this rule was recorded overdue for the referral, any due instant. */
    int count(String referralId, String rule);
}
