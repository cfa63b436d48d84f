package org.linkway.server.security;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import org.linkway.server.consent.ConsentLedger;
import org.linkway.server.consent.OrganisationDirectory;
import org.linkway.server.consent.PartyIdentity;
import org.linkway.server.http.Json;
import org.linkway.server.storage.Tx;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The details of the person a provider needs to act on an onward referral, for
 * {@link OnwardProviderView}: taken from the referral's PRSB sections, and only the categories the
 * consent decision covering the provider now lists in {@code shareWithProvider}. A category not
 * listed is absent, never blanked; with no decision covering the provider (withdrawn, refused,
 * expired) nothing is added.
 *
 * <ul>
 *   <li>{@code name-and-contact}: Person demographics / Person name, Person's contact details;</li>
 *   <li>{@code communication-needs}: Individual requirements; About me / How I communicate and how
 *       to communicate with me;</li>
 *   <li>{@code what-matters}: About me / What is most important to me;</li>
 *   <li>{@code visit-risks}: Risks, the entries that have not ended.</li>
 * </ul>
 */
final class OnwardContactDetails {

    /** The members this class writes: whatever a stored document carries under them is replaced. */
    static final Set<String> MEMBERS =
            Set.of("personName", "contactDetails", "individualRequirements", "aboutMe", "risks");

    private OnwardContactDetails() {}

    /** Adds to {@code view} what consent lets the provider of {@code onward} read of {@code referral}. */
    static void add(
            Tx tx, ObjectNode view, JsonNode onward, JsonNode referral, OrganisationDirectory directory, Instant now) {
        String referralId = onward.path("referralId").asString(null);
        if (referralId == null || referral == null) {
            return;
        }
        PartyIdentity provider =
                PartyIdentity.of(tx, referralId, PartyIdentity.identifiersOf(onward.path("provider")), directory);
        Set<String> shared = ConsentLedger.coveringDecision(tx, referralId, provider, now)
                .flatMap(d -> tx.get("Consent", d.recordId()))
                .map(c -> categories(Json.MAPPER.readTree(c.body())))
                .orElse(Set.of());
        JsonNode person = referral.path("personDemographics");
        if (shared.contains("name-and-contact")) {
            copy(view, "personName", person.get("name"));
            copy(view, "contactDetails", person.get("contactDetails"));
        }
        if (shared.contains("communication-needs")) {
            copy(view, "individualRequirements", referral.get("individualRequirements"));
        }
        ObjectNode aboutMe = Json.MAPPER.createObjectNode();
        if (shared.contains("what-matters")) {
            copy(aboutMe, "whatIsMostImportantToMe", referral.at("/aboutMe/whatIsMostImportantToMe"));
        }
        if (shared.contains("communication-needs")) {
            copy(
                    aboutMe,
                    "howICommunicateAndHowToCommunicateWithMe",
                    referral.at("/aboutMe/howICommunicateAndHowToCommunicateWithMe"));
        }
        if (!aboutMe.isEmpty()) {
            view.set("aboutMe", aboutMe);
        }
        if (shared.contains("visit-risks")) {
            ArrayNode current = Json.MAPPER.createArrayNode();
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            for (JsonNode entry : referral.path("risks").path("entries")) {
                if (!ended(entry.path("endDateOfRisk").asString(null), today)) {
                    current.add(entry);
                }
            }
            if (!current.isEmpty()) {
                ObjectNode risks = Json.MAPPER.createObjectNode();
                risks.set("entries", current);
                view.set("risks", risks);
            }
        }
    }

    private static Set<String> categories(JsonNode consent) {
        Set<String> out = new HashSet<>();
        for (JsonNode c : consent.path("shareWithProvider")) {
            out.add(c.asString(""));
        }
        return out;
    }

    private static void copy(ObjectNode to, String name, JsonNode value) {
        if (value != null && !value.isMissingNode() && !value.isNull()) {
            to.set(name, value);
        }
    }

    /** A risk whose end date has passed is not relevant to a visit; an end date we cannot read keeps it. */
    private static boolean ended(String end, LocalDate today) {
        if (end == null) {
            return false;
        }
        try {
            return LocalDate.parse(end.length() > 10 ? end.substring(0, 10) : end)
                    .isBefore(today);
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
