package org.linkway.server.security;

import io.javalin.http.Context;
import java.util.Set;

/**
 * The organisation a caller's list of referrals is limited to, decided by {@link Security} and
 * applied by the list route in its database query, so pages are full and cursors walk only the
 * caller's own referrals. Null (no attribute) means no limit: an admin.
 *
 * @param referrerOrg  only referrals this organisation sent (a referrer)
 * @param addresseeOrg only referrals addressed to this link worker service
 * @param recipientOrg only message backs addressed to this organisation, as referrer or as registered GP practice
 * @param providerIds  only onward referrals to the provider known by one of these identifiers (its token's
 *                     organisation and the organisation directory's aliases of it), while consent covers it
 */
public record ListScope(String referrerOrg, String addresseeOrg, String recipientOrg, Set<String> providerIds) {

    static final String ATTRIBUTE = "linkway.list-scope";

    public ListScope(String referrerOrg, String addresseeOrg) {
        this(referrerOrg, addresseeOrg, null, null);
    }

    public ListScope(String referrerOrg, String addresseeOrg, String recipientOrg) {
        this(referrerOrg, addresseeOrg, recipientOrg, null);
    }

    static ListScope recipient(String organisation) {
        return new ListScope(null, null, organisation);
    }

    static ListScope provider(Set<String> identifiers) {
        return new ListScope(null, null, null, Set.copyOf(identifiers));
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
