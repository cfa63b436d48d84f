package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linkway.server.WebhookReceiver.eventually;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.events.WebhookSettings;
import org.linkway.server.testing.LinkwayTestServer;
import org.linkway.server.testing.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks over real HTTP on loopback: subscriptions, signed deliveries, order per referral, and
 * a receiver that is refusing or unreachable getting its events later. Subclasses run it on
 * SQLite and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebhookContract {

    /** Fast retries so a test sees several attempts in well under a second. */
    static final WebhookSettings FAST = new WebhookSettings(
            Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofSeconds(5), Duration.ofMillis(30), 16);

    LinkwayServer server;
    ApiClient api;

    /** The running server, registered by each subclass on its database with {@link #server}. */
    LinkwayTestServer running;

    /** What each subclass registers: {@code @RegisterExtension static final LinkwayTestServer testServer = server(TestDatabase.X);} */
    static LinkwayTestServer server(TestDatabase database) {
        return LinkwayTestServer.on(database).configure(c -> c.withWebhooks(FAST));
    }

    @BeforeAll
    void start(LinkwayTestServer running) {
        this.running = running;
        server = running.server();
        api = new ApiClient(server.port());
    }

    // --- the subscription resource ---------------------------------------------------------------

    @Test
    void a_subscription_is_created_with_its_secret_once_then_read_listed_and_deleted() {
        ApiClient.Answer created = subscribe("{\"url\":\"http://127.0.0.1:9/hook\",\"types\":[\"referral.received\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode s = created.json();
        String id = s.path("id").asString();
        assertThat(created.header("Location")).isEqualTo("/v1/subscriptions/" + id);
        assertThat(s.path("secret").asString()).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(s.path("secret").asString().substring(6)))
                .hasSize(32);
        assertThat(s.path("status").asString()).isEqualTo("active");
        assertThat(s.path("types").get(0).asString()).isEqualTo("referral.received");

        ApiClient.Answer read = api.get("/v1/subscriptions/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().has("secret"))
                .as("the secret is shown only once")
                .isFalse();
        assertThat(read.json().path("delivery").path("pending").asLong()).isZero();
        assertThat(api.get("/v1/subscriptions").json().path("items").findValuesAsString("id"))
                .contains(id);

        assertThat(api.delete("/v1/subscriptions/" + id).status()).isEqualTo(204);
        assertThat(api.get("/v1/subscriptions/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/v1/subscriptions/" + id).status()).isEqualTo(404);
        assertThat(api.get("/v1/subscriptions").json().path("items").findValuesAsString("id"))
                .doesNotContain(id);
    }

    @Test
    void a_bad_subscription_is_refused_naming_each_field_and_rule() {
        ApiClient.Answer bad = subscribe("{\"url\":\"ftp://127.0.0.1/x\",\"types\":[\"Referral\",\"a.b\",\"a.b\"],"
                + "\"after\":-1,\"referrerOrg\":\"A 1\",\"colour\":\"blue\"}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.json().path("type").asString()).isEqualTo("urn:linkway:problem:invalid-subscription");
        Map<String, String> rules = new HashMap<>();
        bad.json()
                .path("findings")
                .forEach(f ->
                        rules.put(f.path("pointer").asString(), f.path("ruleId").asString()));
        assertThat(rules)
                .containsEntry("/url", "LW-SUBSCRIPTION-URL")
                .containsEntry("/types/0", "LW-SUBSCRIPTION-TYPES")
                .containsEntry("/types/2", "LW-SUBSCRIPTION-TYPES")
                .containsEntry("/after", "LW-SUBSCRIPTION-AFTER")
                .containsEntry("/referrerOrg", "LW-SUBSCRIPTION-ORG")
                .containsEntry("/colour", "LW-SUBSCRIPTION-FIELD")
                .hasSize(6);

        assertThat(subscribe("{}")
                        .json()
                        .path("findings")
                        .get(0)
                        .path("pointer")
                        .asString())
                .isEqualTo("/url");
        assertThat(subscribe("{\"url\":\"http://user:pw@127.0.0.1/x\"}").status())
                .isEqualTo(422);
        assertThat(subscribe("{\"url\":\"/relative\"}").status()).isEqualTo(422);
        assertThat(subscribe("[1]").status()).isEqualTo(400);
        assertThat(subscribe("{\"url\":").status()).isEqualTo(400);
        assertThat(api.post("/v1/subscriptions", "{\"url\":\"http://127.0.0.1/x\"}", "Content-Type", "text/plain")
                        .status())
                .isEqualTo(415);
        assertThat(api.get("/v1/subscriptions").json().path("items").findValuesAsString("url"))
                .doesNotContain("ftp://127.0.0.1/x");
    }

    // --- deliveries ----------------------------------------------------------------------------

    @Test
    void every_event_is_delivered_signed_and_in_order_per_referral() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            JsonNode sub = subscribe("{\"url\":\"" + receiver.url() + "\"}").json();
            List<String> referrals = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                referrals.add(createAndAccept());
            }
            Set<String> expected = eventIds(referrals);
            eventually(
                    "all " + expected.size() + " events delivered",
                    () -> delivered(receiver).keySet().containsAll(expected));

            String secret = sub.path("secret").asString();
            for (WebhookReceiver.Delivery d : receiver.accepted()) {
                assertThat(d.header("webhook-signature")).isEqualTo(expectedSignature(secret, d));
                assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(d.header("webhook-timestamp"))))
                        .isLessThan(300);
                assertThat(d.header("linkway-subscription-id"))
                        .isEqualTo(sub.path("id").asString());
                assertThat(d.header("content-type")).startsWith("application/json");
                JsonNode event = LinkwayJson.mapper().readTree(d.body());
                assertThat(event.path("id").asString()).isEqualTo(d.header("webhook-id"));
            }
            assertInOrderPerReferral(receiver.accepted());
            // the pushed event is the pulled event
            JsonNode pulled = api.get("/v1/referrals/" + referrals.get(0) + "/events")
                    .json()
                    .path("items")
                    .get(0);
            assertThat(delivered(receiver).get(pulled.path("id").asString())).isEqualTo(pulled);
            api.delete("/v1/subscriptions/" + sub.path("id").asString());
        }
    }

    @Test
    void a_refusing_receiver_gets_every_event_later_still_in_order() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.refuseNext(7);
            String subId = subscribe("{\"url\":\"" + receiver.url() + "\"}")
                    .json()
                    .path("id")
                    .asString();
            List<String> referrals = List.of(createAndAccept(), createAndAccept());
            Set<String> expected = eventIds(referrals);
            eventually(
                    "events delivered after the refusals",
                    () -> delivered(receiver).keySet().containsAll(expected));

            assertThat(receiver.deliveries().stream().filter(d -> d.answeredWith() == 503))
                    .hasSize(7);
            assertThat(receiver.accepted().stream().map(d -> d.header("linkway-delivery-attempt")))
                    .as("some events needed more than one attempt")
                    .anyMatch(a -> Integer.parseInt(a) > 1);
            // a retry is the same event: same id, same body
            Map<String, byte[]> firstBody = new HashMap<>();
            for (WebhookReceiver.Delivery d : receiver.deliveries()) {
                byte[] earlier = firstBody.putIfAbsent(d.header("webhook-id"), d.body());
                if (earlier != null) {
                    assertThat(d.body()).isEqualTo(earlier);
                }
            }
            assertInOrderPerReferral(receiver.accepted());
            eventually(
                    "stats caught up",
                    () -> api.get("/v1/subscriptions/" + subId)
                                    .json()
                                    .path("delivery")
                                    .path("pending")
                                    .asLong()
                            == 0);
            JsonNode stats = api.get("/v1/subscriptions/" + subId).json().path("delivery");
            assertThat(stats.path("delivered").asLong()).isGreaterThanOrEqualTo(expected.size());
            api.delete("/v1/subscriptions/" + subId);
        }
    }

    @Test
    void a_receiver_that_is_down_gets_its_events_when_it_comes_back() {
        int port = WebhookReceiver.freePort();
        String subId = subscribe("{\"url\":\"http://127.0.0.1:" + port + "/hook\"}")
                .json()
                .path("id")
                .asString();
        List<String> referrals = List.of(createAndAccept());
        Set<String> expected = eventIds(referrals);
        // the dispatcher may scan between the two events, so wait for both to be pending, not just for a failure
        eventually("a failed attempt recorded with every event pending", () -> {
            JsonNode delivery = api.get("/v1/subscriptions/" + subId).json().path("delivery");
            return delivery.has("lastError") && delivery.path("pending").asLong() == expected.size();
        });
        JsonNode stats = api.get("/v1/subscriptions/" + subId).json().path("delivery");
        assertThat(stats.path("lastError").asString()).containsIgnoringCase("connect");
        assertThat(stats.has("nextAttemptAt")).isTrue();

        try (WebhookReceiver receiver = WebhookReceiver.on(port)) {
            eventually(
                    "events delivered once the receiver is back",
                    () -> delivered(receiver).keySet().containsAll(expected));
            assertInOrderPerReferral(receiver.accepted());
        }
        api.delete("/v1/subscriptions/" + subId);
    }

    @Test
    void filters_and_replay_choose_what_a_subscriber_gets() {
        String early = createAndAccept();
        try (WebhookReceiver all = WebhookReceiver.start();
                WebhookReceiver statusOnly = WebhookReceiver.start();
                WebhookReceiver otherOrg = WebhookReceiver.start()) {
            String a = subscribe("{\"url\":\"" + all.url() + "\",\"after\":0}")
                    .json()
                    .path("id")
                    .asString();
            String b = subscribe("{\"url\":\"" + statusOnly.url() + "\",\"types\":[\"referral.status-changed\"]}")
                    .json()
                    .path("id")
                    .asString();
            String c = subscribe("{\"url\":\"" + otherOrg.url() + "\",\"referrerOrg\":\"ZZ9999\"}")
                    .json()
                    .path("id")
                    .asString();
            String late = createAndAccept();

            eventually(
                    "replay from 0 includes the referral made before subscribing",
                    () -> delivered(all).keySet().containsAll(eventIds(List.of(early, late))));
            eventually("the status change arrives", () -> delivered(statusOnly).size() == 1);
            assertThat(delivered(statusOnly).values())
                    .allMatch(e -> e.path("type").asString().equals("referral.status-changed")
                            && e.path("referralId").asString().equals(late));
            // the filtered-out subscriber has been scanned past the late events and was sent nothing
            eventually(
                    "scan passes the late events", () -> delivered(all).keySet().containsAll(eventIds(List.of(late))));
            assertThat(api.get("/v1/subscriptions/" + c)
                            .json()
                            .path("delivery")
                            .path("pending")
                            .asLong())
                    .isZero();
            assertThat(otherOrg.deliveries()).isEmpty();
            for (String id : List.of(a, b, c)) {
                api.delete("/v1/subscriptions/" + id);
            }
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    ApiClient.Answer subscribe(String body) {
        return api.postJson("/v1/subscriptions", body);
    }

    /** A referral received then accepted: two events. */
    String createAndAccept() {
        ApiClient.Answer created = api.postJson("/v1/referrals", ReferralApiContract.example(ReferralApiContract.FULL));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(api.postJson("/v1/referrals/" + id + "/transitions", "{\"to\":\"accepted\"}", "If-Match", "\"1\"")
                        .status())
                .isEqualTo(200);
        return id;
    }

    Set<String> eventIds(List<String> referrals) {
        Set<String> ids = new HashSet<>();
        for (String r : referrals) {
            api.get("/v1/referrals/" + r + "/events")
                    .json()
                    .path("items")
                    .forEach(e -> ids.add(e.path("id").asString()));
        }
        assertThat(ids).hasSizeGreaterThanOrEqualTo(2 * referrals.size());
        return ids;
    }

    static Map<String, JsonNode> delivered(WebhookReceiver receiver) {
        Map<String, JsonNode> byId = new HashMap<>();
        for (WebhookReceiver.Delivery d : receiver.accepted()) {
            byId.put(d.header("webhook-id"), LinkwayJson.mapper().readTree(d.body()));
        }
        return byId;
    }

    /** Acknowledged deliveries of each referral arrive in the order of their sequence. */
    static void assertInOrderPerReferral(List<WebhookReceiver.Delivery> accepted) {
        Map<String, Long> lastSeen = new HashMap<>();
        for (WebhookReceiver.Delivery d : accepted) {
            JsonNode e = LinkwayJson.mapper().readTree(d.body());
            long sequence = e.path("sequence").asLong();
            Long before = lastSeen.put(e.path("referralId").asString(), sequence);
            if (before != null) {
                assertThat(sequence)
                        .as(
                                "referral %s: event %d acknowledged after %d",
                                e.path("referralId").asString(), sequence, before)
                        .isGreaterThanOrEqualTo(before);
            }
        }
    }

    /** Computed here from the Standard Webhooks rule, independently of the server's code. */
    static String expectedSignature(String secret, WebhookReceiver.Delivery d) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update(
                (d.header("webhook-id") + "." + d.header("webhook-timestamp") + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(d.body()));
    }
}
