package org.linkway.server.security;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.linkway.server.consent.ConsentLedger;
import org.linkway.server.consent.OrganisationDirectory;
import org.linkway.server.consent.PartyIdentity;
import org.linkway.server.http.Json;
import org.linkway.server.storage.Store;
import tools.jackson.databind.JsonNode;

/**
 * The one decision of who may receive an event, and in which view: webhook deliveries
 * ({@link SubscriberDisclosure}) and the event feed ({@link ListAnswerFilter}) both ask it, so what
 * a webhook withholds the feed withholds too. An event is judged by the referral it belongs to and
 * by what the recipient's organisation is to that referral, with the consent decisions in force
 * now:
 * <ul>
 *   <li>the link worker service the referral is addressed to holds the record: every event, whole;</li>
 *   <li>an onward referral's events: its provider (known by any of its identifiers) while consent or
 *       a lawful basis covers it; the referrer while no decision withdraws sharing with it;</li>
 *   <li>a message back's events: its recipients (referrer, registered GP practice), cut down to the
 *       outcome when consent withholds sharing with them;</li>
 *   <li>the referral's other events (received, status changes with their reason, contacts,
 *       consent, assessments, signposts): the referrer while no decision withdraws sharing with it;</li>
 *   <li>a subscription naming no organisation: referral and message back events until a
 *       withdrawal of everything, an onward referral's events only as strictly as its provider;</li>
 *   <li>anyone else, no party to the referral: nothing.</li>
 * </ul>
 * One instance judges one page or one delivery; it remembers what it read meanwhile.
 */
final class EventDisclosure {

    /**
     * Who would receive an event.
     *
     * @param organisation its organisation, or null for a subscription that names none
     * @param role         the role it reads the feed in, or null for a webhook subscription (any party it is)
     */
    record Recipient(String organisation, Role role) {
        boolean may(Role r) {
            return role == null || role == r;
        }
    }

    /** What an event is about. */
    record About(String referralId, String resourceType, String resourceId) {}

    /** How much of an event reaches the recipient. */
    enum Cut {
        /** The whole event. */
        NONE,
        /** A message back event's outcome and link only ({@link MessageBackView#withheldEventData}). */
        MESSAGE_BACK_DETAILS,
        /** Without the reason a status changed (a detail of the journey). */
        REASON
    }

    /** The decision: whether to send, how much, and why (for the audit trail). */
    record Verdict(boolean send, Cut cut, String reason) {
        static Verdict whole() {
            return new Verdict(true, Cut.NONE, null);
        }

        static Verdict withhold(String reason) {
            return new Verdict(false, Cut.NONE, reason);
        }
    }

    /** Events about these are for the link worker service the referral is addressed to only (and admins). */
    private static final Set<String> SERVICE_ONLY = Set.of("Assignment", "Episodes");

    private record Onward(String id, String referralId, Set<String> named) {}

    private final Store store;
    private final Instant now;
    private final OrganisationDirectory directory;
    private final Map<String, Optional<JsonNode>> referrals = new HashMap<>();
    private final Map<String, Optional<Onward>> onwards = new HashMap<>();
    private final Map<String, ConsentLedger.Coverage> coverage = new HashMap<>();
    private final Map<String, PartyIdentity> providers = new HashMap<>();

    EventDisclosure(Store store, Instant now, OrganisationDirectory directory) {
        this.store = store;
        this.now = now;
        this.directory = directory;
    }

    Verdict judge(Recipient to, About event) {
        if (to.role() == Role.ADMIN) {
            return Verdict.whole();
        }
        String org = to.organisation();
        String referralId = event.referralId();
        if (referralId == null) {
            return org == null && to.role() == null
                    ? Verdict.whole()
                    : Verdict.withhold("the event belongs to no referral" + of(org));
        }
        if (to.role() == Role.PROVIDER && !"OnwardReferral".equals(event.resourceType())) {
            // a provider is party to onward referrals only; its feed need not read every referral it scans past
            return Verdict.withhold("a provider receives only the events of onward referrals" + of(org));
        }
        JsonNode referral = referral(referralId).orElse(null);
        if (referral == null) {
            return Verdict.withhold("the referral is not stored" + of(org));
        }
        if (org != null && to.may(Role.LINK_WORKER) && org.equals(Documents.addresseeOrg(referral))) {
            return Verdict.whole();
        }
        if (org != null && SERVICE_ONLY.contains(event.resourceType())) {
            // who holds the referral, and the person's other referrals (perhaps other referrers'), are the service's
            return Verdict.withhold("the link worker service's own working records" + of(org));
        }
        if ("OnwardReferral".equals(event.resourceType())) {
            return onwardEvent(to, referral, event.resourceId());
        }
        if ("MessageBack".equals(event.resourceType())) {
            return messageBackEvent(to, referral, referralId);
        }
        if (org == null) {
            return covered(party(referralId, ConsentLedger.UNNAMED), "");
        }
        if (to.may(Role.REFERRER) && org.equals(Documents.referrerOrg(referral))) {
            ConsentLedger.Coverage c = party(referralId, "referrer");
            if (!c.covered()) {
                return Verdict.withhold(c.reason() + of(org));
            }
            boolean gp = MessageBackRecipients.parties(referral, org).contains("gp");
            return gp && !party(referralId, "gp").covered() ? new Verdict(true, Cut.REASON, null) : Verdict.whole();
        }
        return Verdict.withhold("subscriber organisation " + org
                + " may not see this referral (only its message back, if a recipient)");
    }

