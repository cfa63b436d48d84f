package org.linkway.server.security;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.linkway.server.http.Json;
import org.linkway.server.storage.ListQuery;
import org.linkway.server.storage.StoredResource;
import org.linkway.server.storage.Tx;
import tools.jackson.databind.JsonNode;

/**
 * Whether a referral's recorded consent decisions let it be disclosed to a named onward provider
 * now. Decisions are read in the order the server recorded them, so the latest one that applies
 * to the provider wins: a withdrawal or refusal stops disclosure from the moment it is recorded,
 * a later consent given restores it. Disclosure needs either consent given, or a recorded lawful
 * basis other than consent, with a scope that includes the onward provider and names this one
 * (or names none); a decision past its expiry no longer covers anything.
 */
public final class ConsentLedger {

    /** Lawful bases that justify sharing for direct care without consent (UK GDPR art. 6/9 with the common law duty). */
    private static final Set<String> NON_CONSENT_BASES =
            Set.of("direct-care", "vital-interests", "legal-obligation", "public-task");

    /** The answer, with the reason that is written to the audit trail. */
    public record Coverage(boolean covered, String reason) {}

    private ConsentLedger() {}

    public static Coverage forProvider(Tx tx, String referralId, String providerOrg, Instant now) {
        if (providerOrg == null) {
            return new Coverage(false, "the onward referral names no provider organisation");
        }
        List<StoredResource> decisions =
                tx.list(ListQuery.of("Consent").inReferral(referralId)).items();
        Coverage state = new Coverage(false, "no consent or lawful basis recorded for provider " + providerOrg);
        for (StoredResource r : decisions) {
            JsonNode c = Json.MAPPER.readTree(r.body());
            if (!appliesTo(c, providerOrg)) {
                continue;
            }
            String decision = c.path("decision").asString("");
            String basis = c.path("lawfulBasis").asString("");
            switch (decision) {
                case "withdrawn", "refused" ->
                    state = new Coverage(false, "consent " + decision + " (record " + r.id() + ")");
                case "given" ->
                    state = expired(c, now)
                            ? new Coverage(false, "consent expired (record " + r.id() + ")")
                            : new Coverage(true, "consent given (record " + r.id() + ")");
                case "not-sought" ->
                    state = NON_CONSENT_BASES.contains(basis) && !expired(c, now)
                            ? new Coverage(true, "lawful basis " + basis + " (record " + r.id() + ")")
                            : state;
                default -> {}
            }
        }
        return state;
    }

    /**
     * Whether the referral's consent decisions still let it be shared with a party that is not
     * the onward provider: the GP practice or the referrer ({@code scope} {@code gp} or
     * {@code referrer}). They sent or hold the referral, so sharing with them stands until a
     * decision that reaches them (one whose scope names them, or a withdrawal or refusal with no
     * scope) withdraws or refuses it; a later consent given restores it.
     */
    public static Coverage forParty(Tx tx, String referralId, String scope, Instant now) {
        List<StoredResource> decisions =
                tx.list(ListQuery.of("Consent").inReferral(referralId)).items();
        Coverage state = new Coverage(true, "no decision withdraws sharing with the " + scope);
        for (StoredResource r : decisions) {
            JsonNode c = Json.MAPPER.readTree(r.body());
            String decision = c.path("decision").asString("");
            JsonNode scopes = c.path("scope");
            boolean scoped = scopes.isArray() && scopes.size() > 0;
            boolean reaches =
                    !scoped ? decision.equals("withdrawn") || decision.equals("refused") : contains(scopes, scope);
            if (!reaches) {
                continue;
            }
            switch (decision) {
                case "withdrawn", "refused" ->
                    state = new Coverage(
                            false, "consent " + decision + " for the " + scope + " (record " + r.id() + ")");
                case "given" ->
                    state = expired(c, now)
                            ? new Coverage(false, "consent for the " + scope + " expired (record " + r.id() + ")")
                            : new Coverage(true, "consent given (record " + r.id() + ")");
                default -> {}
            }
        }
        return state;
    }

    private static boolean contains(JsonNode scopes, String scope) {
        for (JsonNode s : scopes) {
            if (scope.equals(s.asString())) {
                return true;
            }
        }
        return false;
    }

    /** A withdrawal with no scope withdraws everything; otherwise the scope must reach the onward provider. */
    private static boolean appliesTo(JsonNode consent, String providerOrg) {
        String decision = consent.path("decision").asString("");
        JsonNode scope = consent.path("scope");
        boolean scoped = scope.isArray() && scope.size() > 0;
        if (!scoped) {
            return decision.equals("withdrawn") || decision.equals("refused");
        }
        boolean onward = false;
        for (JsonNode s : scope) {
            onward |= "onward-provider".equals(s.asString());
        }
        if (!onward) {
            return false;
        }
        JsonNode named = consent.path("onwardProvider");
        return Documents.partyOrg(named) == null || Documents.partyIs(named, providerOrg);
    }

    private static boolean expired(JsonNode consent, Instant now) {
        String text = consent.path("expiresAt").asString(null);
        if (text == null) {
            return false;
        }
        try {
            Instant end = text.length() == 10
                    ? LocalDate.parse(text).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : OffsetDateTime.parse(text).toInstant();
            return !now.isBefore(end);
        } catch (DateTimeParseException e) {
            return true; // an expiry we cannot read is treated as passed: fail closed
        }
    }
}
