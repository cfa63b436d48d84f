package org.linkway.conformance.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.JsonNode;

/**
 * Raw HTTP to the one server under test: exact statuses and headers, no retries, nothing
 * smoothed over. Every request carries the token of its role, if the run has one.
 */
public final class Http {

    /** One answer as it came. */
    public record Answer(String method, String path, int status, String body, HttpHeaders headers) {

        public JsonNode json() {
            try {
                return LinkwayJson.mapper().readTree(body);
            } catch (RuntimeException e) {
                throw new CheckFailed(describe() + ": the body is not JSON: " + abbreviate(body));
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** {@code POST /v1/referrals -> 422}: how failures name the exchange. */
        public String describe() {
            return method + " " + path + " -> " + status;
        }

        public String describeWithBody() {
            return describe() + (body.isEmpty() ? "" : " " + abbreviate(body));
        }
    }

    private final HttpClient client;
    private final URI base;
    private final String token;
    private final Duration timeout;

    public Http(URI base, String token, Duration timeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.base = base;
        this.token = token;
        this.timeout = timeout;
    }

    /** The same server with another token (or none). */
    public Http as(String otherToken) {
        return new Http(base, otherToken, timeout);
    }

    public URI base() {
        return base;
    }

    public Answer get(String path, String... headers) {
        return send("GET", path, HttpRequest.BodyPublishers.noBody(), headers);
    }

    public Answer delete(String path, String... headers) {
        return send("DELETE", path, HttpRequest.BodyPublishers.noBody(), headers);
    }

    public Answer postJson(String path, String body, String... headers) {
        return send(
                "POST",
                path,
                HttpRequest.BodyPublishers.ofString(body),
                prepend(headers, "Content-Type", "application/json"));
    }

    public Answer post(String path, String body, String... headers) {
        return send("POST", path, HttpRequest.BodyPublishers.ofString(body), headers);
    }

    public Answer putJson(String path, String body, String... headers) {
        return send(
                "PUT",
                path,
                HttpRequest.BodyPublishers.ofString(body),
                prepend(headers, "Content-Type", "application/json"));
    }

    private Answer send(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(base.getPath() + path))
                .timeout(timeout)
                .method(method, body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(method, path, r.statusCode(), r.body() == null ? "" : r.body(), r.headers());
        } catch (ConnectException e) {
            throw new Unreachable(method + " " + path + ": cannot connect to " + base + " (" + e + ")", e);
        } catch (IOException e) {
            throw new Unreachable(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable(method + " " + path + ": interrupted", e);
        }
    }

    /**
     * Announces a body of {@code declaredLength} bytes, sends only its first bytes, and reads the
     * answer: a server must refuse an oversized body by its declared length without reading it.
     * A raw socket, because an HTTP client cannot be relied on to read an answer mid-upload.
     *
     * @return status, content type and body of the answer
     */
    public String[] postDeclaringLength(String path, long declaredLength) {
        int port = base.getPort() > 0 ? base.getPort() : ("https".equals(base.getScheme()) ? 443 : 80);
        if ("https".equals(base.getScheme())) {
            throw new Unreachable(
                    "the oversized-body check needs plain http (give the kit the server's http URL)", null);
        }
        try (Socket socket = new Socket(base.getHost(), port)) {
            socket.setSoTimeout((int) timeout.toMillis());
            String head = "POST " + base.getPath() + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + port + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                    + "Content-Length: " + declaredLength + "\r\nConnection: close\r\n\r\n{\"x\":\"aaaa";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (response.length() < 12) {
                return new String[] {"0", "", response};
            }
            String contentType = response.lines()
                    .filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                    .findFirst()
                    .map(l -> l.substring(13).trim())
                    .orElse("");
            int split = response.indexOf("\r\n\r\n");
            return new String[] {response.substring(9, 12), contentType, split < 0 ? "" : response.substring(split + 4)
            };
        } catch (IOException e) {
            throw new Unreachable("POST " + path + " with a declared length of " + declaredLength + ": " + e, e);
        }
    }

    private static String[] prepend(String[] headers, String name, String value) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase(name)) {
                return headers;
            }
        }
        String[] all = new String[headers.length + 2];
        all[0] = name;
        all[1] = value;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return all;
    }

    static String abbreviate(String s) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }

    /** The server could not be reached or did not answer in time. */
    public static final class Unreachable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
