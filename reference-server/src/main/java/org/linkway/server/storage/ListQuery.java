package org.linkway.server.storage;

import java.time.Instant;
import java.util.Set;

/**
 * A filtered page of the latest versions of one resource type, newest change last, built in
 * named steps from {@link #of}:
 *
 * <pre>{@code
 * tx.list(ListQuery.of("Referral").status("accepted").referrerOrg("Y1234").after(cursor).limit(50));
 * }</pre>
 *
 * Unset (null) filters do not filter; {@code cursor} is an opaque value from a previous
 * {@link Page}. {@code addresseeOrg} keeps only referrals addressed to that link worker service
 * (read from the stored document by the database, so the page is full and its cursor right), or,
 * for onward referrals, those made under such a referral. {@code recipientOrg} keeps only message
 * backs addressed to that organisation: the referrer organisation, or a registered GP practice
 * named in the document's GP practice section. {@code statuses} keeps any of several states.
 * {@code provider} keeps only onward referrals whose provider is known (in its referral's records,
 * see the consent ledger) by one of the given identifiers, and only while the referral's consent
 * decisions cover that provider at the given instant, exactly as {@code ConsentLedger.forProvider}
 * judges it.
 */
public record ListQuery(
        String type,
        String status,
        String referrerOrg,
        String referralId,
        Instant updatedSince,
        String cursor,
        int limit,
        String addresseeOrg,
        String recipientOrg,
        Set<String> statuses,
        Provider provider) {

    /**
     * Who an onward referral must be addressed to, and be covered for.
     *
     * @param identifiers every identifier the provider is known by (never empty)
     * @param lawfulBases the lawful bases other than consent that cover a provider
     * @param now         the instant consent is judged at
     */
    public record Provider(Set<String> identifiers, Set<String> lawfulBases, Instant now) {
        public Provider {
            identifiers = Set.copyOf(identifiers);
            lawfulBases = Set.copyOf(lawfulBases);
        }
    }

    /** The first page of every resource of this type, at the store's largest page size. */
    public static ListQuery of(String type) {
        return new ListQuery(type, null, null, null, null, null, JdbcTx.MAX_PAGE, null, null, null, null);
    }

    public ListQuery status(String status) {
        return new ListQuery(
                type,
                status,
                referrerOrg,
                referralId,
                updatedSince,
                cursor,
                limit,
                addresseeOrg,
                recipientOrg,
                statuses,
                provider);
    }

    public ListQuery referrerOrg(String referrerOrg) {
        return new ListQuery(
                type,
                status,
                referrerOrg,
                referralId,
                updatedSince,
                cursor,
                limit,
                addresseeOrg,
                recipientOrg,
                statuses,
                provider);
    }

    /** Only the records under this referral. */
    public ListQuery inReferral(String referralId) {
        return new ListQuery(
                type,
                status,
                referrerOrg,
                referralId,
                updatedSince,
                cursor,
                limit,
                addresseeOrg,
                recipientOrg,
                statuses,
                provider);
    }

    public ListQuery updatedSince(Instant updatedSince) {
        return new ListQuery(
                type,
                status,
                referrerOrg,
                referralId,
                updatedSince,
                cursor,
                limit,
                addresseeOrg,
                recipientOrg,
                statuses,
                provider);
    }

    /** The page after the one that answered this cursor (null: the first page). */
    public ListQuery after(String cursor) {
        return new ListQuery(
                type,
                status,
                referrerOrg,
                referralId,
                updatedSince,
                cursor,
                limit,
                addresseeOrg,
                recipientOrg,
                statuses,
                provider);
    }

    public ListQuery limit(int limit) {
        return new ListQuery(
                type,
                status,
                referrerOrg,
                referralId,
                updatedSince,
                cursor,
                limit,
                addresseeOrg,
                recipientOrg,
                statuses,
                provider);
    }

    public ListQuery addresseeOrg(String addresseeOrg) {
        return new ListQuery(
                type,
                status,
                referrerOrg,
                referralId,
                updatedSince,
                cursor,
                limit,
                addresseeOrg,
                recipientOrg,
                statuses,
                provider);
    }

    public ListQuery recipientOrg(String recipientOrg) {
        return new ListQuery(
                type,
                status,
                referrerOrg,
                referralId,
                updatedSince,
                cursor,
                limit,
                addresseeOrg,
                recipientOrg,
                statuses,
                provider);
    }

    /** Any of these states (null or empty: any state). */
    public ListQuery statuses(Set<String> statuses) {
        return new ListQuery(
                type,
                status,
                referrerOrg,
                referralId,
                updatedSince,
                cursor,
                limit,
                addresseeOrg,
                recipientOrg,
                statuses == null || statuses.isEmpty() ? null : Set.copyOf(statuses),
                provider);
    }

    /** Only onward referrals to this provider, while consent covers it. */
    public ListQuery provider(Provider provider) {
        return new ListQuery(
                type,
                status,
                referrerOrg,
                referralId,
                updatedSince,
                cursor,
                limit,
                addresseeOrg,
                recipientOrg,
                statuses,
                provider);
    }
}
