package org.linkway.server.security;

import io.javalin.http.Context;

/**
 * The organisation a caller's list of referrals is limited to, decided by {@link Security} and
 * applied by the list route in its database query, so pages are full and cursors walk only the
 * caller's own referrals. Null (no attribute) means no limit: an admin.
 *
 * @param referrerOrg  only referrals this organisation sent (a referrer)
 * @param addresseeOrg only referrals addressed to this link worker service
 * @param recipientOrg only message backs addressed to this organisation, as referrer or as registered GP practice
 */
public record ListScope(String referrerOrg, String addresseeOrg, String recipientOrg) {

    static final String ATTRIBUTE = "linkway.list-scope";

    public ListScope(String referrerOrg, String addresseeOrg) {
        this(referrerOrg, addresseeOrg, null);
    }

    static ListScope recipient(String organisation) {
        return new ListScope(null, null, organisation);
    }

    static ListScope referrer(String organisation) {
        return new ListScope(organisation, null);
    }

    static ListScope addressee(String organisation) {
        return new ListScope(null, organisation);
    }

    /** The scope Security set for this request, or null when the caller may list everything. */
    public static ListScope of(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }
}
