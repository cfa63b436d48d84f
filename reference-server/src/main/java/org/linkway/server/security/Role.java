package org.linkway.server.security;

import java.util.Arrays;
import java.util.Optional;

/** What a caller does in social prescribing; the {@code role} claim of its token. */
public enum Role {
    /** A GP practice, hospital team or other organisation that sends referrals. */
    REFERRER("referrer"),
    /** The social prescribing link worker service the referral is addressed to. */
    LINK_WORKER("link-worker"),
    /** A VCSE provider that receives onward referrals. */
    PROVIDER("provider"),
    /** Commissions the service; sees aggregates only. */
    COMMISSIONER("commissioner"),
    /** Runs the server. */
    ADMIN("admin");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }

    public static Optional<Role> fromClaim(String value) {
        return Arrays.stream(values()).filter(r -> r.claim.equals(value)).findFirst();
    }
}
