package org.linkway.conformance.broken;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.conformance.HttpExchange;
import org.linkway.conformance.Outcome;
import org.linkway.conformance.Profile;
import org.linkway.conformance.RequirementVerdict;
import org.linkway.conformance.SuiteResult;
import org.linkway.conformance.TestResult;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.testing.LinkwayTestServer;
import tools.jackson.databind.node.ObjectNode;

/**
 * Webhook deliveries as the kit records them, and pushed events duplicated under new ids: EV-05
 * keeps each delivery its receiver got among its exchanges; a server whose pushes reach the
 * subscriber twice, the second time under a new (properly signed) id, fails LW-EVT-012 only.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DuplicatePushVariantTest {

    @RegisterExtension
    static final LinkwayTestServer testServer = LinkwayTestServer.sqlite();

    @Test
    void the_deliveries_are_among_ev_05s_exchanges_and_the_reference_server_pushes_each_change_once() {
        SuiteResult result = KitRun.through(testServer.server(), Breakages.none(), Profile.EVENTS, "EV-05");
        TestResult ev05 = result.results().stream()
                .filter(r -> r.id().equals("EV-05"))
                .findFirst()
                .orElseThrow();
        assertThat(ev05.outcome()).as(ev05.message()).isEqualTo(Outcome.PASS);
        assertThat(ev05.verdicts()).containsEntry("LW-EVT-012", RequirementVerdict.PASS);
        var deliveries = ev05.exchanges().stream()
                .filter(x -> x.method().equals("POST") && x.url().endsWith("/hook"))
                .toList();
        assertThat(deliveries).isNotEmpty().allSatisfy(DuplicatePushVariantTest::isADelivery);
    }

    private static void isADelivery(HttpExchange x) {
        assertThat(x.requestHeaders()).containsKeys("webhook-id", "webhook-signature", "webhook-timestamp");
        assertThat(x.status()).isEqualTo(204);
        assertThat(LinkwayJson.mapper().readTree(x.requestBody()).path("id").asString())
                .isEqualTo(x.requestHeaders().get("webhook-id").get(0));
    }

    @Test
    void a_server_pushing_a_change_again_under_a_new_id_fails_lw_evt_012_only() throws IOException {
        try (Relay relay = new Relay()) {
            SuiteResult result = KitRun.through(testServer.server(), relay.breakage(), Profile.EVENTS, "EV-05");
            assertThat(relay.duplicated).as("the relay pushed duplicates").isPositive();
            BrokenVariantsTest.failsExactlyOn(result, "LW-EVT-012", Set.of());
            TestResult ev05 = result.failures().get(0);
            assertThat(ev05.verdicts())
                    .containsEntry("LW-EVT-005", RequirementVerdict.PASS)
                    .containsEntry("LW-EVT-006", RequirementVerdict.PASS)
                    .containsEntry("LW-EVT-007", RequirementVerdict.PASS);
            assertThat(ev05.message()).contains("dup-");
        }
    }

    /**
     * Stands between the server and the kit's receiver (the subscription's URL is swapped for the
     * relay's on the way in): passes each delivery on, then pushes it again under a new id, signed
     * with the subscription's own secret so only the duplication is wrong.
     */
    static final class Relay implements AutoCloseable {
        private final HttpServer server;
        private final HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        volatile String target;
        volatile String secret;
        volatile int duplicated;

        Relay() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            server.createContext("/relay", ex -> {
                try (ex) {
                    byte[] body;
                    try (InputStream in = ex.getRequestBody()) {
                        body = in.readAllBytes();
                    }
                    String id = ex.getRequestHeaders().getFirst("webhook-id");
                    String ts = ex.getRequestHeaders().getFirst("webhook-timestamp");
                    int status = forward(id, ts, ex.getRequestHeaders().getFirst("webhook-signature"), body);
                    if (status / 100 == 2 && secret != null) {
                        ObjectNode copy = (ObjectNode) LinkwayJson.mapper().readTree(body);
                        String newId = "dup-" + id;
                        copy.put("id", newId);
                        byte[] again = copy.toString().getBytes(StandardCharsets.UTF_8);
                        forward(newId, ts, "v1," + sign(newId, ts, again), again);
                        duplicated++;
                    }
                    ex.sendResponseHeaders(status, -1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    ex.sendResponseHeaders(503, -1);
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/relay";
        }

        private int forward(String id, String ts, String signature, byte[] body)
                throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(target))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", ts)
                    .header("webhook-signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        private String sign(String id, String ts, byte[] body) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(
                        Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
                mac.update((id + "." + ts + ".").getBytes(StandardCharsets.UTF_8));
                return Base64.getEncoder().encodeToString(mac.doFinal(body));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Swaps the subscription's URL for the relay's, and learns the secret from the answer. */
        BreakingProxy.Breakage breakage() {
            return new BreakingProxy.Breakage() {
                @Override
                public Object before(BreakingProxy.Request r, BreakingProxy upstream) {
                    if (!r.method().equals("POST") || !r.path().equals("/v1/subscriptions")) {
                        return r;
                    }
                    ObjectNode sub = (ObjectNode) LinkwayJson.mapper().readTree(r.body());
                    target = sub.path("url").asString();
                    sub.put("url", url());
                    return new BreakingProxy.Request(
                            r.method(), r.path(), r.headers(), sub.toString().getBytes(StandardCharsets.UTF_8));
                }

                @Override
                public BreakingProxy.Reply after(BreakingProxy.Request r, BreakingProxy.Reply reply, BreakingProxy up) {
                    if (r.method().equals("POST") && r.path().equals("/v1/subscriptions") && reply.status() == 201) {
                        secret = LinkwayJson.mapper()
                                .readTree(reply.body())
                                .path("secret")
                                .asString();
                    }
                    return reply;
                }
            };
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
