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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.linkway.conformance.HttpExchange;
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

    /** Where a test's exchanges are kept, redacted, up to {@link #MAX_KEPT}; the rest are counted. */
    public static final class Log {
        /** Exchanges kept per test; a test that sends more (fuzzing, paging) says how many were left out. */
        public static final int MAX_KEPT = 100;

        private final Redaction redaction;
        private final List<HttpExchange> kept = new ArrayList<>();
        private int left;

        public Log(Redaction redaction) {
            this.redaction = redaction;
        }

        synchronized void add(
                String method,
                String url,
                int status,
                Map<String, List<String>> requestHeaders,
                String requestBody,
                Map<String, List<String>> responseHeaders,
                String responseBody) {
            if (kept.size() >= MAX_KEPT) {
                left++;
                return;
            }
            kept.add(new HttpExchange(
                    method,
                    redaction.text(url),
                    status,
                    redaction.headers(requestHeaders),
                    redaction.body(requestBody),
                    redaction.headers(responseHeaders),
                    redaction.body(responseBody)));
        }

        public synchronized List<HttpExchange> exchanges() {
            return List.copyOf(kept);
        }

        /** How many exchanges were sent beyond those kept. */
        public synchronized int leftOut() {
            return left;
        }
    }

    private final HttpClient client;
    private final URI base;
    private final String token;
    private final Duration timeout;
    private final Log log;

    public Http(URI base, String token, Duration timeout) {
        this(
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build(),
                base,
                token,
                timeout,
                null);
    }

    private Http(HttpClient client, URI base, String token, Duration timeout, Log log) {
        this.client = client;
        this.base = base;
        this.token = token;
        this.timeout = timeout;
        this.log = log;
    }

    /**
     * Keeps a request that came to the kit rather than from it (a webhook delivery to the kit's
     * receiver) in the same log as the test's own exchanges, redacted the same way.
     */
    public void received(String method, String url, int answered, Map<String, List<String>> headers, String body) {
        if (log != null) {
            log.add(method, url, answered, headers, body, Map.of(), "");
        }
    }

    /** The same server with another token (or none), kept in the same log. */
    public Http as(String otherToken) {
        return new Http(client, base, otherToken, timeout, log);
    }

    /** The same server and token, each exchange kept in {@code into}. */
    public Http recording(Log into) {
        return new Http(client, base, token, timeout, into);
    }

    public URI base() {
        return base;
    }

    public Answer get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Answer delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    public Answer postJson(String path, String body, String... headers) {
        return send("POST", path, body, prepend(headers, "Content-Type", "application/json"));
    }

    public Answer post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    public Answer putJson(String path, String body, String... headers) {
        return send("PUT", path, body, prepend(headers, "Content-Type", "application/json"));
    }

    private Answer send(String method, String path, String body, String... headers) {
        URI uri = base.resolve(base.getPath() + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        Map<String, List<String>> sent = new LinkedHashMap<>();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
            sent.put("Authorization", List.of(Redaction.REDACTED));
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            sent.computeIfAbsent(headers[i], k -> new ArrayList<>()).add(headers[i + 1]);
        }
        try {
            HttpResponse<String> r =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Answer a = new Answer(method, path, r.statusCode(), r.body() == null ? "" : r.body(), r.headers());
            if (log != null) {
                log.add(
                        method,
                        uri.toString(),
                        a.status(),
                        sent,
                        body,
                        r.headers().map(),
                        a.body());
            }
            return a;
        } catch (ConnectException e) {
            throw unanswered(
                    method,
                    uri,
                    sent,
                    body,
                    new Unreachable(method + " " + path + ": cannot connect to " + base + " (" + e + ")", e));
        } catch (IOException e) {
            throw unanswered(method, uri, sent, body, new Unreachable(method + " " + path + ": " + e, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unanswered(method, uri, sent, body, new Unreachable(method + " " + path + ": interrupted", e));
        }
    }

    private Unreachable unanswered(
            String method, URI uri, Map<String, List<String>> sent, String body, Unreachable why) {
        if (log != null) {
            log.add(method, uri.toString(), 0, sent, body, Map.of(), "no answer: " + why.getMessage());
        }
        return why;
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
            if (log != null) {
                log.add(
                        "POST",
                        base.resolve(base.getPath() + path).toString(),
                        Integer.parseInt(response.substring(9, 12).strip()),
                        token == null
                                ? Map.of("Content-Length", List.of(Long.toString(declaredLength)))
                                : Map.of(
                                        "Content-Length",
                                        List.of(Long.toString(declaredLength)),
                                        "Authorization",
                                        List.of(Redaction.REDACTED)),
                        "{\"x\":\"aaaa (only the first bytes of the declared length sent)",
                        Map.of(),
                        split < 0 ? "" : response.substring(split + 4));
            }
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

    /**
     * A body as quoted in a failure message: whitespace flattened, whole up to 8 KB (the same bound as
     * the exchanges kept in the reports, where the rest can be read).
     */
    static String abbreviate(String s) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() <= Redaction.CLIP
                ? flat
                : flat.substring(0, Redaction.CLIP) + "... [" + (flat.length() - Redaction.CLIP) + " more characters]";
    }

    /** The server could not be reached or did not answer in time. */
    public static final class Unreachable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
