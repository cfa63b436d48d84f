package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linkway.server.WebhookReceiver.eventually;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.events.WebhookSettings;
import org.linkway.server.testing.LinkwayTestServer;
import tools.jackson.databind.JsonNode;

/**
 * One receiver's trouble is its own: a receiver that accepts the connection and never answers
 * holds only its subscription's lane, a failing one is held back by its circuit breaker and gets
 * every event, in order, once it recovers. Real HTTP on loopback; no timing thresholds: each test
 * asserts what a dispatcher that waited for the slowest receiver could not do.
 */
class WebhookIsolationTest {

    /**
     * A minute to answer: far longer than the test takes, so while it runs the hanging receiver's
     * first attempt is still open. Short retries and circuit waits so recovery is quick.
     */
    static final WebhookSettings SETTINGS = new WebhookSettings(
            Duration.ofMillis(300),
            Duration.ofSeconds(2),
            Duration.ofSeconds(60),
            Duration.ofMillis(30),
            16,
            Duration.ofSeconds(5),
            4,
            3);

    @RegisterExtension
    static final LinkwayTestServer server = LinkwayTestServer.sqlite().configure(c -> c.withWebhooks(SETTINGS));

    @Test
    void a_hanging_receiver_holds_only_its_own_lane_while_a_healthy_one_gets_every_event() {
        ApiClient api = new ApiClient(server.port());
        try (HangingReceiver hanging = HangingReceiver.start();
                WebhookReceiver healthy = WebhookReceiver.start()) {
            // the hanging one subscribes first, so a dispatcher serving in order would meet it first
            String hangingSub = subscribe(api, hanging.url());
            String healthySub = subscribe(api, healthy.url());
            List<String> referrals = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                referrals.add(createAndAccept(api));
            }
            Set<String> expected = eventIds(api, referrals);
            eventually("the hanging receiver is sent its first delivery", () -> hanging.accepted() >= 1);
            eventually(
                    "the healthy receiver gets all " + expected.size() + " events",
                    () -> deliveredIds(healthy).containsAll(expected));

            // all of that while the hanging receiver still holds its first connection, unanswered:
            // a dispatcher that waits for every receiver each round could not have sent the
            // healthy one the referrals' second events before that attempt had timed out
            assertThat(hanging.abandoned())
                    .as("no attempt to the hanging receiver has timed out yet")
                    .isZero();
            assertThat(hanging.accepted())
                    .as("the hanging receiver holds at most its lane (%d attempts)", SETTINGS.perSubscriber())
                    .isBetween(1, SETTINGS.perSubscriber());
            WebhookContract.assertInOrderPerReferral(healthy.accepted());
            JsonNode lane = api.get("/v1/subscriptions/" + hangingSub)
                    .json()
                    .path("delivery")
                    .path("receiver");
            assertThat(lane.path("inFlight").asInt()).isBetween(1, SETTINGS.perSubscriber());
            assertThat(lane.path("circuit").asString()).isEqualTo("closed");
            api.delete("/v1/subscriptions/" + hangingSub);
            api.delete("/v1/subscriptions/" + healthySub);
        }
    }

    @Test
    void one_subscription_gets_several_referrals_at_once_and_each_referral_in_order() throws Exception {
        ApiClient api = new ApiClient(server.port());
        try (PairingReceiver receiver = PairingReceiver.start()) {
            String sub = subscribe(api, receiver.url());
            List<String> referrals = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String id = createAndAccept(api);
                assertThat(api.postJson(
                                        "/v1/referrals/" + id + "/transitions",
                                        "{\"to\":\"in-progress\"}",
                                        "If-Match",
                                        "\"2\"")
                                .status())
                        .isEqualTo(200);
                referrals.add(id);
            }
            Set<String> expected = eventIds(api, referrals);
            eventually("every event delivered", () -> receiver.ids().containsAll(expected));

            // the first delivery is held until a second one arrives beside it (or 10 s pass):
            // only a lane with room for more than one attempt lets that happen
            assertThat(receiver.mostAtOnce())
                    .as("deliveries in flight at once to one subscription")
                    .isBetween(2, SETTINGS.perSubscriber());
            assertThat(receiver.pairedFirst())
                    .as("the first delivery met a second one")
                    .isTrue();
            // events of one referral never overlap: each waits for the one before it to be acknowledged
            Map<String, Long> last = new HashMap<>();
            for (JsonNode e : receiver.inArrivalOrder()) {
                Long before = last.put(
                        e.path("referralId").asString(), e.path("sequence").asLong());
                if (before != null) {
                    assertThat(e.path("sequence").asLong()).isGreaterThan(before);
                }
            }
            api.delete("/v1/subscriptions/" + sub);
        }
    }

    @Test
    void a_failing_receiver_is_held_back_by_its_circuit_and_gets_every_event_in_order_once_it_recovers() {
        ApiClient api = new ApiClient(server.port());
        try (WebhookReceiver failing = WebhookReceiver.start()) {
            failing.refuseNext(Integer.MAX_VALUE);
            String sub = subscribe(api, failing.url());
            List<String> referrals = List.of(createAndAccept(api), createAndAccept(api), createAndAccept(api));
            Set<String> expected = eventIds(api, referrals);
            eventually(
                    "the circuit opens after " + SETTINGS.breakAfter() + " failures in a row",
                    () -> "open"
                            .equals(api.get("/v1/subscriptions/" + sub)
                                    .json()
                                    .path("delivery")
                                    .path("receiver")
                                    .path("circuit")
                                    .asString("")));
            int refusedWhenOpened = failing.deliveries().size();
            assertThat(refusedWhenOpened).isGreaterThanOrEqualTo(SETTINGS.breakAfter());

            failing.refuseNext(0); // the receiver recovers
            eventually(
                    "every event delivered after the circuit closes",
                    () -> deliveredIds(failing).containsAll(expected));
            WebhookContract.assertInOrderPerReferral(failing.accepted());
            eventually(
                    "nothing left pending",
                    () -> api.get("/v1/subscriptions/" + sub)
                                    .json()
                                    .path("delivery")
                                    .path("pending")
                                    .asLong()
                            == 0);
            JsonNode delivery = api.get("/v1/subscriptions/" + sub).json().path("delivery");
            assertThat(delivery.path("receiver").path("circuit").asString("closed"))
                    .as("a success closes the circuit")
                    .isEqualTo("closed");
            // a retry is the same event: every refused id was later acknowledged with the same body
            Map<String, String> acknowledged = new HashMap<>();
            failing.accepted().forEach(d -> acknowledged.put(d.header("webhook-id"), new String(d.body())));
            failing.deliveries().stream()
                    .filter(d -> d.answeredWith() == 503)
                    .forEach(d ->
                            assertThat(acknowledged.get(d.header("webhook-id"))).isEqualTo(new String(d.body())));
            api.delete("/v1/subscriptions/" + sub);
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    static String subscribe(ApiClient api, String url) {
        ApiClient.Answer created = api.postJson("/v1/subscriptions", "{\"url\":\"" + url + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    static String createAndAccept(ApiClient api) {
        ApiClient.Answer created = api.postJson("/v1/referrals", ReferralApiContract.example(ReferralApiContract.FULL));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(api.postJson("/v1/referrals/" + id + "/transitions", "{\"to\":\"accepted\"}", "If-Match", "\"1\"")
                        .status())
                .isEqualTo(200);
        return id;
    }

    static Set<String> eventIds(ApiClient api, List<String> referrals) {
        Set<String> ids = new HashSet<>();
        for (String r : referrals) {
            api.get("/v1/referrals/" + r + "/events")
                    .json()
                    .path("items")
                    .forEach(e -> ids.add(e.path("id").asString()));
        }
        return ids;
    }

    static Set<String> deliveredIds(WebhookReceiver receiver) {
        Set<String> ids = new HashSet<>();
        receiver.accepted().forEach(d -> ids.add(d.header("webhook-id")));
        return ids;
    }

    /**
     * A receiver that answers on many threads, holding its first delivery until a second one is
     * in flight beside it, and counting the most it ever had at once.
     */
    static final class PairingReceiver implements AutoCloseable {
        private final HttpServer http;
        private final ExecutorService threads = Executors.newCachedThreadPool();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger most = new AtomicInteger();
        private final List<JsonNode> arrived = new ArrayList<>();
        private final Object pairing = new Object();
        private boolean first = true;
        private volatile boolean paired;

        private PairingReceiver(HttpServer http) {
            this.http = http;
            http.setExecutor(threads);
            http.createContext("/hook", exchange -> {
                int now = inFlight.incrementAndGet();
                most.accumulateAndGet(now, Math::max);
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                synchronized (pairing) {
                    arrived.add(LinkwayJson.mapper().readTree(body));
                    pairing.notifyAll();
                    if (first) {
                        first = false;
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                        while (inFlight.get() < 2 && System.nanoTime() < deadline) {
                            try {
                                pairing.wait(100);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                break;
                            }
                        }
                        paired = inFlight.get() >= 2;
                    }
                }
                inFlight.decrementAndGet();
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            http.start();
        }

        static PairingReceiver start() {
            try {
                return new PairingReceiver(
                        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String url() {
            return "http://127.0.0.1:" + http.getAddress().getPort() + "/hook";
        }

        int mostAtOnce() {
            return most.get();
        }

        boolean pairedFirst() {
            return paired;
        }

        List<JsonNode> inArrivalOrder() {
            synchronized (pairing) {
                return List.copyOf(arrived);
            }
        }

        Set<String> ids() {
            Set<String> ids = new HashSet<>();
            inArrivalOrder().forEach(e -> ids.add(e.path("id").asString()));
            return ids;
        }

        @Override
        public void close() {
            http.stop(0);
            threads.shutdownNow();
        }
    }
}
