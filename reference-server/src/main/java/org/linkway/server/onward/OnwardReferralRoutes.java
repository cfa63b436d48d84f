package org.linkway.server.onward;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.linkway.model.MessageType;
import org.linkway.model.ProblemType;
import org.linkway.server.consent.ConsentLedger;
import org.linkway.server.directory.DirectoryLink;
import org.linkway.server.http.Answer;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Idempotency;
import org.linkway.server.http.Intake;
import org.linkway.server.http.Json;
import org.linkway.server.http.KnownMembers;
import org.linkway.server.http.Paging;
import org.linkway.server.http.Preconditions;
import org.linkway.server.messageback.MessageBackIssuer;
import org.linkway.server.referral.OpenReferral;
import org.linkway.server.storage.ListQuery;
import org.linkway.server.storage.NewEvent;
import org.linkway.server.storage.NewResource;
import org.linkway.server.storage.Page;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.StoredResource;
import org.linkway.server.storage.Tx;
import org.linkway.server.storage.VersionConflictException;
import org.linkway.validation.MessageValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Onward referrals to VCSE services and the provider's feedback: the second feedback loop,
 * from the provider back to the link worker.
 */
public final class OnwardReferralRoutes {

    private static final String TYPE = MessageType.ONWARD_REFERRAL.resourceType();
    private static final Set<String> TRANSITION_MEMBERS = Set.of("to", "reason");

    private final Store store;
    private final Intake intake;
    private final OnwardFeedback feedback;
    private final Idempotency idempotency;
    private final MessageBackIssuer messageBacks;
    private DirectoryLink directory;

    public OnwardReferralRoutes(
            Store store, Intake intake, MessageValidator validator, MessageBackIssuer messageBacks) {
        this.store = store;
        this.messageBacks = messageBacks;
        this.intake = intake;
        this.feedback = new OnwardFeedback(validator);
        this.idempotency = new Idempotency(store);
    }

    /** Lets an onward referral name a directory service (issue 23): the entry is copied in as it is when sent. */
    public void directory(DirectoryLink link) {
        this.directory = link;
    }

    public void register(RoutesConfig routes) {
        routes.post("/v1/referrals/{id}/onward-referrals", this::create);
        routes.get("/v1/referrals/{id}/onward-referrals", this::list);
        routes.get("/v1/onward-referrals/{id}", this::get);
        routes.post("/v1/onward-referrals/{id}/transitions", this::transition);
        routes.post("/v1/onward-referrals/{id}/feedback", this::feedback);
    }

    private void create(Context ctx) {
        Json.requireJson(ctx);
        String referralId = ctx.pathParam("id");
        idempotency.create(ctx, () -> {
            String id = UUID.randomUUID().toString();
            Map<String, String> assigned = new LinkedHashMap<>();
            assigned.put("id", id);
            assigned.put("referralId", referralId);
            assigned.put("status", OnwardLifecycle.SENT.code());
            byte[] posted = directory == null ? ctx.bodyAsBytes() : directory.resolve(ctx.bodyAsBytes(), referralId);
            ObjectNode doc = intake.accept(posted, MessageType.ONWARD_REFERRAL, assigned);
            if (!doc.has("provider")) {
                throw new ApiProblem(
                        ProblemType.INVALID_ONWARD_REFERRAL,
                        "'provider' is required unless 'directoryService' names a listed service whose organisation"
                                + " the directory gives");
            }
            String body = Json.write(doc);
            return tx -> {
                OpenReferral.forNewRecord(tx, referralId, TYPE);
                StoredResource created = tx.create(NewResource.of(TYPE, id)
                        .inReferral(referralId)
                        .status(OnwardLifecycle.SENT.code())
                        .body(body));
                // the identifiers it names its provider by join into one party for consent (PartyIdentity)
                ConsentLedger.recordOnwardProvider(tx, referralId, id, doc);
                tx.appendEvent(NewEvent.named("onward-referral.sent")
                        .about(created.ref())
                        .inReferral(referralId)
                        .payload("{\"status\":\"sent\"}"));
                return answer(201, created);
            };
        });
    }

    private void list(Context ctx) {
        String referralId = ctx.pathParam("id");
        int limit = Paging.limit(ctx);
        var page = Paging.read(() -> store.transaction(tx -> {
            if (tx.get("Referral", referralId).isEmpty()) {
                throw ApiProblem.notFound("referral", referralId);
            }
            Page<StoredResource> found = tx.list(ListQuery.of(TYPE)
                    .inReferral(referralId)
                    .after(Paging.cursor(ctx))
                    .limit(limit));
            return new Page<>(
                    found.items().stream()
                            .map(o -> o.withBody(tx.feedback().withFeedback(o)))
                            .toList(),
                    found.nextCursor());
        }));
        Json.respond(ctx, 200, Json.page(page));
    }

    private void get(Context ctx) {
        String id = ctx.pathParam("id");
        StoredResource r = store.read(
                        tx -> tx.get(TYPE, id).map(o -> o.withBody(tx.feedback().withFeedback(o))))
                .orElseThrow(() -> ApiProblem.notFound("onward referral", id));
        // feedback does not change the version: the ETag guards the lifecycle, which feedback leaves alone
        ctx.header("ETag", Preconditions.etag(r.version()));
        Json.respond(ctx, 200, r.body());
    }

