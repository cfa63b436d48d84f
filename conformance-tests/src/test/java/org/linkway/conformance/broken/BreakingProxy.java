package org.linkway.conformance.broken;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.linkway.conformance.internal.Http;

/**
 * A loopback proxy in front of the real reference server that breaks it in one deliberate way,
 * so the kit's own tests can show it fails such a server with the right requirement id.
 * Test-only: the server's code is untouched.
 */
final class BreakingProxy implements AutoCloseable {

    /** A request as the proxy received it. */
    record Request(String method, String path, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        Request withHeader(String name, String value) {
            Map<String, String> h = new HashMap<>(headers);
            h.put(name.toLowerCase(Locale.ROOT), value);
            return new Request(method, path, h, body);
        }

        Request withBody(String text) {
            return new Request(method, path, headers, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** An answer, from upstream or made up by the breakage. */
    record Reply(int status, Map<String, List<String>> headers, byte[] body) {
        static Reply json(int status, String body, String contentType) {
            return new Reply(
                    status, Map.of("Content-Type", List.of(contentType)), body.getBytes(StandardCharsets.UTF_8));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The one way a variant is broken. */
    interface Breakage {
        /** Answers in place of the server, changes the request, or passes it on. */
        default Object before(Request request, BreakingProxy upstream) {
            return request;
        }

        /** Changes the server's answer. */
        default Reply after(Request request, Reply reply, BreakingProxy upstream) {
            return reply;
        }
    }

    private static final Set<String> HOP_BY_HOP = Set.of(
            "host",
            "content-length",
            "connection",
            "expect",
            "upgrade",
            "transfer-encoding",
            "keep-alive",
            "te",
            "trailer",
            "http2-settings");

    private final HttpServer server;
    private final URI upstream;
    private final Breakage breakage;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * The real server's own token: whatever the kit sent stays between the kit and the proxy.
     * Null to pass each request's own token on, so the server sees who is asking (the GP practice,
     * another organisation) and the breakage can still swap one for another.
     */
    private final String upstreamToken;

    /** The token the proxy's own look-ups ({@link #get}) use: the upstream token, or an admin's when requests keep their own. */
    private final String lookupToken;

    BreakingProxy(String upstreamUrl, String upstreamToken, Breakage breakage) {
        this(upstreamUrl, upstreamToken, upstreamToken, breakage);
    }

    /** A proxy that passes each request's own token on; {@code adminToken} is for its own look-ups. */
    static BreakingProxy passingTokens(String upstreamUrl, String adminToken, Breakage breakage) {
        return new BreakingProxy(upstreamUrl, null, adminToken, breakage);
    }

    private BreakingProxy(String upstreamUrl, String upstreamToken, String lookupToken, Breakage breakage) {
        this.upstreamToken = upstreamToken;
        this.lookupToken = lookupToken;
        this.upstream = URI.create(upstreamUrl);
        this.breakage = breakage;
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            String path = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null
                            ? ""
                            : "?" + exchange.getRequestURI().getRawQuery());
            long declared = headers.containsKey("content-length") ? Long.parseLong(headers.get("content-length")) : 0;
            Reply reply;
            if (declared > 8L * 1024 * 1024) {
                // an oversized upload: pass its declared length on without reading it, as the kit does
                String[] answer = new Http(upstream, null, Duration.ofSeconds(20)).postDeclaringLength(path, declared);
                reply = Reply.json(Integer.parseInt(answer[0]), answer[2], answer[1]);
            } else {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                Object step = breakage.before(new Request(exchange.getRequestMethod(), path, headers, body), this);
                if (step instanceof Reply made) {
                    reply = made;
                } else {
                    Request request = (Request) step;
                    reply = breakage.after(request, forward(request), this);
                }
            }
            send(exchange, reply);
        } catch (RuntimeException e) {
            send(exchange, Reply.json(502, "{\"proxy\":\"" + e.getClass().getSimpleName() + "\"}", "application/json"));
        } finally {
            exchange.close();
        }
    }

    /** Sends a request to the real server. */
    Reply forward(Request request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(upstream.resolve(request.path()))
                .timeout(Duration.ofSeconds(20))
                .method(
                        request.method(),
                        request.body().length == 0
                                        && !request.method().equals("POST")
                                        && !request.method().equals("PUT")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((k, v) -> {
            if (!HOP_BY_HOP.contains(k) && (upstreamToken == null || !k.equals("authorization"))) {
                b.header(k, v);
            }
        });
        if (upstreamToken != null) {
            b.header("Authorization", "Bearer " + upstreamToken);
        }
        try {
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, List<String>> headers = new HashMap<>(r.headers().map());
            return new Reply(r.statusCode(), headers, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET to the real server, for breakages that need to know the current state. */
    Reply get(String path) {
        return forward(new Request("GET", path, Map.of("authorization", "Bearer " + lookupToken), new byte[0]));
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        reply.headers().forEach((k, v) -> {
            if (!HOP_BY_HOP.contains(k.toLowerCase(Locale.ROOT)) && !k.startsWith(":")) {
                exchange.getResponseHeaders().put(k, new ArrayList<>(v));
            }
        });
        boolean empty = reply.body().length == 0 || reply.status() == 304 || reply.status() == 204;
        exchange.sendResponseHeaders(reply.status(), empty ? -1 : reply.body().length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
