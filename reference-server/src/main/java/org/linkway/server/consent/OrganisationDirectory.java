package org.linkway.server.consent;

import java.util.Set;

/**
 * What the server knows of organisations beyond a single referral: every identifier one
 * organisation is known by (ODS code, registered charity number, and the directory's own id once
 * the service directory lists organisations). {@link PartyIdentity} asks it first, so a token,
 * an onward referral and a consent decision that name one organisation by different identifiers
 * are judged as one party everywhere, not only where a referral's records name them together.
 * Entries must come from a source the operator trusts (configuration, a curated directory), never
 * from what one caller asserts, as they join identifiers across every referral.
 */
@FunctionalInterface
public interface OrganisationDirectory {

    /** The other identifiers of the organisation known by {@code identifier}; empty when it knows none. */
    Set<String> aliasesOf(String identifier);

    /** Knows no organisation: identities come only from the referral's own records. */
    OrganisationDirectory NONE = identifier -> Set.of();
}
