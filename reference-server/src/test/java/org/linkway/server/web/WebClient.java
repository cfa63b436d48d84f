package org.linkway.server.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.JsonNode;

/** Plain HTTP to a test server on 127.0.0.1, as a browser app or a tool would call it (no SDK client). */
final class WebClient {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private WebClient() {}

    static HttpResponse<String> send(
            String baseUrl, String method, String path, Map<String, String> headers, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> validate(String baseUrl, String json) {
        return send(
                baseUrl,
                "POST",
                "/v1/$validate",
                Map.of("Content-Type", "application/json"),
                HttpRequest.BodyPublishers.ofString(json));
    }

    static JsonNode json(HttpResponse<String> response) {
        return LinkwayJson.mapper().readTree(response.body());
    }
}
