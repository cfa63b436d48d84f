package org.linkway.server.storage;

import java.time.Instant;

/**
 * A filtered page of the latest versions of one resource type, newest change last.
 * Null filters do not filter; {@code cursor} is an opaque value from a previous {@link Page}.
 * {@code addresseeOrg} keeps only referrals addressed to that link worker service (read from the
 * stored document by the database, so the page is full and its cursor right). {@code recipientOrg}
 * keeps only message backs addressed to that organisation: the referrer organisation, or a
 * registered GP practice named in the document's GP practice section.
 */
public record ListQuery(String type, String status, String referrerOrg, String referralId, Instant updatedSince,
                        String cursor, int limit, String addresseeOrg, String recipientOrg) {

    public ListQuery(String type, String status, String referrerOrg, String referralId, Instant updatedSince, String cursor, int limit,
                     String addresseeOrg) {
        this(type, status, referrerOrg, referralId, updatedSince, cursor, limit, addresseeOrg, null);
    }

    public ListQuery(String type, String status, String referrerOrg, String referralId, Instant updatedSince, String cursor, int limit) {
        this(type, status, referrerOrg, referralId, updatedSince, cursor, limit, null);
    }
}
