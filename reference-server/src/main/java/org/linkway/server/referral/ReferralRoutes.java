package org.linkway.server.referral;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.linkway.model.ProblemType;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Idempotency;
import org.linkway.server.http.Json;
import org.linkway.server.http.KnownMembers;
import org.linkway.server.http.Paging;
import org.linkway.server.http.Preconditions;
import org.linkway.server.http.QueryInstants;
import org.linkway.server.person.Keyset;
import org.linkway.server.person.PersonIndex;
import org.linkway.server.person.PersonKey;
import org.linkway.server.security.Caller;
import org.linkway.server.security.Callers;
import org.linkway.server.security.ListScope;
import org.linkway.server.storage.ListQuery;
import org.linkway.server.storage.Page;
import org.linkway.server.storage.StoredResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /v1/referrals}: receive a referral, read it, list them, move one through its journey. */
public final class ReferralRoutes {

    private final ReferralService referrals;
    private Function<ListQuery, Page<StoredResource>> overdueOnly;

    /** The message back is read through messageback.MessageBackRoutes, where its recipients' views are applied. */
    public ReferralRoutes(ReferralService referrals) {
        this.referrals = referrals;
    }

    /** How {@code ?overdue=true} keeps only the referrals with a time rule overdue (timerules.OverdueSweeper). */
    public void overdue(Function<ListQuery, Page<StoredResource>> overdueOnly) {
        this.overdueOnly = overdueOnly;
    }

    public void register(RoutesConfig routes) {
        routes.post("/v1/referrals", this::create);
        routes.get("/v1/referrals", this::list);
        routes.get("/v1/referrals/{id}", this::get);
        routes.post("/v1/referrals/{id}/transitions", this::transition);
    }

    /** The header of a 201 that names the open referrals of the same person the caller may see. */
    public static final String POSSIBLE_DUPLICATES = "Linkway-Possible-Duplicates";

    void create(Context ctx) {
        Json.requireJson(ctx);
        ReferralService.Received received = referrals.receive(ctx.bodyAsBytes(), Idempotency.key(ctx));
        reportDuplicates(ctx, received);
        received.answer().send(ctx);
    }

    /**
     * Names the possible duplicates of a referral just received in {@value #POSSIBLE_DUPLICATES}
     * (comma-separated ids, oldest first), only those the caller may see; no header when there are none.
     */
    public static void reportDuplicates(Context ctx, ReferralService.Received received) {
        Caller caller = Callers.of(ctx);
        List<String> ids = received.possibleDuplicates().stream()
                .filter(m -> Callers.maySeeSentBy(caller, m.referrerOrg()))
                .map(PersonIndex.Match::id)
                .toList();
        if (!ids.isEmpty()) {
            ctx.header(POSSIBLE_DUPLICATES, String.join(", ", ids));
        }
    }

    void get(Context ctx) {
        StoredResource r = referrals.get(ctx.pathParam("id"));
        String etag = Preconditions.etag(r.version());
        ctx.header("ETag", etag);
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        Json.respond(ctx, 200, r.body());
    }

    void list(Context ctx) {
        String status = ctx.queryParam("status");
        if (status != null && Lifecycle.fromCode(status).isEmpty()) {
            throw ApiProblem.badParameter(
                    "status", "must be one of the referral states, e.g. received, accepted, in-progress");
        }
        if (ctx.queryParam("nhsNumber") != null) {
            byNhsNumber(ctx, status);
            return;
        }
        Instant since = QueryInstants.of(ctx, "updatedSince");
        Instant from = since;
        String referrerOrg = ctx.queryParam("referrerOrg");
        ListScope scope = ListScope.of(ctx);
        if (scope != null && scope.referrerOrg() != null) {
            if (referrerOrg != null && !referrerOrg.equals(scope.referrerOrg())) {
                Json.respond(
                        ctx,
                        200,
                        Json.page(new Page<>(List.of(), null))); // another organisation's: none the caller may see
                return;
            }
            referrerOrg = scope.referrerOrg();
        }
        String referrer = referrerOrg;
        String addressee = scope == null ? null : scope.addresseeOrg();
        boolean overdue = overdue(ctx);
        ListQuery query = ListQuery.of(ReferralService.TYPE)
                .status(status)
                .referrerOrg(referrer)
                .updatedSince(from)
                .after(Paging.cursor(ctx))
                .limit(Paging.limit(ctx))
                .addresseeOrg(addressee);
        Page<StoredResource> page = Paging.read(() -> overdue ? overdueOnly.apply(query) : referrals.list(query));
        Json.respond(ctx, 200, Json.page(page));
    }

