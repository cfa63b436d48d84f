package org.linkway.server.security;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.linkway.server.consent.ConsentLedger;
import org.linkway.server.storage.Tx;
import tools.jackson.databind.JsonNode;

/**
 * Who a referral's message back is addressed to, and in which view. It goes to the referrer
 * organisation and to each registered GP practice in the referral's GP practice section (as
 * {@code MessageBackBuilder.recipients} lists them in the {@code message-back.issued} event). The
 * link worker service that wrote it and admins always see it whole. A recipient sees it whole
 * unless the person's consent decisions withhold sharing with it ({@link ConsentLedger#forParty},
 * scope {@code referrer} or {@code gp}), judged at each read or delivery, not once at issue: a
 * refusal recorded after closing still withholds, a consent given later restores. An
 * organisation that is both referrer and registered practice gets the full view only if
 * neither scope is withheld.
 */
final class MessageBackRecipients {

    private MessageBackRecipients() {}

    /** The consent scopes by which an organisation is a recipient of the referral's message back: {@code referrer}, {@code gp}. */
    static Set<String> parties(JsonNode referral, String organisation) {
        Set<String> out = new LinkedHashSet<>();
        if (referral == null || organisation == null) {
            return out;
        }
        if (organisation.equals(Documents.referrerOrg(referral))) {
            out.add("referrer");
        }
        for (JsonNode gp : referral.at("/gpPractice/entries")) {
            if (organisation.equals(gp.path("gpPracticeIdentifier").asString(null))) {
                out.add("gp");
            }
        }
        return out;
    }

    /** Whether the caller is a recipient: a referrer-role organisation the message back is addressed to. */
    static Set<String> partiesOf(Caller caller, JsonNode referral) {
        return caller.is(Role.REFERRER) ? parties(referral, caller.organisation()) : Set.of();
    }

    /** The view for a recipient in these parties, judged now from the referral's consent decisions. */
    static MessageBackView view(Tx tx, String referralId, Set<String> parties, Instant now) {
        for (String party : parties) {
            ConsentLedger.Coverage c = ConsentLedger.forParty(tx, referralId, party, now);
            if (!c.covered()) {
                return MessageBackView.withheld(party, c.reason());
            }
        }
        return MessageBackView.FULL;
    }
}
