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
public record ApiResponse(int status, HttpHeaders headers, byte[] body, String requestId) {

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
