package org.linkway.server.storage;

import java.time.Instant;

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
 * (read from the stored document by the database, so the page is full and its cursor right).
 * {@code recipientOrg} keeps only message backs addressed to that organisation: the referrer
 * organisation, or a registered GP practice named in the document's GP practice section.
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
        String recipientOrg) {

    /** The first page of every resource of this type, at the store's largest page size. */
    public static ListQuery of(String type) {
        return new ListQuery(type, null, null, null, null, null, JdbcTx.MAX_PAGE, null, null);
    }

    public ListQuery status(String status) {
        return new ListQuery(
                type, status, referrerOrg, referralId, updatedSince, cursor, limit, addresseeOrg, recipientOrg);
    }

    public ListQuery referrerOrg(String referrerOrg) {
        return new ListQuery(
                type, status, referrerOrg, referralId, updatedSince, cursor, limit, addresseeOrg, recipientOrg);
    }

    /** Only the records under this referral. */
    public ListQuery inReferral(String referralId) {
        return new ListQuery(
                type, status, referrerOrg, referralId, updatedSince, cursor, limit, addresseeOrg, recipientOrg);
    }

    public ListQuery updatedSince(Instant updatedSince) {
        return new ListQuery(
                type, status, referrerOrg, referralId, updatedSince, cursor, limit, addresseeOrg, recipientOrg);
    }

    /** The page after the one that answered this cursor (null: the first page). */
    public ListQuery after(String cursor) {
        return new ListQuery(
                type, status, referrerOrg, referralId, updatedSince, cursor, limit, addresseeOrg, recipientOrg);
    }

    public ListQuery limit(int limit) {
        return new ListQuery(
                type, status, referrerOrg, referralId, updatedSince, cursor, limit, addresseeOrg, recipientOrg);
    }

    public ListQuery addresseeOrg(String addresseeOrg) {
        return new ListQuery(
                type, status, referrerOrg, referralId, updatedSince, cursor, limit, addresseeOrg, recipientOrg);
    }

    public ListQuery recipientOrg(String recipientOrg) {
        return new ListQuery(
                type, status, referrerOrg, referralId, updatedSince, cursor, limit, addresseeOrg, recipientOrg);
    }
}
