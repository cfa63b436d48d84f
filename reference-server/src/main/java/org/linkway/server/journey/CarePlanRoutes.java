package org.linkway.server.journey;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.linkway.model.MessageType;
import org.linkway.model.ProblemType;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Intake;
import org.linkway.server.http.Json;
import org.linkway.server.http.Preconditions;
import org.linkway.server.http.RecordVersions;
import org.linkway.server.referral.OpenReferral;
import org.linkway.server.storage.NewEvent;
import org.linkway.server.storage.NewResource;
import org.linkway.server.storage.ResourceRef;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.StoredResource;
import org.linkway.server.storage.VersionConflictException;
import tools.jackson.databind.node.ObjectNode;

/**
 * The personalised care and support plan: one per referral, replaced as a whole each time it is
 * agreed again, with every version kept. {@code If-None-Match: *} creates the first version;
 * {@code If-Match} with the current ETag replaces it, so no one overwrites a change they did not see.
 */
public final class CarePlanRoutes {

    private static final String TYPE = MessageType.CARE_PLAN.resourceType();

    private final Store store;
    private final Intake intake;

    public CarePlanRoutes(Store store, Intake intake) {
        this.store = store;
        this.intake = intake;
    }

    public void register(RoutesConfig routes) {
        routes.put("/v1/referrals/{id}/care-plan", this::put);
        RecordVersions reads = new RecordVersions(store, TYPE, "care plan");
        routes.get("/v1/referrals/{id}/care-plan", reads::current);
        routes.get("/v1/referrals/{id}/care-plan/versions", reads::all);
        routes.get("/v1/referrals/{id}/care-plan/versions/{version}", reads::one);
    }

    private void put(Context ctx) {
        Json.requireJson(ctx);
        String referralId = ctx.pathParam("id");
        String ifMatch = ctx.header("If-Match");
        boolean create = "*".equals(ctx.header("If-None-Match"));
        if (ifMatch == null && !create) {
            throw new ApiProblem(
                    ProblemType.IF_MATCH_REQUIRED,
                    "send If-None-Match: * to create the plan, or If-Match with its ETag to replace it");
        }
        Long expected = ifMatch == null ? null : Preconditions.version(ifMatch, "care plan");
        long nextVersion = expected == null ? 1 : expected + 1;
        Map<String, String> assigned = new LinkedHashMap<>();
        assigned.put("id", referralId);
        assigned.put("referralId", referralId);
        assigned.put("version", String.valueOf(nextVersion));
        ObjectNode doc = intake.accept(ctx.bodyAsBytes(), MessageType.CARE_PLAN, assigned);
        doc.put("version", nextVersion); // the plan's own numbering is the stored version, as a number
        String body = Json.write(doc);
        Long expectedVersion = expected;
        StoredResource stored;
        try {
            stored = store.transaction(tx -> {
                OpenReferral.forNewRecord(tx, referralId, TYPE);
                boolean exists = tx.get(TYPE, referralId).isPresent();
                if (expectedVersion == null && exists) {
                    throw new ApiProblem(
                            ProblemType.STALE_VERSION,
                            "the referral already has a care plan; replace it with If-Match and its ETag");
                }
                if (expectedVersion != null && !exists) {
                    throw new ApiProblem(
                            ProblemType.STALE_VERSION,
                            "the referral has no care plan yet; create it with If-None-Match: *");
                }
                StoredResource r = expectedVersion == null
                        ? tx.create(NewResource.of(TYPE, referralId)
                                .inReferral(referralId)
                                .body(body))
                        : tx.update(new ResourceRef(TYPE, referralId, expectedVersion), null, body);
                tx.appendEvent(NewEvent.named("care-plan.agreed")
                        .about(r.ref())
                        .inReferral(referralId)
                        .payload("{\"version\":" + r.version() + "}"));
                return r;
            });
        } catch (VersionConflictException e) {
            throw Preconditions.stale("care plan", expectedVersion, e.currentVersion());
        }
        if (stored.version() == 1) {
            ctx.header("Location", "/v1/referrals/" + referralId + "/care-plan");
        }
        ctx.header("ETag", Preconditions.etag(stored.version()));
        Json.respond(ctx, stored.version() == 1 ? 201 : 200, stored.body());
    }
}
