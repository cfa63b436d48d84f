package org.linkway.server.referral;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Json;
import org.linkway.server.http.Preconditions;
import org.linkway.server.storage.InvalidCursorException;
import org.linkway.server.storage.ListQuery;
import org.linkway.server.storage.Page;
import org.linkway.server.storage.StoredResource;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import tools.jackson.databind.JsonNode;

/** {@code /v1/referrals}: receive a referral, read it, list them, move one through its journey. */
public final class ReferralRoutes {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final ReferralService referrals;

    public ReferralRoutes(ReferralService referrals) {
        this.referrals = referrals;
    }

    public void register(RoutesConfig routes) {
        routes.post("/v1/referrals", this::create);
        routes.get("/v1/referrals", this::list);
        routes.get("/v1/referrals/{id}", this::get);
        routes.post("/v1/referrals/{id}/transitions", this::transition);
        routes.get("/v1/referrals/{id}/message-back", this::messageBack);
    }

    void create(Context ctx) {
        Json.requireJson(ctx);
        String key = ctx.header("Idempotency-Key");
        if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw new ApiProblem(400, "bad-header", "Bad header", "Idempotency-Key must be 1 to 255 visible ASCII characters");
        }
        ReferralService.Outcome out = referrals.create(ctx.bodyAsBytes(), key);
        answer(ctx, out);
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
            throw ApiProblem.badParameter("status", "must be one of the referral states, e.g. received, accepted, in-progress");
        }
        Instant since = null;
        String sinceText = ctx.queryParam("updatedSince");
        if (sinceText != null) {
            try {
                since = Instant.parse(sinceText);
            } catch (DateTimeParseException e) {
                throw ApiProblem.badParameter("updatedSince", "must be an instant such as 2026-11-01T00:00:00Z");
            }
        }
        int limit = 50;
        String limitText = ctx.queryParam("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 500) {
                throw ApiProblem.badParameter("limit", "must be a whole number from 1 to 500");
            }
        }
        Page<StoredResource> page;
        try {
            page = referrals.list(new ListQuery(ReferralService.TYPE, status, ctx.queryParam("referrerOrg"),
                    null, since, ctx.queryParam("cursor"), limit));
        } catch (InvalidCursorException e) {
            throw ApiProblem.badParameter("cursor", "must be a nextCursor value this server returned");
        }
        Json.respond(ctx, 200, Json.page(page));
    }

    void transition(Context ctx) {
        long expected = Preconditions.ifMatch(ctx, "referral");
        JsonNode body = Json.objectBody(ctx);
        String to = body.path("to").asString(null);
        Lifecycle target = to == null ? null : Lifecycle.fromCode(to).orElse(null);
        if (target == null) {
            throw new ApiProblem(422, "invalid-transition-request", "Invalid transition request",
                    "'to' must name a referral state: received, accepted, rejected, in-progress, declined, unable-to-contact, completed, cancelled");
        }
        answer(ctx, referrals.transition(ctx.pathParam("id"), expected, target, Preconditions.reason(body)));
    }

    void messageBack(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("application/fhir+json") && !accept.contains("application/json")) {
            throw new ApiProblem(406, "not-acceptable", "Not acceptable",
                    "the FHIR document Bundle form of the message back arrives with the FHIR binding; ask for application/json");
        }
        StoredResource m = referrals.messageBack(ctx.pathParam("id"));
        ctx.header("ETag", Preconditions.etag(m.version()));
        Json.respond(ctx, 200, m.body());
    }

    private static void answer(Context ctx, ReferralService.Outcome out) {
        ctx.header("Location", out.location());
        ctx.header("ETag", out.etag());
        if (out.replayed()) {
            ctx.header("Idempotent-Replayed", "true");
        }
        Json.respond(ctx, out.status(), out.body());
    }
}
