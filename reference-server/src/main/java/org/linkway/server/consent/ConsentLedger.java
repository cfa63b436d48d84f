package org.linkway.server.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.linkway.server.storage.ConsentDecisions;
import org.linkway.server.storage.ListQuery;
import org.linkway.server.storage.StoredResource;
import org.linkway.server.storage.Tx;
import tools.jackson.databind.JsonNode;

/**
 * Whether a referral's recorded consent decisions let it be disclosed to a party now. Every
 * decision counts, however many: they are kept in the ledger ({@link ConsentDecisions}) in the
 * order the server recorded them, and the latest one that applies to the party wins. A withdrawal
 * or refusal stops disclosure from the moment it is recorded, a later consent given restores it.
 * An onward provider needs consent given, or a recorded lawful basis other than consent, with a
 * scope that includes the onward provider and names this organisation (by any identifier it is
 * known by, see {@link PartyIdentity}) or names none; a decision past its expiry covers nothing.
 */
public final class ConsentLedger {

    /** Lawful bases that justify sharing for direct care without consent (UK GDPR art. 6/9 with the common law duty). */
    static final Set<String> NON_CONSENT_BASES =
            Set.of("direct-care", "vital-interests", "legal-obligation", "public-task");

    /**
     * A scope no decision can name: the party a recipient is when it cannot be matched to any
     * (a subscription that names no organisation). Only a withdrawal or refusal of everything
     * reaches it, and nothing restores it: a consent given names who it covers.
     */
    public static final String UNNAMED = "unnamed-recipient";

    /** The answer, with the reason that is written to the audit trail. */
    public record Coverage(boolean covered, String reason) {}

    private ConsentLedger() {}

    /**
     * Puts a decision in the ledger, in the transaction that stores it. {@code position} is the
     * sequence of its {@code consent.recorded} event, which orders decisions as the server
     * recorded them.
     */
    public static void record(Tx tx, String referralId, long position, String recordId, JsonNode consent) {
        List<String> scopes = new ArrayList<>();
        for (JsonNode s : consent.path("scope")) {
            scopes.add(s.asString(""));
        }
        Set<String> named = PartyIdentity.identifiersOf(consent.path("onwardProvider"));
        String party = named.isEmpty() ? null : "Consent/" + recordId;
        if (party != null) {
            tx.consents().nameParty(referralId, party, named);
        }
        tx.consents()
                .append(new ConsentDecisions.Entry(
                        referralId,
                        position,
                        recordId,
                        consent.path("decision").asString(""),
                        consent.path("lawfulBasis").asString(null),
                        scopes,
                        party,
                        expiry(consent)));
    }

    /** Records the identifiers an onward referral names its provider by, in the transaction that stores it. */
    public static void recordOnwardProvider(Tx tx, String referralId, String onwardId, JsonNode onward) {
        tx.consents()
                .nameParty(
                        referralId, "OnwardReferral/" + onwardId, PartyIdentity.identifiersOf(onward.path("provider")));
    }

    /**
     * The provider filter of an onward referral listing (its inbox): onward referrals addressed to
     * the provider known by one of {@code identifiers}, judged by the database exactly as
     * {@link #forProvider} judges one, at {@code now}.
     */
    public static ListQuery.Provider providerInbox(Set<String> identifiers, Instant now) {
        return new ListQuery.Provider(identifiers, NON_CONSENT_BASES, now);
    }

    /** Whether the onward provider known by these identifiers (see {@link PartyIdentity#of}) is covered now. */
    public static Coverage forProvider(Tx tx, String referralId, PartyIdentity provider, Instant now) {
        if (provider.identifiers().isEmpty()) {
            return new Coverage(false, "the onward referral names no provider organisation");
        }
        return tx.consents()
                .latestForProvider(referralId, provider.identifiers(), NON_CONSENT_BASES, micros(now))
                .map(d -> switch (d.decision()) {
                    case "withdrawn", "refused" ->
                        new Coverage(false, "consent " + d.decision() + " (record " + d.recordId() + ")");
                    case "given" ->
                        expired(d, now)
                                ? new Coverage(false, "consent expired (record " + d.recordId() + ")")
                                : new Coverage(true, "consent given (record " + d.recordId() + ")");
                    default -> new Coverage(true, "lawful basis " + d.lawfulBasis() + " (record " + d.recordId() + ")");
                })
                .orElseGet(() ->
                        new Coverage(false, "no consent or lawful basis recorded for provider " + provider.name()));
    }

    /**
     * The decision that covers the provider now, as {@link #forProvider} finds it: empty when
     * nothing covers it (none recorded, withdrawn, refused or expired). What the provider may read
     * beyond the onward referral itself is what that decision lists.
     */
    public static Optional<ConsentDecisions.Entry> coveringDecision(
            Tx tx, String referralId, PartyIdentity provider, Instant now) {
        if (provider.identifiers().isEmpty()) {
            return Optional.empty();
        }
        return tx.consents()
                .latestForProvider(referralId, provider.identifiers(), NON_CONSENT_BASES, micros(now))
                .filter(d -> switch (d.decision()) {
                    case "withdrawn", "refused" -> false;
                    case "given" -> !expired(d, now);
                    default -> true;
                });
    }

    /**
     * Whether the referral's consent decisions still let it be shared with a party that is not
     * the onward provider: the GP practice or the referrer ({@code scope} {@code gp} or
     * {@code referrer}), or {@link #UNNAMED}. They sent or hold the referral, so sharing with them
     * stands until a decision that reaches them (one whose scope names them, or a withdrawal or
     * refusal with no scope) withdraws or refuses it; a later consent given restores it.
     */
    public static Coverage forParty(Tx tx, String referralId, String scope, Instant now) {
        return tx.consents()
                .latestForScope(referralId, scope)
                .map(d -> switch (d.decision()) {
                    case "withdrawn", "refused" ->
                        new Coverage(
                                false,
                                "consent " + d.decision() + " for " + label(scope) + " (record " + d.recordId() + ")");
                    default ->
                        expired(d, now)
                                ? new Coverage(
                                        false, "consent for " + label(scope) + " expired (record " + d.recordId() + ")")
                                : new Coverage(true, "consent given (record " + d.recordId() + ")");
                })
                .orElseGet(() -> new Coverage(true, "no decision withdraws sharing with " + label(scope)));
    }

    private static String label(String scope) {
        return UNNAMED.equals(scope) ? "every recipient" : "the " + scope;
    }

    /** Reads a stored record into the ledger (start-up, for records stored before it existed). */
    static void readIn(Tx tx, StoredResource r, JsonNode doc) {
        if ("OnwardReferral".equals(r.type())) {
            recordOnwardProvider(tx, r.referralId(), r.id(), doc);
        } else {
            // a decision without its event cannot be placed in order: last, so a withdrawal is never lost
            long position = tx.consents().recordedAt(r.id()).orElse(Long.MAX_VALUE - 1);
            record(tx, r.referralId(), position, r.id(), doc);
        }
    }

    private static boolean expired(ConsentDecisions.Entry d, Instant now) {
        return d.expiresAt() != null && d.expiresAt() <= micros(now);
    }

    private static Long expiry(JsonNode consent) {
        String text = consent.path("expiresAt").asString(null);
        if (text == null) {
            return null;
        }
        try {
            Instant end = text.length() == 10
                    ? LocalDate.parse(text).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : OffsetDateTime.parse(text).toInstant();
            return micros(end);
        } catch (DateTimeParseException | ArithmeticException e) {
            return 0L; // an expiry we cannot read is treated as passed: fail closed
        }
    }

    private static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }
}
