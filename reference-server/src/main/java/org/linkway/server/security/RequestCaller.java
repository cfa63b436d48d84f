package org.linkway.server.security;

import io.javalin.http.Context;
import java.util.Optional;

/** Who made this request, as {@link Security} verified it: for routes whose answer depends on the caller's own organisation. */
public final class RequestCaller {

    private RequestCaller() {}

    /** The verified caller; empty on a public route. */
    public static Optional<Caller> of(Context ctx) {
        return Optional.ofNullable(ctx.attribute(Security.CALLER));
    }
}
