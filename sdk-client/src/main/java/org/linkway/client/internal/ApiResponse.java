package org.linkway.client.internal;

import java.net.http.HttpHeaders;

/**
 * A 2xx (or 304) answer as the transport hands it on.
 *
 * <pre>{@code
 * ApiResponse r = Transport.join(transport.send(request));
 * String etag = r.etag();
 * }</pre>
 */
public final class ApiResponse {

    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;
    private final String requestId;

    ApiResponse(int status, HttpHeaders headers, byte[] body, String requestId) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.requestId = requestId;
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }

    /** The server's id for the call, as it logged it. */
    public String requestId() {
        return requestId;
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String etag() {
        return header("ETag");
    }

    public boolean replayed() {
        return "true".equalsIgnoreCase(header("Idempotent-Replayed"));
    }
}
