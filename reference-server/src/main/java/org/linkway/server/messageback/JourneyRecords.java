package org.linkway.server.messageback;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.linkway.server.http.Json;
import org.linkway.server.storage.ListQuery;
import org.linkway.server.storage.Page;
import org.linkway.server.storage.StoredResource;
import org.linkway.server.storage.Tx;
import tools.jackson.databind.JsonNode;

/**
 * Everything the server holds for one referral's journey, read in the transaction that issues
 * (or updates) its message back, so the message says exactly what was committed with it.
 * Each list is in the order the records happened.
 *
 * @param contacts         ContactRecord documents
 * @param assessments      Assessment documents
 * @param signposts        Signpost documents
 * @param carePlanVersions every CarePlan version, oldest first
 * @param onwardReferrals  OnwardReferral documents (latest versions)
 */
public record JourneyRecords(
        List<JsonNode> contacts,
        List<JsonNode> assessments,
        List<JsonNode> signposts,
        List<JsonNode> carePlanVersions,
        List<JsonNode> onwardReferrals) {

    /** None: a referral closed before anything was recorded. */
    public static final JourneyRecords NONE = new JourneyRecords(List.of(), List.of(), List.of(), List.of(), List.of());

    public static JourneyRecords read(Tx tx, String referralId) {
        return new JourneyRecords(
                sorted(all(tx, "ContactRecord", referralId), Moments.byDateAt("/contact/dateAndTimeOfContact")),
                sorted(all(tx, "Assessment", referralId), Moments.byDateAt("/administeredAt")),
                sorted(all(tx, "Signpost", referralId), Moments.byDateAt("/signpost/date")),
                tx.history("CarePlan", referralId).stream()
                        .map(r -> Json.MAPPER.readTree(r.body()))
                        .toList(),
                sorted(
                        all(tx, "OnwardReferral", referralId).stream()
                                .map(o -> o.withBody(tx.feedback().withFeedback(o)))
                                .toList(),
                        Moments.byDateAt("/referral/date")));
    }

    /** The latest version of the care and support plan agreed with the person or their representative. */
    public Optional<JsonNode> latestAgreedCarePlan() {
        JsonNode agreed = null;
        for (JsonNode version : carePlanVersions) {
            if (version.at(
                            "/careAndSupportPlan/agreedWithPersonOrLegitimateRepresentative/personOrLegitimateRepresentative")
                    .asBoolean(false)) {
                agreed = version;
            }
        }
        return Optional.ofNullable(agreed);
    }

    /** Every latest version of one type under the referral, in the order they were stored. */
    private static List<StoredResource> all(Tx tx, String type, String referralId) {
        List<StoredResource> out = new ArrayList<>();
        String cursor = null;
        do {
            Page<StoredResource> page =
                    tx.list(ListQuery.of(type).inReferral(referralId).after(cursor));
            out.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        out.sort(Comparator.comparing(StoredResource::createdAt).thenComparing(StoredResource::id));
        return out;
    }

    private static List<JsonNode> sorted(List<StoredResource> stored, Comparator<JsonNode> order) {
        List<JsonNode> docs = new ArrayList<>(
                stored.stream().map(r -> Json.MAPPER.readTree(r.body())).toList());
        docs.sort(order);
        return List.copyOf(docs);
    }
}
