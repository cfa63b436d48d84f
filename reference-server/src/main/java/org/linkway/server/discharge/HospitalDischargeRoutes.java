package org.linkway.server.discharge;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
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
 * A referral's hospital stay (a Linkway extension, not PRSB): one record per referral, replaced
 * as a whole and versioned like the care plan. The hospital team records the admission and the
 * planned discharge; the link worker service records what it did and, weeks after, the
 * readmission checks, so the record stays writable after the referral closes ({@link OpenReferral}).
 * A PUT with {@code If-Match} is safe to retry: a second attempt with the same ETag is refused as
 * stale, never applied twice.
 */
public final class HospitalDischargeRoutes {

    /** Every route this feature serves, for the access matrix. */
    public static final List<String> ROUTES = List.of(
            "/v1/referrals/{id}/hospital-discharge",
            "/v1/referrals/{id}/hospital-discharge/versions",
            "/v1/referrals/{id}/hospital-discharge/versions/{version}");

    static final String EVENT = "hospital-discharge.updated";
    private static final String TYPE = MessageType.HOSPITAL_DISCHARGE.resourceType();
    private static final String NOUN = "hospital stay";

    private final Store store;
    private final Intake intake;

    public HospitalDischargeRoutes(Store store, Intake intake) {
        this.store = store;
        this.intake = intake;
    }

    public void register(RoutesConfig routes) {
        routes.put(ROUTES.get(0), this::put);
        RecordVersions reads = new RecordVersions(store, TYPE, NOUN);
        routes.get(ROUTES.get(0), reads::current);
        routes.get(ROUTES.get(1), reads::all);
        routes.get(ROUTES.get(2), reads::one);
    }

    private void put(Context ctx) {
        Json.requireJson(ctx);
        String referralId = ctx.pathParam("id");
        String ifMatch = ctx.header("If-Match");
        boolean create = "*".equals(ctx.header("If-None-Match"));
        if (ifMatch == null && !create) {
            throw new ApiProblem(
                    ProblemType.IF_MATCH_REQUIRED,
                    "send If-None-Match: * to record the hospital stay, or If-Match with its ETag to replace it");
        }
        Long expected = ifMatch == null ? null : Preconditions.version(ifMatch, NOUN);
        long nextVersion = expected == null ? 1 : expected + 1;
        Map<String, String> assigned = new LinkedHashMap<>();
        assigned.put("id", referralId);
        assigned.put("referralId", referralId);
        assigned.put("version", String.valueOf(nextVersion));
        ObjectNode doc = intake.accept(ctx.bodyAsBytes(), MessageType.HOSPITAL_DISCHARGE, assigned);
        doc.put("version", nextVersion); // the stored version, as a number
        String body = Json.write(doc);
        StoredResource stored;
        try {
            stored = store.transaction(tx -> {
                OpenReferral.forNewRecord(tx, referralId, TYPE);
                boolean exists = tx.get(TYPE, referralId).isPresent();
                if (expected == null && exists) {
                    throw new ApiProblem(
                            ProblemType.STALE_VERSION,
                            "the referral already has a hospital stay; replace it with If-Match and its ETag");
                }
                if (expected != null && !exists) {
                    throw new ApiProblem(
                            ProblemType.STALE_VERSION,
                            "the referral has no hospital stay yet; record it with If-None-Match: *");
                }
                StoredResource r = expected == null
                        ? tx.create(NewResource.of(TYPE, referralId)
                                .inReferral(referralId)
                                .body(body))
                        : tx.update(new ResourceRef(TYPE, referralId, expected), null, body);
                tx.appendEvent(NewEvent.named(EVENT)
                        .about(r.ref())
                        .inReferral(referralId)
                        .payload("{\"version\":" + r.version() + "}"));
                return r;
            });
        } catch (VersionConflictException e) {
            throw Preconditions.stale(NOUN, expected, e.currentVersion());
        }
        if (stored.version() == 1) {
            ctx.header("Location", "/v1/referrals/" + referralId + "/hospital-discharge");
        }
        ctx.header("ETag", Preconditions.etag(stored.version()));
        Json.respond(ctx, stored.version() == 1 ? 201 : 200, stored.body());
    }
}
