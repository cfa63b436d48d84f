package org.linkway.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.security.DevTokens;
import org.linkway.server.security.Role;
import tools.jackson.databind.JsonNode;

/**
 * A bare HTTP client for tests: loopback only, no retries, answers as they come. Every answer is
 * checked against {@code schemas/openapi.yaml} ({@link OpenApiContract}) before a test sees it, so
 * a response the contract does not describe fails the test that received it.
 */
final class ApiClient {

    record Answer(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            return LinkwayJson.mapper().readTree(body);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final int port;
    /** The bearer token sent with every request; null sends none. */
    private final String token;

    /**
     * A client that acts as the admin of a development-mode server in this JVM (every request
     * needs a token; development mode makes them), or sends no token to any other server.
     */
    ApiClient(int port) {
        this(
                port,
                DevTokens.forPort(port).map(t -> t.mint(Role.ADMIN, "LINKWAY")).orElse(null));
    }

    ApiClient(int port, String token) {
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    /** The same server, another caller (null: no token at all). */
    ApiClient as(String bearerToken) {
        return new ApiClient(port, bearerToken);
    }

    Answer get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    Answer post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    /**
     * Announces a body of the given size and sends only its first bytes, then reads the answer:
     * a server must refuse an oversized body from its declared length, without reading it.
     * (Java's HttpClient cannot be relied on to read an answer that arrives mid-upload.)
     */
    String[] postOversized(String path, long contentLength) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                    + "Content-Length: " + contentLength + "\r\nConnection: close\r\n\r\n{\"x\":\"aaaa";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String status = response.substring(9, 12);
            String contentType = response.lines()
                    .filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                    .findFirst()
                    .orElse("");
            return new String[] {status, contentType, response.substring(response.indexOf("\r\n\r\n") + 4)};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Answer put(String path, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send("PUT", path, body, all);
    }

    Answer postJson(String path, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return post(path, body, all);
    }

    Answer delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /** Any method, for what the other helpers do not cover (a method a path does not offer, say). */
    Answer send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        Map<String, String> sent = new LinkedHashMap<>();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            sent.put(headers[i], headers[i + 1]);
        }
        HttpResponse<String> r;
        try {
            r = http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        OpenApiContract.get()
                .check(new OpenApiContract.Exchange(
                        method,
                        URI.create(base + path).getRawPath(),
                        sent,
                        body,
                        r.statusCode(),
                        r.headers().map(),
                        r.body()));
        return new Answer(r.statusCode(), r.body(), r);
    }
}
