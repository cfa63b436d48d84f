package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP edge answers every client mistake with a 4xx problem document carrying the API's
 * headers: Jetty's own refusals (a request line it cannot parse, a URI or headers too long), a body
 * cut short or badly chunked, dates no instant can hold, and a missing or bad token (with its
 * RFC 6750 challenge). None of them leaves a stack trace in the log.
 */
class HttpEdgeTest {

    @RegisterExtension
    static final LinkwayTestServer server = LinkwayTestServer.sqlite();

    private static void assertProblem(RawHttp.Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).as(reply.toString()).startsWith("application/problem+json");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        JsonNode doc = LinkwayJson.mapper().readTree(reply.body());
        assertThat(doc.path("status").asInt()).isEqualTo(status);
        assertThat(doc.path("type").asString()).isNotBlank();
        assertThat(doc.path("detail").asString()).isNotBlank();
    }

    private String token() {
        return server.token(Role.ADMIN);
    }

    @Test
    void jettys_own_refusals_are_problem_documents() {
        assertProblem(RawHttp.exchange(server.port(), "GARBAGE\r\n\r\n", false), 400);
        assertProblem(RawHttp.exchange(server.port(), "GET /health HTTP/1.1\r\nHost\r\n\r\n", false), 400);
        assertProblem(
                RawHttp.exchange(
                        server.port(), "GET /v1/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", false),
                414);
        assertProblem(
                RawHttp.exchange(
                        server.port(),
                        "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n",
                        false),
                431);
        // the one 5xx HTTP defines for the client's mistake: a version the server does not speak
        assertProblem(RawHttp.exchange(server.port(), "GET /health HTTP/9.9\r\nHost: x\r\n\r\n", false), 505);
    }

    @Test
    void a_body_shorter_than_its_length_or_badly_chunked_is_a_400_without_a_stack_trace() {
        String log = capturingTheLog(() -> {
            RawHttp.Reply shortBody = RawHttp.exchange(
                    server.port(),
                    "POST /v1/referrals HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token()
                            + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"resourceType\":",
                    true);
            assertProblem(shortBody, 400);
            RawHttp.Reply badChunk = RawHttp.exchange(
                    server.port(),
                    "POST /v1/referrals HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token()
                            + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\nzz\r\n",
                    true);
            assertProblem(badChunk, 400);
            RawHttp.Reply unfinishedChunks = RawHttp.exchange(
                    server.port(),
                    "POST /v1/referrals HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token()
                            + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n",
                    true);
            assertProblem(unfinishedChunks, 400);
            return null;
        });
        assertThat(log).doesNotContain("\tat ").doesNotContain("ERROR").doesNotContain("WARN");
    }

    @Test
    void a_date_no_instant_can_hold_is_a_400_naming_the_parameter() {
        ApiClient admin = new ApiClient(server.port());
        for (String date : new String[] {
            "0000-01-01T00:00:00Z",
            "-999999999-01-01T00:00:00Z",
            "+1000000000-12-31T23:59:59Z",
            "+300000-01-01T00:00:00Z",
            "1500-01-01T00:00:00Z",
            "2262-04-12T00:00:00Z",
            "not-a-date"
        }) {
            ApiClient.Answer referrals = admin.get("/v1/referrals?updatedSince=" + date);
            ApiClient.Answer backs = admin.get("/v1/message-backs?since=" + date);
            if (!date.startsWith("1500") && !date.startsWith("2262")) {
                assertThat(referrals.status()).as(date).isEqualTo(400);
                assertThat(referrals.json().path("detail").asString()).contains("updatedSince");
                assertThat(backs.status()).as(date).isEqualTo(400);
                assertThat(backs.json().path("detail").asString()).contains("since");
            } else {
                assertThat(referrals.status()).as(date).isEqualTo(200);
                assertThat(backs.status()).as(date).isEqualTo(200);
            }
        }
    }

    @Test
    void a_401_carries_a_bearer_challenge() {
        ApiClient anonymous = new ApiClient(server.port()).as(null);
        ApiClient.Answer none = anonymous.get("/v1/referrals");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"linkway\"");
        ApiClient.Answer bad = anonymous.as("not.a.token").get("/v1/referrals");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.header("WWW-Authenticate")).startsWith("Bearer realm=\"linkway\", error=\"invalid_token\"");
        ApiClient.Answer fhir = anonymous.as("not.a.token").get("/fhir/R4/Task?focus=x");
        assertThat(fhir.status()).isEqualTo(401);
        assertThat(fhir.header("WWW-Authenticate")).contains("invalid_token");
    }

    @Test
    void api_answers_are_neither_cached_nor_sniffed() {
        ApiClient admin = new ApiClient(server.port());
        for (String path :
                new String[] {"/v1/referrals", "/v1/events", "/fhir/R4/metadata", "/health", "/v1/nowhere"}) {
            ApiClient.Answer a = admin.get(path);
            assertThat(a.header("Cache-Control")).as(path).isEqualTo("no-store");
            assertThat(a.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        }
        // public keys may be cached: they say so themselves
        assertThat(admin.get("/.well-known/jwks.json").header("Cache-Control")).isEqualTo("max-age=300");
    }

    /** What the server logs (slf4j-simple writes to the current System.err) while {@code action} runs. */
    static String capturingTheLog(Supplier<Void> action) {
        PrintStream before = System.err;
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        System.setErr(new PrintStream(seen, true, StandardCharsets.UTF_8));
        try {
            action.get();
        } finally {
            System.setErr(before);
        }
        String log = seen.toString(StandardCharsets.UTF_8);
        before.print(log);
        return log;
    }
}
