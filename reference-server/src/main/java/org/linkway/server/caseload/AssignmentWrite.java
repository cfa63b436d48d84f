package org.linkway.server.caseload;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.linkway.model.ProblemType;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Json;
import org.linkway.server.http.KnownMembers;
import org.linkway.server.http.Preconditions;
import org.linkway.server.person.Keyset;
import org.linkway.server.referral.OpenReferral;
import org.linkway.server.security.Caller;
import org.linkway.server.security.Callers;
import org.linkway.server.storage.NewEvent;
import org.linkway.server.storage.NewResource;
import org.linkway.server.storage.ResourceRef;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.StoredResource;
import org.linkway.server.storage.Tx;
import org.linkway.server.storage.VersionConflictException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code PUT /v1/referrals/{id}/assignment}: assigns an open referral to a link worker of the
 * service it is addressed to, or reassigns it. Versioned as the care plan is: {@code If-None-Match: *}
 * makes the first assignment, {@code If-Match} with the current ETag changes it, so two people
 * cannot reassign over each other; a reassignment to someone else needs a reason. The stored
 * resource, the caseload row and the event ({@code referral.assigned} or {@code referral.reassigned})
 * are written in one transaction; the security layer writes the audit entry.
 *
 * <p>The assignee is a token subject ({@code sub}) of the referral's link worker service: the
 * server cannot check that such a person exists. The assignment is kept under the referral's
 * addressee, so only a token of that organisation with that subject sees it in its caseload.
 */
final class AssignmentWrite {

    static final String TYPE = "Assignment";
    private static final Set<String> MEMBERS = Set.of("linkWorker", "reason");
    private static final int MAX_SUBJECT = 200;

    private final Store store;
    private final Clock clock;

    AssignmentWrite(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    void put(Context ctx) {
        Caller caller = Callers.of(ctx);
        String referralId = ctx.pathParam("id");
        String ifMatch = ctx.header("If-Match");
        boolean create = "*".equals(ctx.header("If-None-Match"));
        if (ifMatch == null && !create) {
            throw new ApiProblem(
                    ProblemType.IF_MATCH_REQUIRED,
                    "send If-None-Match: * to assign the referral the first time, or If-Match with the assignment's ETag to reassign it");
        }
        Long expected = ifMatch == null ? null : Preconditions.version(ifMatch, "assignment");
        JsonNode body = Json.objectBody(ctx);
        KnownMembers.require(body, MEMBERS, ProblemType.INVALID_ASSIGNMENT);
        JsonNode worker = body.path("linkWorker");
        if (!worker.isString()
                || worker.asString().isBlank()
                || worker.asString().length() > MAX_SUBJECT) {
            throw new ApiProblem(
                    ProblemType.INVALID_ASSIGNMENT,
                    "'linkWorker' must be the link worker's token subject (sub): text of 1 to " + MAX_SUBJECT
                            + " characters");
        }
        String linkWorker = worker.asString();
        String reason = reason(body);
        StoredResource stored;
        try {
            stored = store.transaction(tx -> write(tx, caller, referralId, expected, linkWorker, reason));
        } catch (VersionConflictException e) {
            throw Preconditions.stale("assignment", expected, e.currentVersion());
        }
        if (stored.version() == 1 && expected == null) {
            ctx.header("Location", "/v1/referrals/" + referralId + "/assignment");
        }
        ctx.header("ETag", Preconditions.etag(stored.version()));
        Json.respond(ctx, expected == null ? 201 : 200, stored.body());
    }

    private StoredResource write(
            Tx tx, Caller caller, String referralId, Long expected, String linkWorker, String reason) {
        StoredResource referral = OpenReferral.forNewRecord(tx, referralId, TYPE);
        String organisation = Json.MAPPER
                .readTree(referral.body())
                .at("/referralDetails/entries/0/referralTo/organisation/code")
                .asString(null);
        Optional<StoredResource> current = tx.get(TYPE, referralId);
        if (expected == null && current.isPresent()) {
            throw new ApiProblem(
                    ProblemType.STALE_VERSION,
                    "the referral is already assigned; reassign it with If-Match and the assignment's ETag");
        }
        if (expected != null && current.isEmpty()) {
            throw new ApiProblem(
                    ProblemType.STALE_VERSION, "the referral is not assigned yet; assign it with If-None-Match: *");
        }
        if (current.isPresent() && current.get().version() != expected) {
            throw Preconditions.stale("assignment", expected, current.get().version());
        }
        String previous = current.map(
                        r -> Json.MAPPER.readTree(r.body()).path("linkWorker").asString(null))
                .orElse(null);
        if (linkWorker.equals(previous)) {
            return current.get(); // already theirs: nothing changes, no event
        }
        if (previous != null && reason == null) {
            throw new ApiProblem(
                    ProblemType.REASON_REQUIRED,
                    "reassigning a referral from '" + previous + "' needs a reason: the person's link worker changes");
        }
        Instant now = clock.instant();
        long version = current.map(r -> r.version() + 1).orElse(1L);
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("resourceType", TYPE);
        doc.put("referralId", referralId);
        doc.put("version", version);
        doc.put("organisation", organisation);
        doc.put("linkWorker", linkWorker);
        if (previous != null) {
            doc.put("previousLinkWorker", previous);
        }
        if (reason != null) {
            doc.put("reason", reason);
        }
        doc.put("assignedBy", caller.subject());
        doc.put("assignedAt", now.toString());
        String json = Json.write(doc);
        StoredResource r = current.isEmpty()
                ? tx.create(
                        NewResource.of(TYPE, referralId).inReferral(referralId).body(json))
                : tx.update(new ResourceRef(TYPE, referralId, expected), null, json);
        Assignments.put(tx, referralId, organisation, linkWorker, Keyset.micros(now));
        ObjectNode data = Json.MAPPER.createObjectNode();
        data.put("linkWorker", linkWorker);
        if (previous != null) {
            data.put("previousLinkWorker", previous);
        }
        if (reason != null) {
            data.put("reason", reason);
        }
        data.put("at", now.toString());
        tx.appendEvent(NewEvent.named(previous == null ? "referral.assigned" : "referral.reassigned")
                .about(r.ref())
                .inReferral(referralId)
                .payload(Json.write(data)));
        return r;
    }

    /** The optional reason: text of 1 to 500 characters. */
    private static String reason(JsonNode body) {
        JsonNode reason = body.path("reason");
        if (reason.isMissingNode() || reason.isNull()) {
            return null;
        }
        if (!reason.isString()
                || reason.asString().isBlank()
                || reason.asString().length() > 500) {
            throw new ApiProblem(ProblemType.INVALID_ASSIGNMENT, "'reason' must be text of 1 to 500 characters");
        }
        return reason.asString().strip();
    }
}
