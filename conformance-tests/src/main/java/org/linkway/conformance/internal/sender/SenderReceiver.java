package org.linkway.conformance.internal.sender;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linkway.fhir.FhirBinding;
import org.linkway.model.ProblemType;
import org.linkway.model.json.LinkwayJson;
import org.linkway.validation.MessageValidator;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The kit as a receiving service, for judging a sender (a GP or hospital system): listens on
 * 127.0.0.1 only, takes referrals as Linkway JSON ({@code POST /v1/referrals}) and as FHIR
 * ({@code POST /fhir/R4/Bundle}, {@code POST /fhir/R4/$process-message}), answers as a real
 * server would (201, or a 4xx problem), refuses the first referral once with 503 to see the
 * sender retry, and plays back a message back for each referral it accepted. Every request is
 * kept, in order, for {@link SenderJudge}.
 */
public final class SenderReceiver implements AutoCloseable {

    static final Pattern MESSAGE_BACK = Pattern.compile("/v1/referrals/([^/?]+)/message-back");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    /** A referral the kit accepted, and whether its message back was fetched. */
    record Accepted(String id, ObjectNode messageBack, boolean fetched) {}

    /** The first answer given under an idempotency key, replayed for a resend of the same request. */
    private record Answer(String request, int status, Map<String, String> headers, String body) {}

    private final HttpServer server;
    private final String token;
    private final boolean messageBacks;
    private final SenderIntake intake = new SenderIntake();
    private final MessageValidator validator = MessageValidator.create();
    private final List<Received> received = new ArrayList<>();
    private final Map<String, Accepted> accepted = new LinkedHashMap<>();
    private final Map<String, Answer> byKey = new HashMap<>();
    private boolean refusedOnce;

