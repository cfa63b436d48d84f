package org.linkway.server.journey;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.linkway.model.MessageType;
import org.linkway.server.consent.ConsentLedger;
import org.linkway.server.http.Answer;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Idempotency;
import org.linkway.server.http.Intake;
import org.linkway.server.http.Json;
import org.linkway.server.http.Paging;
import org.linkway.server.http.Preconditions;
import org.linkway.server.referral.OpenReferral;
import org.linkway.server.storage.ListQuery;
import org.linkway.server.storage.NewEvent;
import org.linkway.server.storage.NewResource;
import org.linkway.server.storage.Page;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.StoredEvent;
import org.linkway.server.storage.StoredResource;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the link worker records during the journey, each under its referral: contacts (and
 * attempts), consent decisions, outcome assessments, signposts. Records are appended, never
 * edited in place; each one writes its event in the same transaction.
 */
public final class JourneyRecordRoutes {

    /** Path segment to the message type it holds, and the event it announces. */
    private static final Map<String, MessageType> KINDS = Map.of(
            "contacts", MessageType.CONTACT_RECORD,
            "consents", MessageType.CONSENT,
            "assessments", MessageType.ASSESSMENT,
            "signposts", MessageType.SIGNPOST);

    private static final Map<MessageType, String> EVENTS = Map.of(
            MessageType.CONTACT_RECORD, "contact.recorded",
            MessageType.CONSENT, "consent.recorded",
            MessageType.ASSESSMENT, "assessment.recorded",
            MessageType.SIGNPOST, "signpost.recorded");

    private final Store store;
    private final Intake intake;
    private final Idempotency idempotency;

    public JourneyRecordRoutes(Store store, Intake intake) {
        this.store = store;
        this.intake = intake;
        this.idempotency = new Idempotency(store);
    }

    public void register(RoutesConfig routes) {
        for (String kind : KINDS.keySet()) {
            routes.post("/v1/referrals/{id}/" + kind, ctx -> create(ctx, kind));
            routes.get("/v1/referrals/{id}/" + kind, ctx -> list(ctx, kind));
            routes.get("/v1/referrals/{id}/" + kind + "/{recordId}", ctx -> get(ctx, kind));
        }
    }

    private void create(Context ctx, String kind) {
        Json.requireJson(ctx);
        MessageType type = KINDS.get(kind);
        String referralId = ctx.pathParam("id");
        idempotency.create(ctx, () -> {
            String id = UUID.randomUUID().toString();
            Map<String, String> assigned = new LinkedHashMap<>();
            assigned.put("id", id);
            assigned.put("referralId", referralId);
            ObjectNode doc = intake.accept(ctx.bodyAsBytes(), type, assigned);
            if (type == MessageType.ASSESSMENT) {
                AssessmentScoring.score(doc); // refuses answers that do not score; stores the server's scores
            }
            String body = Json.write(doc);
            return tx -> {
                StoredResource referral = OpenReferral.forNewRecord(tx, referralId, type.resourceType());
                StoredResource r = tx.create(NewResource.of(type.resourceType(), id)
                        .inReferral(referral.id())
                        .status(status(doc))
                        .body(body));
                StoredEvent recorded = tx.appendEvent(NewEvent.named(EVENTS.get(type))
                        .about(r.ref())
                        .inReferral(referralId)
                        .payload("{}"));
                if (type == MessageType.CONSENT) {
                    // in the ledger with the record, so a withdrawal counts from the moment it commits
                    ConsentLedger.record(tx, referral.id(), recorded.sequence(), id, doc);
                }
                return new Answer(
                        201,
                        r.body(),
                        "/v1/referrals/" + referralId + "/" + kind + "/" + id,
                        Preconditions.etag(r.version()),
                        false,
                        r.ref());
            };
        });
    }

    /** Consent decisions are the one record whose state is queried (disclosure depends on it). */
    private static String status(ObjectNode doc) {
        return doc.path("decision").asString(null);
    }

    private void list(Context ctx, String kind) {
        String referralId = ctx.pathParam("id");
        int limit = Paging.limit(ctx);
        Page<StoredResource> page = Paging.read(() -> store.transaction(tx -> {
            if (tx.get("Referral", referralId).isEmpty()) {
                throw ApiProblem.notFound("referral", referralId);
            }
            return tx.list(ListQuery.of(KINDS.get(kind).resourceType())
                    .inReferral(referralId)
                    .after(Paging.cursor(ctx))
                    .limit(limit));
        }));
        Json.respond(ctx, 200, Json.page(page));
    }

    private void get(Context ctx, String kind) {
        String referralId = ctx.pathParam("id");
        String recordId = ctx.pathParam("recordId");
        StoredResource r = store.transaction(tx -> tx.get(KINDS.get(kind).resourceType(), recordId))
                .filter(found -> referralId.equals(found.referralId()))
                .orElseThrow(() -> ApiProblem.notFound(kind.substring(0, kind.length() - 1), recordId));
        ctx.header("ETag", Preconditions.etag(r.version()));
        Json.respond(ctx, 200, r.body());
    }
}
