package org.linkway.server.storage;

import java.util.List;

/**
 * Providers' feedback on onward referrals, inside one {@link Tx}: each entry is its own record,
 * so adding one costs its own size, not another copy of the onward referral and everything said
 * about it before.
 */
public interface FeedbackLog {

    /** How much feedback an onward referral holds in this log. */
    record Tally(int entries, long bytes) {}

    /**
     * The tally, holding the onward referral against concurrent feedback until the transaction
     * ends (PostgreSQL; SQLite has one writer), so a limit checked against it stays true.
     */
    Tally tallyForAppend(String onwardReferralId);

    /** Appends an entry after the {@code tally.entries()} already held; {@code json} is stored as given. */
    void append(String onwardReferralId, String referralId, Tally tally, String json);

    /** Every entry of the onward referral, in the order received, as stored JSON. */
    List<String> entries(String onwardReferralId);

    /**
     * The onward referral as readers see it: its document with every entry of its feedback, those
     * written into the document before feedback had records of its own first. No feedback: no
     * {@code feedback} member.
     */
    String withFeedback(StoredResource onward);
}
