package org.linkway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linkway.client.FaultProxy.Fault.DROP_AFTER_FORWARD;
import static org.linkway.client.FaultProxy.Fault.DROP_BEFORE_FORWARD;
import static org.linkway.client.FaultProxy.Fault.HANG;
import static org.linkway.client.FaultProxy.Fault.THROTTLED_FOR_AN_HOUR;
import static org.linkway.client.FaultProxy.Fault.UNAVAILABLE;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.client.error.RateLimitedException;
import org.linkway.client.error.ServerException;
import org.linkway.client.error.TransportException;
import org.linkway.client.error.ValidationException;
import org.linkway.model.Referral;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * Retries through a proxy that drops connections and answers 503 in front of the real server:
 * what is retried, how long the client waits, and that a retried create never creates twice.
 */
class RetryTest {

    @RegisterExtension
    static final TestServer server = TestServer.sqlite();

    static FaultProxy proxy;
    static LinkwayClient client;
    static String token;
    /** Straight to the server, for counting what really happened. */
    static LinkwayClient direct;

    @BeforeAll
    static void start() throws IOException {
        proxy = new FaultProxy(server.port());
        token = server.adminToken();
        client = server.clientBuilder(proxy.url()).tokenProvider(() -> token).build();
        direct = server.client();
    }

    @AfterAll
    static void stop() throws IOException {
        proxy.close();
    }

    @BeforeEach
    void clear() {
        server.waits.clear();
    }

    @Test
    void a_create_whose_answers_are_lost_is_retried_with_the_same_key_and_creates_exactly_one_referral() {
        String placer = "lost-" + UUID.randomUUID();
        proxy.script(DROP_AFTER_FORWARD, DROP_AFTER_FORWARD);

        Versioned<Referral> created = client.referrals().create(Fixtures.referral(placer));

        assertThat(proxy.seen).hasSize(3);
        // the server received and stored the first attempt; the retries replayed its answer
        assertThat(created.replayed()).isTrue();
        assertThat(proxy.seen)
                .extracting(s -> s.header("Idempotency-Key"))
                .doesNotContainNull()
                .containsOnly(proxy.seen.get(0).header("Idempotency-Key"));
        assertThat(proxy.seen)
                .extracting(s -> s.header("X-Request-Id"))
                .containsOnly(proxy.seen.get(0).header("X-Request-Id"));
        assertThat(ReferralClientTest.placedBy(direct, placer))
                .extracting(Referral::getId)
                .containsExactly(created.value().getId());
        assertThat(server.waits).hasSize(2);
    }

    @Test
    void a_503_is_retried_after_its_retry_after_and_the_create_happens_once() {
        String placer = "busy-" + UUID.randomUUID();
        proxy.script(UNAVAILABLE, UNAVAILABLE);

        Versioned<Referral> created = client.referrals().create(Fixtures.referral(placer));

        assertThat(created.replayed()).isFalse();
        assertThat(proxy.seen)
                .extracting(FaultProxy.Seen::fault)
                .containsExactly(UNAVAILABLE, UNAVAILABLE, FaultProxy.Fault.PASS);
        assertThat(server.waits)
                .hasSize(2)
                .allSatisfy(w -> assertThat(w).isGreaterThanOrEqualTo(Duration.ofSeconds(2)));
        assertThat(ReferralClientTest.placedBy(direct, placer)).hasSize(1);
    }

    @Test
    void a_dropped_read_is_retried() {
        proxy.script(DROP_BEFORE_FORWARD, DROP_AFTER_FORWARD);

        assertThat(client.referrals()
                        .list(ReferralQuery.builder().pageSize(1).build())
                        .firstPage()
                        .items())
                .hasSize(1);

        assertThat(proxy.seen).hasSize(3);
    }

