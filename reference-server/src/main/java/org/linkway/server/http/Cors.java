package org.linkway.server.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Cross-origin requests from browser apps on the configured origins only (none by default). A
 * preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) from an allowed origin is
 * answered here, before authentication: a browser sends no token with it, and refusing it would
 * refuse the real request that follows. Other requests from an allowed origin go on as usual and
 * gain the headers that let the browser hand the answer to the page; a request from any other
 * origin gets no CORS header, so the browser keeps the answer from the page. Credentials are bearer
 * tokens the app sends itself, never cookies, so {@code Access-Control-Allow-Credentials} is not sent.
 */
public final class Cors extends Handler.Wrapper {

    static final String ALLOW_METHODS = "GET, POST, PUT, PATCH, DELETE";
    static final String ALLOW_HEADERS =
            "Authorization, Content-Type, Accept, If-Match, Idempotency-Key, Linkway-Signature, X-Request-Id";
    static final String EXPOSE_HEADERS = "ETag, Location, Retry-After, X-Request-Id, Link, Linkway-Signature";
    /** How long a browser may reuse a preflight's answer, in seconds. */
    static final String MAX_AGE = "600";

    private final Set<String> origins;

    public Cors(List<String> origins) {
        this.origins = Set.copyOf(origins);
    }

    /** Whether any origin is allowed: with none, the server is not wrapped at all. */
    public boolean enabled() {
        return !origins.isEmpty();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        HttpFields.Mutable headers = response.getHeaders();
        // caches must keep answers per origin, whether or not this one was allowed
        headers.add(HttpHeader.VARY, "Origin");
        if (origin == null || !origins.contains(origin)) {
            return super.handle(request, response, callback);
        }
        allow(headers, origin);
        if (HttpMethod.OPTIONS.is(request.getMethod())
                && request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD) != null) {
            headers.put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, ALLOW_METHODS);
            headers.put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, ALLOW_HEADERS);
            headers.put(HttpHeader.ACCESS_CONTROL_MAX_AGE, MAX_AGE);
            response.setStatus(204);
            callback.succeeded();
            return true;
        }
        return super.handle(request, response, callback);
    }

    /**
     * Again at the route level, like {@link ApiHeaders}: an exception mid-answer resets the headers
     * the wrapper set, and a problem document the page cannot read helps nobody.
     */
    public void apply(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && origins.contains(origin)) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Access-Control-Expose-Headers", EXPOSE_HEADERS);
        }
    }

    private static void allow(HttpFields.Mutable headers, String origin) {
        headers.put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        headers.put(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSE_HEADERS);
    }
}
