package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;
import tools.jackson.databind.JsonNode;

/**
 * Bounded fuzzing of the whole HTTP edge, written on raw sockets so the framing can be wrong too:
 * every route and method of {@code openapi.json} plus made-up ones, as every role, with bodies
 * valid, malformed, truncated, chunked well and badly, lengths that lie, extreme and malformed
 * dates in every date parameter, huge headers and long URIs. No answer may be a 5xx, every 4xx is a
 * problem document (an OperationOutcome under {@code /fhir}), and the log gets no stack trace and
 * no error. Seeded ({@code -Dlinkway.fuzz.seed}), 1,500 requests, stopped early at a time cap.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class EdgeFuzzTest {

    @RegisterExtension
    static final LinkwayTestServer server = LinkwayTestServer.sqlite();

    static final long SEED = Long.getLong("linkway.fuzz.seed", 18_005L);
    static final int REQUESTS = 1_500;
    static final long TIME_CAP_NANOS = TimeUnit.MINUTES.toNanos(3);

    static List<String[]> operations = new ArrayList<>();
    static String referralId;
    static String referral;

    @BeforeAll
    static void routes() {
        ApiClient admin = new ApiClient(server.port());
        JsonNode paths = admin.get("/openapi.json").json().path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (String method : List.of("get", "post", "put", "delete", "patch")) {
                if (path.getValue().has(method)) {
                    operations.add(new String[] {method.toUpperCase(java.util.Locale.ROOT), path.getKey()});
                }
            }
        }
        referral = ReferralApiContract.example(ReferralApiContract.FULL);
        referralId = admin.postJson("/v1/referrals", referral).json().path("id").asString();
    }

    @Test
    void no_generated_request_gets_a_server_error() {
        Random random = new Random(SEED);
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        int[] sent = {0};
        String log = HttpEdgeTest.capturingTheLog(() -> {
            for (int i = 0; i < REQUESTS && System.nanoTime() - started < TIME_CAP_NANOS; i++) {
                Request r = generate(random);
                RawHttp.Reply reply = send(r);
                sent[0]++;
                statuses.merge(reply.status() == -1 ? "closed" : String.valueOf(reply.status()), 1, Integer::sum);
                String wrong = judge(r, reply);
                if (wrong != null && failures.size() < 20) {
                    failures.add(wrong + "\n    request #" + i + ": " + r.summary() + "\n    answer: " + reply);
                }
            }
            return null;
        });
        System.out.println("edge fuzz, seed " + SEED + ": " + sent[0] + " requests; answers by status " + statuses);
        assertThat(failures).as("seed " + SEED).isEmpty();
        assertThat(sent[0]).isGreaterThanOrEqualTo(REQUESTS / 3);
        assertThat(log.lines()
                        .filter(l -> l.contains("\tat ") || l.contains(" ERROR ") || l.contains(" WARN "))
                        .filter(l -> !l.contains("DEVELOPMENT MODE")))
                .as("log lines for client mistakes")
                .isEmpty();
    }

    private static String judge(Request r, RawHttp.Reply reply) {
        if (reply.status() >= 500) {
            return "a server error";
        }
        if (reply.status() == -1 && !r.brokenFraming) {
            return "no answer to a well-framed request";
        }
        if (reply.status() >= 400 && !"HEAD".equals(r.method)) {
            String type = reply.header("Content-Type");
            if (type == null
                    || !(type.startsWith("application/problem+json")
                            || (r.path.startsWith("/fhir/") && type.startsWith("application/fhir+json"))
                            // the inspector page's refusals are the page with an error summary (docs/WEB.md)
                            || (r.path.startsWith("/inspector") && type.startsWith("text/html")))) {
                return "a 4xx that is not a problem document";
            }
            if (!"no-store".equals(reply.header("Cache-Control"))
                    || !"nosniff".equals(reply.header("X-Content-Type-Options"))) {
                return "a refusal without the API's headers";
            }
        }
        return null;
    }

    /** One generated request, kept whole for the failure message. */
    record Request(
            String method,
            String path,
            String query,
            List<String> headers,
            byte[] body,
            Framing framing,
            boolean brokenFraming) {
        String summary() {
            String shown = new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
            return method + " " + (path.length() > 120 ? path.substring(0, 120) + "..." : path) + query + " "
                    + framing + " headers="
                    + headers.stream()
                            .map(h -> h.length() > 80 ? h.substring(0, 80) + "..." : h)
                            .toList()
                    + " body=" + shown;
        }
    }

    enum Framing {
        LENGTH,
        CHUNKED,
        BAD_CHUNK,
        UNFINISHED_CHUNKS,
        SHORT,
        LONGER_THAN_SAID,
        BOTH,
        BAD_LENGTH,
        OVERSIZED,
        NONE
    }

    private static final String[] TOKENS_FOR = {
        "admin", "referrer", "link-worker", "provider", "commissioner", "none", "forged", "basic"
    };
    private static final String[] DATES = {
        "2026-11-01T00:00:00Z",
        "0000-01-01T00:00:00Z",
        "-999999999-01-01T00:00:00Z",
        "+999999999-12-31T23:59:59Z",
        "+300000-01-01T00:00:00Z",
        "1677-09-21T00:12:43Z",
        "2262-04-11T23:47:17Z",
        "9999-12-31T23:59:59.999999999Z",
        "2026-13-45T99:99:99Z",
        "2026-11-01",
        "yesterday",
        "",
        "%00",
        "2026-11-01T00:00:00+25:00"
    };
    private static final String[] MONTHS = {"2026-01", "0000-01", "+999999999-12", "9999-12", "2026-00", "x", "0001-01"
    };

    private static Request generate(Random random) {
        String[] op = operations.get(random.nextInt(operations.size()));
        String method = switch (random.nextInt(12)) {
            case 0 -> pick(random, "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE");
            case 1 -> pick(random, "FOO", "get", "CONNECT", "PROPFIND", "G\u00c9T", "POST\t");
            default -> op[0];
        };
        String path = fill(random, op[1]);
        if (random.nextInt(25) == 0) {
            path = "/v1/" + "x".repeat(1_000 + random.nextInt(30_000));
        } else if (random.nextInt(20) == 0) {
            path = pick(
                    random,
                    "/v1/referrals/%2e%2e/%2e%2e/etc/passwd",
                    "/v1//referrals",
                    "/v1/referrals/%",
                    "//",
                    "*",
                    "/v1/referrals/\u00e9",
                    "/fhir/R4/Bundle/%00",
                    "/v1/referrals?",
                    "/../../");
        }
        String query = query(random);
        List<String> headers = new ArrayList<>();
        headers.add("Host: 127.0.0.1");
        headers.add("Connection: close");
        String who = pick(random, TOKENS_FOR);
        switch (who) {
            case "none" -> {}
            case "forged" -> headers.add("Authorization: Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
            case "basic" -> headers.add("Authorization: Basic YWRtaW46YWRtaW4=");
            default ->
                headers.add("Authorization: Bearer "
                        + server.token(Role.valueOf(
                                who.toUpperCase(java.util.Locale.ROOT).replace('-', '_'))));
        }
        headers.add("Content-Type: "
                + pick(
                        random,
                        "application/json",
                        "application/json",
                        "application/fhir+json",
                        "text/plain",
                        "application/json; charset=latin1",
                        "multipart/form-data; boundary=x",
                        "",
                        "application/json;;;"));
        if (random.nextInt(4) == 0) {
            headers.add("If-Match: "
                    + pick(random, "\"1\"", "W/\"1\"", "*", "\"99999999999999999999\"", "garbage", "\"-1\""));
        }
        if (random.nextInt(5) == 0) {
            headers.add(
                    "Idempotency-Key: " + pick(random, "k-" + random.nextInt(5), "", "x".repeat(300), "\u00e9\u00e9"));
        }
        if (random.nextInt(6) == 0) {
            headers.add("Accept: "
                    + pick(
                            random,
                            "application/fhir+json",
                            "text/html",
                            "*/*",
                            "application/xml",
                            ";;;",
                            "application/json;q=0"));
        }
        if (random.nextInt(30) == 0) {
            headers.add("X-Big: " + "h".repeat(4_000 + random.nextInt(30_000)));
        }
        if (random.nextInt(40) == 0) {
            headers.add("X-Request-Id: " + pick(random, "../../x", "ok-id-1", "\u0001\u0002"));
        }
        byte[] body = body(random);
        Framing framing = "GET".equals(method) && random.nextInt(3) > 0 ? Framing.NONE : pick(random, Framing.values());
        boolean broken = switch (framing) {
            case BAD_CHUNK, UNFINISHED_CHUNKS, SHORT, BOTH, BAD_LENGTH, OVERSIZED -> true;
            default -> false;
        };
        return new Request(method, path, query, headers, body, framing, broken);
    }

    private static String fill(Random random, String template) {
        StringBuilder out = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=\\})")) {
            if (part.startsWith("{")) {
                out.append(
                        switch (random.nextInt(6)) {
                            case 0, 1 -> referralId;
                            case 2 -> "00000000-0000-0000-0000-000000000000";
                            case 3 -> "%ZZ%00" + random.nextInt(9);
                            case 4 -> "1";
                            default -> "x".repeat(random.nextInt(300));
                        });
            } else {
                out.append(part);
            }
        }
        return out.toString();
    }

    private static String query(Random random) {
        if (random.nextInt(3) == 0) {
            return "";
        }
        List<String> params = new ArrayList<>();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            params.add(
                    switch (random.nextInt(9)) {
                        case 0 -> "updatedSince=" + pick(random, DATES);
                        case 1 -> "since=" + pick(random, DATES);
                        case 2 ->
                            "after=" + pick(random, "0", "-1", "99999999999999999999", "x", "9223372036854775807");
                        case 3 -> "limit=" + pick(random, "0", "1", "1000000", "-5", "abc", "");
                        case 4 -> "cursor=" + pick(random, "abc", "", "%00", "eyJ4IjoxfQ", "x".repeat(500));
                        case 5 -> "from=" + pick(random, MONTHS) + "&to=" + pick(random, MONTHS);
                        case 6 -> "status=" + pick(random, "accepted", "nope", "");
                        case 7 -> "focus=" + pick(random, referralId, "Referral/" + referralId, "x", "");
                        default -> "x" + random.nextInt(5) + "=%" + pick(random, "zz", "00", "e9");
                    });
        }
        return "?" + String.join("&", params);
    }

    private static byte[] body(Random random) {
        String text = switch (random.nextInt(10)) {
            case 0 -> referral;
            case 1 -> referral.substring(0, random.nextInt(referral.length()));
            case 2 -> "{\"to\":\"" + pick(random, "accepted", "completed", "cancelled", "x") + "\",\"reason\":\"r\"}";
            case 3 -> "[".repeat(2_000 + random.nextInt(5_000));
            case 4 -> "{\"a\":\"" + "z".repeat(random.nextInt(200_000)) + "\"}";
            case 5 -> "";
            case 6 -> "{\"consent\":" + "{\"a\":".repeat(500) + "1" + "}".repeat(500) + "}";
            case 7 -> "{\"resourceType\":\"Bundle\",\"type\":\"message\",\"entry\":[{\"resource\":null}]}";
            case 8 ->
                "{\"url\":\"http://127.0.0.1:1/hook\",\"secret\":\"" + "s".repeat(random.nextInt(64))
                        + "\",\"organisation\":\"Y03146\"}";
            default -> {
                byte[] junk = new byte[random.nextInt(2_000)];
                random.nextBytes(junk);
                yield new String(junk, StandardCharsets.ISO_8859_1);
            }
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static RawHttp.Reply send(Request r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(r.method)
                .append(' ')
                .append(r.path)
                .append(r.query)
                .append(" HTTP/1.1\r\n");
        r.headers.forEach(h -> head.append(h).append("\r\n"));
        byte[] body = r.body;
        switch (r.framing) {
            case LENGTH -> head.append("Content-Length: ").append(body.length).append("\r\n");
            case SHORT ->
                head.append("Content-Length: ")
                        .append(body.length + 1 + body.length / 2)
                        .append("\r\n");
            case LONGER_THAN_SAID ->
                head.append("Content-Length: ").append(body.length / 2).append("\r\n");
            case BAD_LENGTH ->
                head.append("Content-Length: ")
                        .append(pick(new Random(body.length), "-1", "abc", "1e3", "99999999999999999999", "5, 6"))
                        .append("\r\n");
            case OVERSIZED ->
                head.append("Content-Length: ").append(50L * 1024 * 1024).append("\r\n");
            case BOTH -> head.append("Content-Length: 3\r\nTransfer-Encoding: chunked\r\n");
            case CHUNKED, BAD_CHUNK, UNFINISHED_CHUNKS -> head.append("Transfer-Encoding: chunked\r\n");
            case NONE -> {}
        }
        head.append("\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        switch (r.framing) {
            case CHUNKED, BOTH -> {
                out.writeBytes((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.writeBytes(body);
                out.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            case BAD_CHUNK -> {
                out.writeBytes("zz\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.writeBytes(body);
            }
            case UNFINISHED_CHUNKS -> {
                out.writeBytes((Integer.toHexString(body.length + 10) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.writeBytes(body);
            }
            case OVERSIZED -> out.write(body, 0, Math.min(body.length, 100));
            case NONE -> {}
            default -> out.writeBytes(body);
        }
        try (Socket socket = RawHttp.connect(server.port(), "127.0.0.1", 30_000)) {
            try {
                socket.getOutputStream().write(out.toByteArray());
                socket.getOutputStream().flush();
                if (r.brokenFraming || r.framing == Framing.LONGER_THAN_SAID) {
                    socket.shutdownOutput();
                }
            } catch (IOException e) {
                // the server may answer and close before a long request is written: read what it said
            }
            return RawHttp.read(socket.getInputStream(), "HEAD".equals(r.method));
        } catch (IOException e) {
            return new RawHttp.Reply(-1, Map.of(), e.toString());
        }
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
