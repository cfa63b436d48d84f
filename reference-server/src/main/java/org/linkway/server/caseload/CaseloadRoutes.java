package org.linkway.server.caseload;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Map;
import org.linkway.model.ProblemType;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Json;
import org.linkway.server.http.Paging;
import org.linkway.server.http.Preconditions;
import org.linkway.server.person.Keyset;
import org.linkway.server.person.PersonIndex;
import org.linkway.server.person.PersonKey;
import org.linkway.server.security.Caller;
import org.linkway.server.security.Callers;
import org.linkway.server.security.Role;
import org.linkway.server.storage.Page;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.StoredResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A link worker's working day, first part: who holds a referral ({@code /v1/referrals/{id}/assignment}),
 * the caller's own caseload ({@code /v1/caseload}), the counts per link worker for the service's
 * lead ({@code /v1/caseload/summary}), and a person's episodes ({@code /v1/referrals/{id}/episodes}).
 * Access to the referral the path names is decided by the security layer, as for every route under
 * a referral: the link worker service it is addressed to (and admins); others get 404, a referrer 403.
 */
public final class CaseloadRoutes {

    private final Store store;
    private final AssignmentWrite writes;

    public CaseloadRoutes(Store store, Clock clock) {
        this.store = store;
        this.writes = new AssignmentWrite(store, clock);
    }

    public void register(RoutesConfig routes) {
        routes.put("/v1/referrals/{id}/assignment", writes::put);
        routes.get("/v1/referrals/{id}/assignment", this::assignment);
        routes.get("/v1/referrals/{id}/episodes", this::episodes);
        routes.get("/v1/caseload", this::caseload);
        routes.get("/v1/caseload/summary", this::summary);
    }

    private void assignment(Context ctx) {
        String id = ctx.pathParam("id");
        StoredResource r = store.read(tx -> tx.get(AssignmentWrite.TYPE, id))
                .orElseThrow(() -> new ApiProblem(
                        ProblemType.NOT_FOUND, "referral '" + id + "' is not assigned to a link worker yet"));
        ctx.header("ETag", Preconditions.etag(r.version()));
        Json.respond(ctx, 200, r.body());
    }

    /** The person's other referrals in the receiving organisation, open and closed, oldest first. */
    private void episodes(Context ctx) {
        String id = ctx.pathParam("id");
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("referralId", id);
        ArrayNode items = out.putArray("items");
        store.read(tx -> {
                    StoredResource referral =
                            tx.get("Referral", id).orElseThrow(() -> ApiProblem.notFound("referral", id));
                    JsonNode doc = Json.MAPPER.readTree(referral.body());
                    String organisation = doc.at("/referralDetails/entries/0/referralTo/organisation/code")
                            .asString(null);
                    return PersonIndex.samePerson(tx, organisation, PersonKey.of(doc), id);
                })
                .forEach(m -> {
                    ObjectNode item = items.addObject();
                    item.put("id", m.id());
                    item.put("status", m.status());
                    item.put("open", m.open());
                    item.put("receivedAt", Keyset.instant(m.receivedAt()).toString());
                });
        out.putNull("nextCursor");
        Json.respond(ctx, 200, out);
    }

    /** The caller's own open referrals, in order of assignment. */
    private void caseload(Context ctx) {
        Caller caller = Callers.of(ctx);
        Keyset after = Keyset.decode(Paging.cursor(ctx));
        int limit = Paging.limit(ctx);
        Page<Assignments.Item> page =
                store.read(tx -> Assignments.caseload(tx, caller.organisation(), caller.subject(), after, limit));
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode items = out.putArray("items");
        page.items().forEach(i -> items.add(Json.MAPPER.readTree(i.body())));
        out.put("nextCursor", page.nextCursor());
        Json.respond(ctx, 200, out);
    }

    /** Open referrals per link worker of the service: for its lead (a token with {@code lead: true}) or an admin. */
    private void summary(Context ctx) {
        Caller caller = Callers.of(ctx);
        String organisation;
        if (caller.is(Role.ADMIN)) {
            organisation = ctx.queryParam("organisation");
            if (organisation == null || organisation.isBlank()) {
                throw ApiProblem.badParameter(
                        "organisation", "an admin names the link worker service whose caseloads it counts");
            }
        } else if (caller.lead()) {
            organisation = caller.organisation();
        } else {
            throw new ApiProblem(
                    ProblemType.FORBIDDEN,
                    "the caseload summary is for the link worker service's lead: a token with the claim lead: true");
        }
        Map<String, Long> counts = store.read(tx -> Assignments.counts(tx, organisation));
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("organisation", organisation);
        ArrayNode workers = out.putArray("linkWorkers");
        long total = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            workers.addObject().put("linkWorker", e.getKey()).put("openReferrals", e.getValue());
            total += e.getValue();
        }
        out.put("openReferralsAssigned", total);
        Json.respond(ctx, 200, out);
    }
}
