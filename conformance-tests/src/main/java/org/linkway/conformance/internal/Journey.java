package org.linkway.conformance.internal;

import tools.jackson.databind.JsonNode;

/** Steps many tests need: receive a referral, move it along its lifecycle with the right version. */
public final class Journey {

    private Journey() {}

    /** Posts an example referral and returns the server's answer body (must be 201). */
    public static JsonNode refer(Ctx ctx, String example) {
        Http.Answer created = ctx.expect(ctx.http().postJson("/v1/referrals", Examples.json(example)), 201);
        JsonNode body = created.json();
        ctx.check(
                body.path("id").isString() && !body.path("id").asString().isEmpty(),
                "%s: no id in %s",
                created.describe(),
                Http.abbreviate(created.body()));
        ctx.emitted("POST /v1/referrals", created.body());
        return body;
    }

    public static String referId(Ctx ctx) {
        return refer(ctx, Examples.FULL_REFERRAL).path("id").asString();
    }

    /** The referral's current ETag, read from the server. */
    public static String etag(Ctx ctx, String path) {
        Http.Answer read = ctx.expect(ctx.http().get(path), 200);
        String etag = read.header("ETag");
        ctx.check(etag != null, "%s: no ETag header", read.describe());
        return etag;
    }

    /** Moves a referral (or onward referral) to {@code to}; must succeed. */
    public static Http.Answer move(Ctx ctx, String resourcePath, String to, String reason) {
        String body =
                reason == null ? "{\"to\":\"" + to + "\"}" : "{\"to\":\"" + to + "\",\"reason\":\"" + reason + "\"}";
        Http.Answer a = ctx.http().postJson(resourcePath + "/transitions", body, "If-Match", etag(ctx, resourcePath));
        ctx.check(a.status() == 200, "moving %s to %s: %s", resourcePath, to, a.describeWithBody());
        return a;
    }

    /** Attempts a move with the current version and returns the answer whatever it is. */
    public static Http.Answer attempt(Ctx ctx, String resourcePath, String to, String reason) {
        String body =
                reason == null ? "{\"to\":\"" + to + "\"}" : "{\"to\":\"" + to + "\",\"reason\":\"" + reason + "\"}";
        return ctx.http().postJson(resourcePath + "/transitions", body, "If-Match", etag(ctx, resourcePath));
    }
}
