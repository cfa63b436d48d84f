package org.linkway.server.http;

import io.javalin.http.Context;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * The headers on every answer, problem documents and Jetty's own refusals included: answers carry
 * personal data, so no cache (a browser's, a proxy's) keeps them unless a route says otherwise
 * (the public key set does), and no browser guesses a type other than the one declared.
 */
public final class ApiHeaders {

    public static final String NO_STORE = "no-store";
    public static final String NOSNIFF = "nosniff";
    public static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";

    private ApiHeaders() {}

    /** On a Javalin answer; a route that sets its own {@code Cache-Control} later replaces it. */
    public static void apply(Context ctx) {
        ctx.header(HttpHeader.CACHE_CONTROL.asString(), NO_STORE);
        ctx.header(CONTENT_TYPE_OPTIONS, NOSNIFF);
    }

    public static void apply(HttpFields.Mutable headers) {
        headers.put(HttpHeader.CACHE_CONTROL, NO_STORE);
        headers.put(CONTENT_TYPE_OPTIONS, NOSNIFF);
    }
}
