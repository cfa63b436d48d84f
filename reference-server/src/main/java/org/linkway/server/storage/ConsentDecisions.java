package org.linkway.server.storage;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The consent ledger inside one {@link Tx}: every consent decision of a referral as a narrow row,
 * in the order the server recorded it, and the identifiers each record names an organisation by.
 * What a decision means is {@code org.linkway.server.consent.ConsentLedger}'s; the queries here
 * find the latest decision that matters to a party, so no page limit and no document parsing
 * stand between a withdrawal and the next read, however many decisions came before it.
 */
public interface ConsentDecisions {

    /**
     * One decision as the ledger keeps it.
     *
     * @param position    the order recorded (its {@code consent.recorded} event's sequence)
     * @param scopes      the scopes it names; empty when it names none
     * @param party       {@code Consent/<id>} when it names an onward provider organisation, else null
     * @param expiresAt   microseconds since the epoch; null for never, 0 for an unreadable expiry
     */
    record Entry(
            String referralId,
            long position,
            String recordId,
            String decision,
            String lawfulBasis,
            List<String> scopes,
            String party,
            Long expiresAt) {

        public Entry {
            scopes = List.copyOf(scopes);
        }
    }

    /** Adds a decision; a decision already in the ledger (same record) is left as it is. */
    void append(Entry entry);

    /** Records that a record of the referral names one organisation by these identifiers (none: a marker row). */
    void nameParty(String referralId, String party, Set<String> identifiers);

    /** The identifiers some record of the referral names together with any of {@code identifiers}. */
    Set<String> joinedTo(String referralId, Set<String> identifiers);

    /**
     * The latest decision that settles whether an onward provider known by any of {@code identifiers}
     * is covered: a withdrawal or refusal naming no scope; or one whose scope includes the onward
     * provider, naming no organisation or one of these identifiers, that is a withdrawal, refusal or
     * consent given (expired or not), or not sought with one of {@code bases} and not expired at
     * {@code nowMicros}.
     */
    Optional<Entry> latestForProvider(String referralId, Set<String> identifiers, Set<String> bases, long nowMicros);

    /**
     * The latest decision that settles sharing with a party named by {@code scope} ({@code gp},
     * {@code referrer}): a withdrawal or refusal naming no scope, or a withdrawal, refusal or consent
     * given whose scope includes it.
     */
    Optional<Entry> latestForScope(String referralId, String scope);

    /** Consent decisions and onward referrals stored before the ledger existed, up to {@code limit}; empty once read in. */
    List<StoredResource> notYetInLedger(int limit);

    /** The sequence of a consent decision's {@code consent.recorded} event, for records stored before the ledger. */
    Optional<Long> recordedAt(String consentId);

    /** Whether the records stored before the ledger existed have been read in. */
    boolean backfilled();

    void markBackfilled();
}
