package org.linkway.server.security;

import java.time.Clock;
import java.util.Set;
import org.linkway.server.consent.OrganisationDirectory;
import org.linkway.server.http.Json;
import org.linkway.server.storage.Store;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What the provider of an onward referral is shown of it, for {@link AccessDecider}. */
final class OnwardProviderView {

    /** What an onward referral carries to its provider: nothing of the clinical record. */
    private static final Set<String> ONWARD_FIELDS = Set.of(
            "resourceType",
            "schemaVersion",
            "prsbVersion",
            "id",
            "referralId",
            "status",
            "provider",
            "consentId",
            "referral",
            "safeguarding",
            "feedback");

    private final Store store;
    private final Clock clock;
    private final OrganisationDirectory directory;

    OnwardProviderView(Store store, Clock clock, OrganisationDirectory directory) {
        this.store = store;
        this.clock = clock;
        this.directory = directory;
    }

    /**
     * The onward referral as its provider sees it: only the fields an onward referral carries, and
     * the person's safeguarding details whenever a concern is flagged on the referral, so the role
     * filter never hides a risk from the people who will meet the person; and the person's details
     * the consent covering the provider lets it read ({@link OnwardContactDetails}).
     */
    String of(String body) {
        JsonNode doc = Json.MAPPER.readTree(body);
        if (!(doc instanceof ObjectNode onward)
                || !"OnwardReferral".equals(onward.path("resourceType").asString(null))) {
            return body;
        }
        ObjectNode view = Json.MAPPER.createObjectNode();
        onward.properties().forEach(e -> {
            if (ONWARD_FIELDS.contains(e.getKey())) {
                view.set(e.getKey(), e.getValue());
            }
        });
        String referralId = onward.path("referralId").asString(null);
        store.read(tx -> {
            JsonNode referral = referralId == null
                    ? null
                    : tx.get("Referral", referralId)
                            .map(r -> Json.MAPPER.readTree(r.body()))
                            .orElse(null);
            if (!view.has("safeguarding") && referral != null && Documents.safeguardingFlagged(referral)) {
                view.set("safeguarding", referral.get("safeguarding"));
            }
            OnwardContactDetails.add(tx, view, onward, referral, directory, clock.instant());
            return null;
        });
        return Json.write(view);
    }
}
