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
public record ApiRequest(String method, String path, List<String> headers, byte[] body, boolean replayable) {

    public ApiRequest {
        headers = List.copyOf(headers);
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
