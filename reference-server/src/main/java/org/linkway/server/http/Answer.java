package org.linkway.server.http;

import io.javalin.http.Context;
import org.linkway.server.storage.ResourceRef;

/**
 * What a write answers: status, the stored document, where it can be read, its version, and
 * whether the answer replays an earlier one for the same {@code Idempotency-Key}.
 *
 * @param location null when the answer names no resource to read
 * @param etag     null for a resource that has no versions
 * @param bodyOf   the stored resource version the body is, if it is one (an idempotent replay then
 *                 reads it from there rather than from a copy); null otherwise
 */
public record Answer(int status, String body, String location, String etag, boolean replayed, ResourceRef bodyOf) {

    public Answer(int status, String body, String location, String etag, boolean replayed) {
        this(status, body, location, etag, replayed, null);
    }

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
