package org.linkway.server.consent;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.linkway.server.storage.Tx;
import tools.jackson.databind.JsonNode;

/**
 * One organisation as a party to one referral: every identifier it is known by. An onward
 * provider may be named by its ODS code in one record, by its charity number in another, and its
 * token may carry either; all of them are one party. Identifiers are joined when a record of the
 * referral names them together (an onward referral's provider, a consent decision's onward
 * provider: both written by the link worker service that holds the referral) or when the
 * {@link OrganisationDirectory} lists them as one organisation; the joining repeats until nothing
 * new is found. A consent decision naming any of them applies to the party, and a token naming any
 * of them acts for it. Joins found in one referral's records never reach another referral.
 *
 * @param identifiers every identifier of the party, never blank
 * @param name        the identifier the party was first known by, for messages
 */
public record PartyIdentity(Set<String> identifiers, String name) {

    public PartyIdentity {
        identifiers = Set.copyOf(identifiers);
    }

    /** The identifiers a party in a stored document names its organisation by: ODS code, charity number. */
    public static Set<String> identifiersOf(JsonNode party) {
        Set<String> out = new LinkedHashSet<>();
        if (party == null || party.isMissingNode() || party.isNull()) {
            return out;
        }
        add(out, party.at("/organisation/code"));
        add(out, party.path("charityNumber"));
        return out;
    }

    /**
     * The party known by {@code seed} in the referral: the seed with every identifier the
     * referral's records or the directory join to it, repeated until nothing new is found.
     */
    public static PartyIdentity of(Tx tx, String referralId, Collection<String> seed, OrganisationDirectory directory) {
        Set<String> known = new LinkedHashSet<>();
        for (String s : seed) {
            if (s != null && !s.isBlank()) {
                known.add(s);
            }
        }
        String name = known.isEmpty() ? "(none)" : known.iterator().next();
        Set<String> fresh = new LinkedHashSet<>(known);
        while (!fresh.isEmpty()) {
            Set<String> joined = new LinkedHashSet<>();
            for (String id : fresh) {
                joined.addAll(directory.aliasesOf(id));
            }
            if (referralId != null) {
                joined.addAll(tx.consents().joinedTo(referralId, fresh));
            }
            fresh = new LinkedHashSet<>();
            for (String j : joined) {
                if (j != null && !j.isBlank() && known.add(j)) {
                    fresh.add(j);
                }
            }
        }
        return new PartyIdentity(known, name);
    }

    /** Whether an organisation known by {@code identifier} is this party. */
    public boolean isKnownBy(String identifier) {
        return identifier != null && identifiers.contains(identifier);
    }

    private static void add(Set<String> out, JsonNode n) {
        if (n != null && n.isString() && !n.asString().isBlank()) {
            out.add(n.asString());
        }
    }
}