    private SenderReceiver(int port, String token, boolean messageBacks) throws IOException {
        this.token = token;
        this.messageBacks = messageBacks;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts listening on 127.0.0.1:{@code port} ({@code 0}: any free port).
     *
     * @param token        the bearer token the sender must present; null accepts any
     * @param messageBacks whether to play back a message back for each referral accepted
     */
    public static SenderReceiver start(int port, String token, boolean messageBacks) {
        try {
            return new SenderReceiver(port, token, messageBacks);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public String token() {
        return token;
    }

    public boolean messageBacks() {
        return messageBacks;
    }

    /** Every request so far, in order. */
    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    synchronized List<Accepted> accepted() {
        return List.copyOf(accepted.values());
    }

    /**
     * True once {@code referrals} referrals have had a final answer (anything but the kit's own
     * 503) and, when message backs are played, every accepted one's message back was fetched.
     */
    public synchronized boolean done(int referrals) {
        long answered = received.stream()
                .filter(r -> r.kind().referral() && !r.deliberate())
                .count();
        return answered >= referrals
                && (!messageBacks || accepted.values().stream().allMatch(Accepted::fetched));
    }

    /** Waits until {@link #done(int)} or {@code wait} has passed; true when done. */
    public boolean await(int referrals, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!done(referrals)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body;
            try (InputStream in = ex.getRequestBody()) {
                body = new String(in.readNBytes(4 * 1024 * 1024), StandardCharsets.UTF_8);
            }
            Map<String, List<String>> headers = new HashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getRawPath()
                    + (ex.getRequestURI().getRawQuery() == null
                            ? ""
                            : "?" + ex.getRequestURI().getRawQuery());
            Received.Kind kind = kind(method, ex.getRequestURI().getRawPath());
            Reply reply;
            SenderIntake.Reading reading = null;
            synchronized (this) {
                if (kind.referral()) {
                    reading = intake.read(kind, body);
                    reply = referral(kind, path, headers, body, reading);
                } else if (kind == Received.Kind.MESSAGE_BACK) {
                    reply = messageBack(ex.getRequestURI().getRawPath(), headers);
                } else {
                    reply = Reply.problem(
                            ProblemType.NOT_FOUND, "the kit's receiving service has no " + method + " " + path);
                }
                received.add(new Received(
                        received.size() + 1,
                        kind,
                        method,
                        path,
                        headers,
                        body,
                        reply.status,
                        reply.body,
                        reading == null ? List.of() : reading.findings(),
                        reading != null && reading.readable(),
                        reply.deliberate));
            }
            reply.headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            byte[] bytes = reply.body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(reply.status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                ex.getResponseBody().write(bytes);
            }
        }
    }

    private static Received.Kind kind(String method, String path) {
        if (method.equals("POST") && path.equals("/v1/referrals")) {
            return Received.Kind.LINKWAY_REFERRAL;
        }
        if (method.equals("POST") && (path.equals("/fhir/R4/Bundle") || path.equals("/fhir/R4/$process-message"))) {
            return Received.Kind.FHIR_REFERRAL;
        }
        if (method.equals("GET") && (MESSAGE_BACK.matcher(path).matches() || path.equals("/v1/message-backs"))) {
            return Received.Kind.MESSAGE_BACK;
        }
        return Received.Kind.OTHER;
    }

    /** Answers a referral in the order a server meets the questions: retry, credentials, key, media type, content. */
    private Reply referral(
            Received.Kind kind, String path, Map<String, List<String>> headers, String body, SenderIntake.Reading r) {
        if (!refusedOnce) {
            refusedOnce = true;
            Reply busy = Reply.problem(
                    ProblemType.AUDIT_UNAVAILABLE,
                    "the receiving service is briefly unavailable; send the same request again after Retry-After");
            busy.headers.put("Retry-After", "1");
            return busy.deliberately();
        }
        Reply refused = unauthorised(headers);
        if (refused != null) {
            return refused;
        }
        String key = first(headers, "idempotency-key");
        String request = path + "\n" + body;
        if (key != null && !KEY.matcher(key).matches()) {
            return Reply.problem(ProblemType.BAD_HEADER, "Idempotency-Key must be 1 to 255 visible ASCII characters");
        }
        if (key != null && byKey.containsKey(key)) {
            Answer first = byKey.get(key);
            if (!first.request().equals(request)) {
                return Reply.problem(
                        ProblemType.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key " + key + " was used for another request");
            }
            Reply replay = new Reply(first.status(), first.body());
            replay.headers.putAll(first.headers());
            replay.headers.put("Idempotent-Replayed", "true");
            return replay;
        }
        if (!SenderIntake.rightContentType(kind, first(headers, "content-type"))) {
            return Reply.problem(
                    ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must be " + SenderIntake.mediaType(kind) + " at " + path);
        }
        Reply answer;
        if (r.referral() == null) {
            answer = Reply.problem(
                    kind == Received.Kind.FHIR_REFERRAL
                            ? ProblemType.INVALID_FHIR_REFERRAL
                            : ProblemType.INVALID_REFERRAL,
                    "the referral breaks the standard; see findings",
                    r.findings().stream().filter(f -> f.isError()).toList());
        } else {
            String id = "snd-" + (accepted.size() + 1);
            accepted.put(id, new Accepted(id, SenderMessageBack.of(r.referral(), id, validator), false));
            if (kind == Received.Kind.FHIR_REFERRAL) {
                answer = new Reply(201, SenderIntake.fhirCreated(id));
                answer.headers.put("Content-Type", "application/fhir+json");
                answer.headers.put("Location", "/fhir/R4/ServiceRequest/" + id);
            } else {
                answer = new Reply(201, SenderIntake.created(r.referral(), id));
                answer.headers.put("Content-Type", "application/json");
                answer.headers.put("Location", "/v1/referrals/" + id);
            }
            answer.headers.put("ETag", "\"1\"");
        }
        if (key != null) {
            byKey.put(key, new Answer(request, answer.status, Map.copyOf(answer.headers), answer.body));
        }
        return answer;
    }

    private Reply messageBack(String path, Map<String, List<String>> headers) {
        Reply refused = unauthorised(headers);
        if (refused != null) {
            return refused;
        }
        Matcher m = MESSAGE_BACK.matcher(path);
        if (!m.matches()) {
            ArrayNode items = LinkwayJson.mapper().createArrayNode();
            if (messageBacks) {
                for (Accepted a : List.copyOf(accepted.values())) {
                    items.add(a.messageBack());
                    accepted.put(a.id(), new Accepted(a.id(), a.messageBack(), true));
                }
            }
            ObjectNode page = LinkwayJson.mapper().createObjectNode();
            page.set("items", items);
            page.putNull("nextCursor");
            return Reply.json(page.toString(), "application/json");
        }
        Accepted a = accepted.get(m.group(1));
        if (a == null || !messageBacks) {
            return Reply.problem(ProblemType.NOT_FOUND, "no message back for referral " + m.group(1));
        }
        accepted.put(a.id(), new Accepted(a.id(), a.messageBack(), true));
        String accept = first(headers, "accept");
        Reply reply = accept != null && accept.contains("application/fhir+json")
                ? Reply.json(fhirDocument(a.messageBack()), "application/fhir+json")
                : Reply.json(a.messageBack().toString(), "application/json");
        reply.headers.put("ETag", "\"1\"");
        return reply;
    }

    private String fhirDocument(ObjectNode back) {
        FhirBinding binding = intake.fhirBinding();
        return FhirBinding.fhirContext()
                .newJsonParser()
                .encodeResourceToString(binding.toFhir(SenderMessageBack.typed(back)));
    }

    /** 401 without a bearer token, or with another than the one the kit was told to expect. */
    private Reply unauthorised(Map<String, List<String>> headers) {
        String presented = SenderJudge.bearer(first(headers, "authorization"));
        if (presented == null || (token != null && !token.equals(presented))) {
            Reply r = Reply.problem(ProblemType.UNAUTHORISED, "a bearer token is required (the one the kit was given)");
            r.headers.put("WWW-Authenticate", "Bearer");
            return r;
        }
        return null;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** An answer being made. */
    private static final class Reply {
        final int status;
        final String body;
        final Map<String, String> headers = new LinkedHashMap<>();
        boolean deliberate;

        Reply(int status, String body) {
            this.status = status;
            this.body = body;
        }

        static Reply json(String body, String type) {
            Reply r = new Reply(200, body);
            r.headers.put("Content-Type", type);
            return r;
        }

        static Reply problem(ProblemType type, String detail) {
            return problem(type, detail, List.of());
        }

        static Reply problem(ProblemType type, String detail, List<org.linkway.validation.Finding> findings) {
            Reply r = new Reply(type.status(), SenderIntake.problem(type, detail, findings));
            r.headers.put("Content-Type", "application/problem+json");
            return r;
        }

        Reply deliberately() {
            deliberate = true;
            return this;
        }
    }
}
