package org.linkway.server;

import java.util.Set;

/**
 * The events a referral gets because of the person's other referrals in the same service
 * ({@code referral.possible-duplicate} for open ones, {@code referral.episode-linked} for closed
 * ones). The suites send the same invented person many times, so tests about a journey's own
 * events leave these out when they count.
 */
final class PersonMatchEvents {

    static final Set<String> TYPES = Set.of("referral.possible-duplicate", "referral.episode-linked");

    private PersonMatchEvents() {}

    /** Whether an event of this type was raised because the same person was referred before. */
    static boolean is(String type) {
        return TYPES.contains(type);
    }
}
