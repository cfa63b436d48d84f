package org.linkway.client.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * One logical call: method, path (with query), headers and body. {@code replayable} says the
 * call may be sent again after a dropped connection, because doing so cannot do it twice
 * (reads, and creates carrying an {@code Idempotency-Key}).
 *
 * <pre>{@code
 * ApiRequest r = ApiRequest.change("POST", "/v1/referrals/" + id + "/transitions", body).withHeader("If-Match", etag);
 * }</pre>
 */
public final class ApiRequest {

    private final String method;
    private final String path;
    private final List<String> headers;
    private final byte[] body;
    private final boolean replayable;

    private ApiRequest(String method, String path, List<String> headers, byte[] body, boolean replayable) {
        this.method = method;
        this.path = path;
        this.headers = List.copyOf(headers);
        this.body = body;
        this.replayable = replayable;
    }

    public String method() {
        return method;
    }

    /** The path with its query, relative to the client's base URL. */
    public String path() {
        return path;
    }

    /** Extra headers as name, value, name, value... */
    public List<String> headers() {
        return headers;
    }

    /** The body, or null for none. */
    public byte[] body() {
        return body;
    }

    public boolean replayable() {
        return replayable;
    }

    public static ApiRequest get(String path) {
        return new ApiRequest("GET", path, List.of(), null, true);
    }

    public ApiRequest withHeader(String name, String value) {
        List<String> all = new ArrayList<>(headers);
        all.add(name);
        all.add(value);
        return new ApiRequest(method, path, all, body, replayable);
    }

    /** A create: POST with an {@code Idempotency-Key}, hence safe to send again. */
    public static ApiRequest create(String path, byte[] body, String idempotencyKey) {
        return new ApiRequest("POST", path, List.of("Idempotency-Key", idempotencyKey), body, true);
    }

    /** A change that must not be sent twice blindly (a transition, feedback, a replacement under If-Match). */
    public static ApiRequest change(String method, String path, byte[] body) {
        return new ApiRequest(method, path, List.of(), body, false);
    }
}
