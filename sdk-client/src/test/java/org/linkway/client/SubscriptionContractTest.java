package org.linkway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linkway.client.error.NotFoundException;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.JsonNode;

/**
 * The subscription calls against the webhook contract's own example answers, served on loopback
 * by a stand-in until the reference server has {@code /v1/subscriptions} (then
 * {@link SubscriptionClientTest} runs against the real thing). Checks what the client sends and
 * how it reads each answer.
 */
class SubscriptionContractTest {

    record Received(String method, String path, String idempotencyKey, String contentType, String body) {}

    static final String ID = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
    static final String SECRET = "whsec_bm90LWEtcmVhbC1zZWNyZXQtanVzdC1hLXRlc3QtMzI=";
    static HttpServer stand;
    static LinkwayClient client;
    static final List<Received> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        stand = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stand.createContext("/v1/subscriptions", SubscriptionContractTest::answer);
        stand.start();
        client = LinkwayClient.builder()
                .baseUrl("http://127.0.0.1:" + stand.getAddress().getPort())
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    @AfterAll
    static void stop() {
        stand.stop(0);
    }

    private static void answer(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = x.getRequestURI().getPath();
        received.add(new Received(
                x.getRequestMethod(),
                path,
                x.getRequestHeaders().getFirst("Idempotency-Key"),
                x.getRequestHeaders().getFirst("Content-Type"),
                body));
        String stored =
                "{\"id\":\"" + ID + "\",\"url\":\"https://receiver.example/hook\",\"types\":[\"referral.received\"],"
                        + "\"referrerOrg\":\"A81001\",\"after\":41,\"status\":\"active\",\"createdAt\":\"2026-11-27T03:00:00Z\"";
        switch (x.getRequestMethod() + " " + path) {
            case "POST /v1/subscriptions" ->
                send(x, 201, "application/json", stored + ",\"secret\":\"" + SECRET + "\"}");
            case "GET /v1/subscriptions" ->
                send(x, 200, "application/json", "{\"items\":[" + stored + "}],\"nextCursor\":null}");
            case "GET /v1/subscriptions/" + ID ->
                send(
                        x,
                        200,
                        "application/json",
                        stored + ",\"delivery\":{\"pending\":2,"
                                + "\"delivered\":40,\"lastAttemptAt\":\"2026-11-27T03:10:00Z\",\"lastError\":\"HTTP 500\","
                                + "\"nextAttemptAt\":\"2026-11-27T03:10:04Z\"}}");
            case "DELETE /v1/subscriptions/" + ID -> {
                x.sendResponseHeaders(204, -1);
                x.close();
            }
            default ->
                send(
                        x,
                        404,
                        "application/problem+json",
                        "{\"type\":\"urn:linkway:problem:not-found\",\"title\":\"Not found\","
                                + "\"status\":404,\"detail\":\"there is no subscription\",\"instance\":\"" + path
                                + "\",\"requestId\":\"r-404\"}");
        }
    }

    private static void send(HttpExchange x, int status, String type, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.getResponseHeaders().set("X-Request-Id", "r-" + status);
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Test
    void create_sends_the_request_members_under_an_idempotency_key_and_reads_the_secret() {
        received.clear();
        Subscription s = client.subscriptions()
                .create(SubscriptionRequest.builder()
                        .url(URI.create("https://receiver.example/hook"))
                        .types(List.of("referral.received"))
                        .referrerOrg("A81001")
                        .after(41)
                        .build());

        Received sent = received.get(0);
        JsonNode body = LinkwayJson.mapper().readTree(sent.body());
        assertThat(sent.idempotencyKey()).isNotBlank();
        assertThat(sent.contentType()).isEqualTo("application/json");
        assertThat(body.path("url").asString()).isEqualTo("https://receiver.example/hook");
        assertThat(body.path("types").get(0).asString()).isEqualTo("referral.received");
        assertThat(body.path("referrerOrg").asString()).isEqualTo("A81001");
        assertThat(body.path("after").asLong()).isEqualTo(41);

        assertThat(s.id()).isEqualTo(ID);
        assertThat(s.secret()).contains(SECRET);
        assertThat(s.after()).isEqualTo(41);
        assertThat(s.createdAt()).isEqualTo(Instant.parse("2026-11-27T03:00:00Z"));
        assertThat(s.toString()).doesNotContain(SECRET);
    }

    @Test
    void a_request_without_filters_sends_only_the_url() {
        received.clear();
        client.subscriptions()
                .create(
                        SubscriptionRequest.builder()
                                .url(URI.create("https://receiver.example/hook"))
                                .build(),
                        "my-key");

        assertThat(LinkwayJson.mapper().readTree(received.get(0).body()).propertyNames())
                .containsExactly("url");
        assertThat(received.get(0).idempotencyKey()).isEqualTo("my-key");
    }

    @Test
    void get_reads_the_delivery_progress_and_list_reads_items() {
        Subscription s = client.subscriptions().get(ID);

        assertThat(s.secret()).isEmpty();
        assertThat(s.referrerOrg()).contains("A81001");
        assertThat(s.delivery()).hasValueSatisfying(d -> {
            assertThat(d.pending()).isEqualTo(2);
            assertThat(d.delivered()).isEqualTo(40);
            assertThat(d.lastError()).isEqualTo("HTTP 500");
            assertThat(d.lastDeliveredAt()).isNull();
            assertThat(d.nextAttemptAt()).isEqualTo(Instant.parse("2026-11-27T03:10:04Z"));
        });
        assertThat(client.subscriptions().list()).extracting(Subscription::id).containsExactly(ID);
    }

    @Test
    void delete_answers_nothing_and_an_unknown_id_is_not_found() {
        client.subscriptions().delete(ID);
        assertThatThrownBy(() -> client.subscriptions().delete("unknown"))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.requestId()).isEqualTo("r-404"));
    }
}