    @Test
    void attempts_are_bounded_and_the_last_answer_is_reported() {
        proxy.script(UNAVAILABLE, UNAVAILABLE, UNAVAILABLE, UNAVAILABLE, UNAVAILABLE, UNAVAILABLE);

        assertThatThrownBy(() -> client.referrals().get("anything"))
                .isInstanceOfSatisfying(ServerException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.code()).isEqualTo("unavailable");
                    assertThat(e.requestId()).isEqualTo("proxy-503");
                });
        assertThat(proxy.seen).hasSize(RetryPolicy.defaultPolicy().maxAttempts());
        assertThat(server.waits).hasSize(RetryPolicy.defaultPolicy().maxAttempts() - 1);
    }

    @Test
    void a_wait_longer_than_the_policy_accepts_ends_the_retries_with_the_servers_retry_after() {
        proxy.script(THROTTLED_FOR_AN_HOUR);

        assertThatThrownBy(() -> client.referrals().get("anything"))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.retryAfter()).contains(Duration.ofHours(1));
                    assertThat(e.code()).isEqualTo("rate-limited");
                });
        assertThat(proxy.seen).hasSize(1);
        assertThat(server.waits).isEmpty();
    }

    @Test
    void other_4xx_answers_are_never_retried() {
        ObjectNode doc = Fixtures.example(Fixtures.MINIMAL);
        doc.put("status", "accepted");
        Referral claimsAStatus = LinkwayJson.mapper().treeToValue(doc, Referral.class);
        proxy.script();

        assertThatThrownBy(() -> client.referrals().create(claimsAStatus)).isInstanceOf(ValidationException.class);
        assertThat(client.referrals().list().iterator().hasNext()).isTrue();

        assertThat(proxy.seen).hasSize(2);
        assertThat(server.waits).isEmpty();
    }

    @Test
    void a_transition_whose_answer_is_lost_is_not_sent_again_blindly() {
        Versioned<Referral> created = direct.referrals().create(Fixtures.referral("transition-" + UUID.randomUUID()));
        proxy.script(DROP_AFTER_FORWARD);

        assertThatThrownBy(() -> client.referrals().transition(created, Referral.Status.ACCEPTED))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.code()).isEqualTo("transport");
                    assertThat(e.requestId()).isEqualTo(proxy.seen.get(0).header("X-Request-Id"));
                });

        assertThat(proxy.seen).hasSize(1);
        // it did happen: the caller reads the referral again to find out, as the exception's docs say
        assertThat(direct.referrals().get(created.value().getId()).value().getStatus())
                .isEqualTo(Referral.Status.ACCEPTED);
    }

    @Test
    void a_transition_refused_with_503_is_retried_because_the_server_did_not_act() {
        Versioned<Referral> created = direct.referrals().create(Fixtures.referral("transition-" + UUID.randomUUID()));
        proxy.script(UNAVAILABLE);

        Versioned<Referral> accepted = client.referrals().transition(created, Referral.Status.ACCEPTED);

        assertThat(accepted.version()).isEqualTo(2);
        assertThat(proxy.seen).hasSize(2);
    }

    @Test
    void every_attempt_carries_the_token_and_the_client_headers() {
        proxy.script(UNAVAILABLE);

        client.referrals().list().firstPage();

        assertThat(proxy.seen).hasSize(2).allSatisfy(s -> {
            assertThat(s.header("Authorization")).isEqualTo("Bearer " + token);
            assertThat(s.header("User-Agent")).startsWith("linkway-java-client/");
        });
    }

    @Test
    void async_creates_retry_the_same_way() {
        String placer = "async-" + UUID.randomUUID();
        proxy.script(UNAVAILABLE, DROP_AFTER_FORWARD);

        Versioned<Referral> created =
                client.referrals().createAsync(Fixtures.referral(placer)).join();

        assertThat(proxy.seen).hasSize(3);
        assertThat(created.replayed()).isTrue();
        assertThat(ReferralClientTest.placedBy(direct, placer)).hasSize(1);
    }

    @Test
    void a_refused_connection_is_retried_even_for_a_change_because_nothing_was_sent() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        LinkwayClient nowhere =
                server.clientBuilder("http://127.0.0.1:" + closedPort).build();

        assertThatThrownBy(() -> nowhere.referrals()
                        .transition(TransitionRequest.builder()
                                .referralId("r")
                                .to(Referral.Status.ACCEPTED)
                                .etag("\"1\"")
                                .build()))
                .isInstanceOfSatisfying(
                        TransportException.class, e -> assertThat(e.code()).isEqualTo("transport"));
        assertThat(server.waits).hasSize(RetryPolicy.defaultPolicy().maxAttempts() - 1);
    }

    @Test
    void a_read_that_times_out_is_retried_and_a_change_that_times_out_is_reported_as_a_timeout() {
        LinkwayClient impatient = server.clientBuilder(proxy.url())
                .requestTimeout(Duration.ofMillis(300))
                .build();
        Versioned<Referral> created = direct.referrals().create(Fixtures.referral("timeout-" + UUID.randomUUID()));
        String id = created.value().getId();

        proxy.script(HANG);
        assertThat(impatient.referrals().get(id).value().getId()).isEqualTo(id);
        assertThat(proxy.seen).hasSize(2);

        proxy.script(HANG);
        assertThatThrownBy(() -> impatient
                        .referrals()
                        .transition(TransitionRequest.builder()
                                .referralId(id)
                                .to(Referral.Status.ACCEPTED)
                                .etag(created.etag())
                                .build()))
                .isInstanceOfSatisfying(
                        TransportException.class, e -> assertThat(e.code()).isEqualTo("timeout"));
        assertThat(proxy.seen).hasSize(1);
    }
}