    private void transition(Context ctx) {
        long expected = Preconditions.ifMatch(ctx, "onward referral");
        JsonNode request = Json.objectBody(ctx);
        KnownMembers.require(request, TRANSITION_MEMBERS, ProblemType.INVALID_TRANSITION_REQUEST);
        OnwardLifecycle to = OnwardLifecycle.fromCode(request.path("to").asString(""))
                .orElseThrow(() -> new ApiProblem(
                        ProblemType.INVALID_TRANSITION_REQUEST,
                        "'to' must be one of: accepted, declined, attended, " + "did-not-attend, completed"));
        String reason = Preconditions.reason(request);
        if (to.needsReason() && (reason == null || reason.isBlank())) {
            throw new ApiProblem(ProblemType.REASON_REQUIRED, "'" + to.code() + "' needs a reason for the link worker");
        }
        String id = ctx.pathParam("id");
        answer(200, change(id, expected, current -> {
                    OnwardLifecycle from = OnwardLifecycle.fromCode(
                                    current.path("status").asString())
                            .orElseThrow();
                    if (!from.canMoveTo(to)) {
                        throw ApiProblem.illegalTransition(
                                "an onward referral",
                                from.code(),
                                to.code(),
                                from.next().stream()
                                        .map(OnwardLifecycle::code)
                                        .sorted()
                                        .toList());
                    }
                    current.put("status", to.code());
                    return "onward-referral.status-changed";
                }))
                .send(ctx);
    }

    /**
     * Appends one entry as a record of its own; the onward referral keeps its version. With
     * {@code Idempotency-Key}, a retried report is not appended twice, and the replay shows the
     * onward referral with its feedback as it is now.
     */
    private void feedback(Context ctx) {
        JsonNode entry = Json.objectBody(ctx);
        String id = ctx.pathParam("id");
        Answer answer =
                idempotency.create(Idempotency.key(ctx), ctx.method() + " " + ctx.path(), ctx.bodyAsBytes(), () -> {
                    // checked off the writer, against the onward referral as last committed
                    StoredResource onward = store.read(tx -> tx.get(TYPE, id))
                            .orElseThrow(() -> ApiProblem.notFound("onward referral", id));
                    String stored = feedback.accept(entry, onward);
                    return tx -> {
                        StoredResource current =
                                tx.get(TYPE, id).orElseThrow(() -> ApiProblem.notFound("onward referral", id));
                        feedback.append(tx, current, stored);
                        tx.appendEvent(NewEvent.named("onward-referral.feedback")
                                .about(current.ref())
                                .inReferral(current.referralId())
                                .payload("{\"status\":\"" + current.status() + "\"}"));
                        messageBacks.afterOnwardReferralChange(tx, current.referralId(), id);
                        // the idempotency record points at the version (it holds no copy); a replay adds the feedback
                        // again
                        return new Answer(
                                201,
                                tx.feedback().withFeedback(current),
                                "/v1/onward-referrals/" + id,
                                Preconditions.etag(current.version()),
                                false,
                                current.ref());
                    };
                });
        if (answer.replayed()) {
            Answer first = answer;
            String now = store.read(
                            tx -> tx.get(TYPE, id).map(o -> tx.feedback().withFeedback(o)))
                    .orElse(first.body());
            answer = new Answer(first.status(), now, first.location(), first.etag(), true);
        }
        answer.send(ctx);
    }

    private interface Change {
        /** Edits the document in place and names the event it makes. */
        String apply(ObjectNode current);
    }

    /** A change based on the version {@code If-Match} named, in its own transaction; the answer shows its feedback. */
    private StoredResource change(String id, long expected, Change change) {
        try {
            return store.transaction(tx -> {
                StoredResource next = change(tx, id, expected, change);
                return next.withBody(tx.feedback().withFeedback(next));
            });
        } catch (VersionConflictException e) {
            throw Preconditions.stale("onward referral", expected, e.currentVersion());
        }
    }

    /**
     * Read, change, store a new version with its event, if {@code expected} is still the version. A provider may report after the referral has closed: then the message
     * back is updated in the same transaction, so the GP and the referrer hear how it ended.
     */
    private StoredResource change(Tx tx, String id, long expected, Change change) {
        StoredResource current = tx.get(TYPE, id).orElseThrow(() -> ApiProblem.notFound("onward referral", id));
        if (current.version() != expected) {
            throw Preconditions.stale("onward referral", expected, current.version());
        }
        ObjectNode doc = (ObjectNode) Json.MAPPER.readTree(current.body());
        String event = change.apply(doc);
        StoredResource next = tx.update(current.ref(), doc.path("status").asString(null), Json.write(doc));
        tx.appendEvent(NewEvent.named(event)
                .about(next.ref())
                .inReferral(current.referralId())
                .payload("{\"status\":\"" + next.status() + "\"}"));
        messageBacks.afterOnwardReferralChange(tx, current.referralId(), id);
        return next;
    }

    private static Answer answer(int status, StoredResource r) {
        return new Answer(
                status, r.body(), "/v1/onward-referrals/" + r.id(), Preconditions.etag(r.version()), false, r.ref());
    }
}
