package org.linkway.server.http;

import io.javalin.http.Context;

/**
 * What a write answers: status, the stored document, where it can be read, its version, and
 * whether the answer replays an earlier one for the same {@code Idempotency-Key}.
 *
 * @param location null when the answer names no resource to read
 * @param etag     null for a resource that has no versions
 */
public record Answer(int status, String body, String location, String etag, boolean replayed) {

    /** Writes the answer with its headers. */
    public void send(Context ctx) {
        if (location != null) {
            ctx.header("Location", location);
        }
        if (etag != null) {
            ctx.header("ETag", etag);
        }
        if (replayed) {
            ctx.header("Idempotent-Replayed", "true");
        }
        Json.respond(ctx, status, body);
    }
}