    /**
     * {@code ?nhsNumber=}: the person's referrals within the caller's organisation (those it sent, or
     * those addressed to it), oldest first, found through the person match keys rather than a scan.
     */
    private void byNhsNumber(Context ctx, String status) {
        if (ctx.queryParam("referrerOrg") != null
                || ctx.queryParam("updatedSince") != null
                || ctx.queryParam("overdue") != null) {
            throw ApiProblem.badParameter("nhsNumber", "combines with status, limit and cursor only");
        }
        String hash = PersonKey.nhsHashOf(ctx.queryParam("nhsNumber"));
        if (hash == null) {
            throw ApiProblem.badParameter(
                    "nhsNumber", "must be a valid NHS number: 10 digits with a correct check digit");
        }
        ListScope scope = ListScope.of(ctx);
        Keyset after = Keyset.decode(Paging.cursor(ctx));
        int limit = Paging.limit(ctx);
        Page<PersonIndex.Match> page = referrals.byNhsNumber(
                hash,
                scope == null ? null : scope.addresseeOrg(),
                scope == null ? null : scope.referrerOrg(),
                status,
                after,
                limit);
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode items = out.putArray("items");
        page.items().forEach(m -> items.add(Json.MAPPER.readTree(m.body())));
        out.put("nextCursor", page.nextCursor());
        Json.respond(ctx, 200, out);
    }

    /** {@code ?overdue=true}: only open referrals with a time rule overdue now. */
    private boolean overdue(Context ctx) {
        String overdue = ctx.queryParam("overdue");
        if (overdue == null) {
            return false;
        }
        if (!overdue.equals("true") || overdueOnly == null) {
            throw ApiProblem.badParameter(
                    "overdue", "only 'true' (the open referrals with a time rule overdue now); leave it out for all");
        }
        return true;
    }

    private static final Set<String> TRANSITION_MEMBERS = Set.of("to", "reason", "gpActions");

    void transition(Context ctx) {
        long expected = Preconditions.ifMatch(ctx, "referral");
        JsonNode body = Json.objectBody(ctx);
        KnownMembers.require(body, TRANSITION_MEMBERS, ProblemType.INVALID_TRANSITION_REQUEST);
        String to = body.path("to").asString(null);
        Lifecycle target = to == null ? null : Lifecycle.fromCode(to).orElse(null);
        if (target == null) {
            throw new ApiProblem(
                    ProblemType.INVALID_TRANSITION_REQUEST,
                    "'to' must name a referral state: received, accepted, rejected, in-progress, declined, unable-to-contact, completed, cancelled");
        }
        referrals
                .transition(Transition.of(ctx.pathParam("id"), expected)
                        .to(target)
                        .reason(Preconditions.reason(body))
                        .gpActions(gpActions(body)))
                .send(ctx);
    }

    /** What the GP practice is asked to do, for the message back: optional text of 1 to 2000 characters. */
    static String gpActions(JsonNode request) {
        JsonNode actions = request.path("gpActions");
        if (actions.isMissingNode() || actions.isNull()) {
            return null;
        }
        if (!actions.isString()
                || actions.asString().isBlank()
                || actions.asString().length() > 2000) {
            throw new ApiProblem(
                    ProblemType.INVALID_TRANSITION_REQUEST,
                    "'gpActions' must be text of 1 to 2000 characters: what the GP practice is asked to do");
        }
        return actions.asString().strip();
    }
}