    private Verdict onwardEvent(Recipient to, JsonNode referral, String onwardId) {
        String org = to.organisation();
        Onward onward = onward(onwardId).orElse(null);
        if (onward == null) {
            return Verdict.withhold("the onward referral is not stored" + of(org));
        }
        PartyIdentity provider = provider(onward);
        if (org == null) {
            // a recipient we cannot name is judged as strictly as the provider
            return covered(providerCoverage(onward.referralId(), provider), "");
        }
        if (to.may(Role.PROVIDER) && provider.isKnownBy(org)) {
            return covered(providerCoverage(onward.referralId(), provider), of(org));
        }
        if (to.may(Role.REFERRER) && org.equals(Documents.referrerOrg(referral))) {
            return covered(party(onward.referralId(), "referrer"), of(org));
        }
        return Verdict.withhold("subscriber organisation " + org + " is not a party to this referral");
    }

    private Verdict messageBackEvent(Recipient to, JsonNode referral, String referralId) {
        String org = to.organisation();
        Set<String> parties = org == null
                ? Set.of(ConsentLedger.UNNAMED)
                : to.may(Role.REFERRER) ? MessageBackRecipients.parties(referral, org) : Set.of();
        if (parties.isEmpty()) {
            return Verdict.withhold("subscriber organisation " + org + " is not a recipient of this message back");
        }
        for (String p : parties) {
            ConsentLedger.Coverage c = party(referralId, p);
            if (!c.covered()) {
                return new Verdict(true, Cut.MESSAGE_BACK_DETAILS, c.reason());
            }
        }
        return Verdict.whole();
    }

    /** The identity an onward referral's provider is known by in its referral (see {@link PartyIdentity}). */
    PartyIdentity provider(String onwardId) {
        return onward(onwardId).map(this::provider).orElse(new PartyIdentity(Set.of(), "(none)"));
    }

    /** Whether consent covers the provider of this onward referral now. */
    ConsentLedger.Coverage providerCoverage(String onwardId) {
        return onward(onwardId)
                .map(o -> providerCoverage(o.referralId(), provider(o)))
                .orElse(new ConsentLedger.Coverage(false, "no such onward referral"));
    }

    private PartyIdentity provider(Onward o) {
        return providers.computeIfAbsent(
                o.id(), k -> store.read(tx -> PartyIdentity.of(tx, o.referralId(), o.named(), directory)));
    }

    private ConsentLedger.Coverage providerCoverage(String referralId, PartyIdentity provider) {
        return coverage.computeIfAbsent(
                "provider " + referralId + " "
                        + String.join(
                                ",", provider.identifiers().stream().sorted().toList()),
                k -> store.read(tx -> ConsentLedger.forProvider(tx, referralId, provider, now)));
    }

    private ConsentLedger.Coverage party(String referralId, String scope) {
        return coverage.computeIfAbsent(
                scope + " " + referralId, k -> store.read(tx -> ConsentLedger.forParty(tx, referralId, scope, now)));
    }

    private Optional<JsonNode> referral(String id) {
        return referrals.computeIfAbsent(
                id, k -> store.read(tx -> tx.get("Referral", k)).map(r -> Json.MAPPER.readTree(r.body())));
    }

    private Optional<Onward> onward(String id) {
        return onwards.computeIfAbsent(
                id,
                k -> store.read(tx -> tx.get("OnwardReferral", k))
                        .map(o -> new Onward(
                                k,
                                o.referralId(),
                                PartyIdentity.identifiersOf(
                                        Json.MAPPER.readTree(o.body()).path("provider")))));
    }

    private static Verdict covered(ConsentLedger.Coverage c, String suffix) {
        return c.covered() ? Verdict.whole() : Verdict.withhold(c.reason() + suffix);
    }

    private static String of(String org) {
        return org == null ? "" : " (subscriber organisation " + org + ")";
    }
}
