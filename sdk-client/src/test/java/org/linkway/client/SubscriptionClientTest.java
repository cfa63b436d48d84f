package org.linkway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.client.error.NotFoundException;
import org.linkway.client.error.WebhookVerificationException;
import org.linkway.client.webhook.WebhookVerifier;
import org.linkway.crypto.SigningKey;
import org.linkway.crypto.TrustedKeys;
import org.linkway.model.Referral;

/**
 * Subscriptions and signed deliveries end to end, written to the webhook contract. The tests
 * that need the server's {@code /v1/subscriptions} are skipped (not failed) while the reference
 * server answers 404 there, and run as soon as it serves them.
 */
class SubscriptionClientTest {

    record Delivery(Map<String, List<String>> headers, byte[] body) {}

    @RegisterExtension
    static final TestServer server = TestServer.sqlite();

    static LinkwayClient client;
    static HttpServer receiver;
    static final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws IOException {
        client = server.client();
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            deliveries.add(new Delivery(
                    Map.copyOf(exchange.getRequestHeaders()),
                    exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
    }

    static URI hook() {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    }

    static void assumeServerHasSubscriptions() {
        try {
            client.subscriptions().list().firstPage();
        } catch (NotFoundException e) {
            Assumptions.abort("the server does not serve /v1/subscriptions yet (404 " + e.code() + ")");
        }
    }

    @Test
    void a_subscription_is_created_with_its_secret_once_read_listed_and_deleted() {
        assumeServerHasSubscriptions();
        Subscription created = client.subscriptions()
                .create(SubscriptionRequest.builder()
                        .url(hook())
                        .types(List.of("referral.received"))
                        .build());

        assertThat(created.secret()).hasValueSatisfying(s -> assertThat(s).startsWith("whsec_"));
        assertThat(created.status()).isEqualTo("active");
        assertThat(created.types()).containsExactly("referral.received");

        Subscription read = client.subscriptions().get(created.id());
        assertThat(read.secret()).isEmpty();
        assertThat(read.delivery()).isPresent();
        assertThat(read.url()).isEqualTo(hook());
        assertThat(client.subscriptions().list()).extracting(Subscription::id).contains(created.id());
        assertThat(client.subscriptions().list())
                .allSatisfy(s -> assertThat(s.secret()).isEmpty());

        client.subscriptions().delete(created.id());
        assertThatThrownBy(() -> client.subscriptions().get(created.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.subscriptions().delete(created.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void the_same_idempotency_key_answers_the_same_subscription() {
        assumeServerHasSubscriptions();
        String key = "sub-" + UUID.randomUUID();
        SubscriptionRequest request =
                SubscriptionRequest.builder().url(hook()).referrerOrg("Z9999").build();

        Subscription first = client.subscriptions().create(request, key);
        Subscription again = client.subscriptions().create(request, key);

        assertThat(again.id()).isEqualTo(first.id());
        client.subscriptions().delete(first.id());
    }

    @Test
    void a_delivery_also_carries_the_servers_jws_which_verifies_against_its_published_keys() throws Exception {
        assumeServerHasSubscriptions();
        deliveries.clear();
        Subscription sub = client.subscriptions()
                .create(SubscriptionRequest.builder()
                        .url(hook())
                        .types(List.of("referral.received"))
                        .build());
        WebhookVerifier verifier = WebhookVerifier.builder()
                .secret(sub.secret().orElseThrow())
                .signingKeys(TrustedKeys.fromJwks(client.serverKeys()))
                .build();
        WebhookVerifier wrongKeys = WebhookVerifier.builder()
                .secret(sub.secret().orElseThrow())
                .signingKeys(SigningKey.generateEd25519("not-the-server").publicKeys())
                .build();
        try {
            Versioned<Referral> created = client.referrals().create(Fixtures.referral("hooked-jws"));
            Delivery delivery = deliveries.poll(60, TimeUnit.SECONDS);
            assertThat(delivery).as("a delivery within a minute").isNotNull();
            assertThat(verifier.verify(delivery.headers(), delivery.body()).referralId())
                    .isEqualTo(created.value().getId());
            assertThatThrownBy(() -> wrongKeys.verify(delivery.headers(), delivery.body()))
                    .isInstanceOfSatisfying(
                            WebhookVerificationException.class,
                            e -> assertThat(e.code()).isEqualTo("webhook-jws-invalid"));
            String jws = delivery.headers().entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase("Linkway-Signature"))
                    .findFirst()
                    .orElseThrow()
                    .getValue()
                    .get(0);
            byte[] tampered = new String(delivery.body(), StandardCharsets.UTF_8)
                    .replace("referral.received", "referral.accepted")
                    .getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> verifier.verifyServerSignature(jws, tampered))
                    .isInstanceOfSatisfying(
                            WebhookVerificationException.class,
                            e -> assertThat(e.code()).isEqualTo("webhook-jws-invalid"));
            Map<String, List<String>> unsigned = new HashMap<>(delivery.headers());
            unsigned.keySet().removeIf(k -> k.equalsIgnoreCase("Linkway-Signature"));
            assertThatThrownBy(() -> verifier.verify(unsigned, delivery.body()))
                    .isInstanceOfSatisfying(
                            WebhookVerificationException.class,
                            e -> assertThat(e.code()).isEqualTo("webhook-missing-header"));
        } finally {
            client.subscriptions().delete(sub.id());
        }
    }

    @Test
    void a_delivery_verifies_with_the_subscription_secret_and_reads_as_the_event() throws InterruptedException {
        assumeServerHasSubscriptions();
        deliveries.clear();
        Subscription sub = client.subscriptions()
                .create(SubscriptionRequest.builder()
                        .url(hook())
                        .types(List.of("referral.received"))
                        .build());
        WebhookVerifier verifier =
                WebhookVerifier.builder().secret(sub.secret().orElseThrow()).build();
        try {
            Versioned<Referral> created = client.referrals().create(Fixtures.referral("hooked"));

            Delivery delivery = deliveries.poll(60, TimeUnit.SECONDS);

            assertThat(delivery).as("a delivery within a minute").isNotNull();
            Event event = verifier.verify(delivery.headers(), delivery.body());
            assertThat(event.type()).isEqualTo("referral.received");
            assertThat(event.referralId()).isEqualTo(created.value().getId());
            assertThat(delivery.headers().get("Linkway-subscription-id")).containsExactly(sub.id());
            // a byte changed on the way is caught
            byte[] tampered = delivery.body().clone();
            tampered[tampered.length - 2] ^= 1;
            assertThatThrownBy(() -> verifier.verify(delivery.headers(), tampered))
                    .isInstanceOf(WebhookVerificationException.class);
        } finally {
            client.subscriptions().delete(sub.id());
        }
    }

    @Test
    void a_request_the_contract_forbids_is_refused_before_anything_is_sent() {
        assertThatThrownBy(() -> SubscriptionRequest.builder().url(URI.create("ftp://127.0.0.1/hook")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("url");
        assertThatThrownBy(() -> SubscriptionRequest.builder().types(List.of("Referral.Received")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("types");
        assertThatThrownBy(() -> SubscriptionRequest.builder().types(List.of("referral.received", "referral.received")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("repeat");
        assertThatThrownBy(() -> SubscriptionRequest.builder().build()).isInstanceOf(InvalidArgumentException.class);
    }
}
