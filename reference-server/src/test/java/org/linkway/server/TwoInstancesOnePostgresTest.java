package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linkway.server.WebhookReceiver.eventually;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * With PostgreSQL the server keeps no state of its own: two instances on one database answer as
 * one, and their two webhook dispatchers together deliver each event exactly once to a receiver
 * that always acknowledges.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesOnePostgresTest {

    @TempDir
    Path data;

    EmbeddedPostgres postgres;
    LinkwayServer one;
    LinkwayServer two;
    ApiClient a;
    ApiClient b;

    @BeforeAll
    void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        ServerConfig config = ServerConfig.forTests(data)
                .withDatabaseUrl(postgres.getJdbcUrl("postgres", "postgres"))
                .withWebhooks(WebhookContract.FAST);
        one = LinkwayServer.start(config);
        two = LinkwayServer.start(config);
        a = new ApiClient(one.port());
        b = new ApiClient(two.port());
    }

    @AfterAll
    void stop() throws IOException {
        one.close();
        two.close();
        postgres.close();
    }

    @Test
    void what_one_instance_writes_the_other_reads_checks_and_replays() {
        ApiClient.Answer created = a.postJson(
                "/v1/referrals",
                ReferralApiContract.example(ReferralApiContract.FULL),
                "Idempotency-Key",
                "two-instances-1");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(b.get("/v1/referrals/" + id).json()).isEqualTo(created.json());

        ApiClient.Answer replay = b.postJson(
                "/v1/referrals",
                ReferralApiContract.example(ReferralApiContract.FULL),
                "Idempotency-Key",
                "two-instances-1");
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().path("id").asString()).isEqualTo(id);

        assertThat(b.postJson("/v1/referrals/" + id + "/transitions", "{\"to\":\"accepted\"}", "If-Match", "\"1\"")
                        .status())
                .isEqualTo(200);
        ApiClient.Answer stale = a.postJson(
                "/v1/referrals/" + id + "/transitions", "{\"to\":\"rejected\",\"reason\":\"x\"}", "If-Match", "\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        // the same invented person is sent by other tests too: possible-duplicate and episode-linked events may sit
        // beside these
        List<String> types = new ArrayList<>();
        a.get("/v1/referrals/" + id + "/events")
                .json()
                .path("items")
                .forEach(e -> types.add(e.path("type").asString()));
        assertThat(types)
                .filteredOn(t -> !PersonMatchEvents.is(t))
                .containsExactly("referral.received", "referral.status-changed");
    }

    @Test
    void two_dispatchers_deliver_each_event_exactly_once_in_order_per_referral() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            assertThat(a.postJson("/v1/subscriptions", "{\"url\":\"" + receiver.url() + "\"}")
                            .status())
                    .isEqualTo(201);
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<String>> referrals = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                ApiClient here = i % 2 == 0 ? a : b;
                ApiClient there = i % 2 == 0 ? b : a;
                referrals.add(writers.submit(() -> {
                    ApiClient.Answer created =
                            here.postJson("/v1/referrals", ReferralApiContract.example(ReferralApiContract.FULL));
                    String id = created.json().path("id").asString();
                    there.postJson(
                            "/v1/referrals/" + id + "/transitions", "{\"to\":\"accepted\"}", "If-Match", "\"1\"");
                    here.postJson(
                            "/v1/referrals/" + id + "/transitions", "{\"to\":\"in-progress\"}", "If-Match", "\"2\"");
                    return id;
                }));
            }
            Set<String> expected = new HashSet<>();
            List<String> journey = new ArrayList<>();
            for (Future<String> f : referrals) {
                String id = f.get(60, TimeUnit.SECONDS);
                b.get("/v1/referrals/" + id + "/events").json().path("items").forEach(e -> {
                    expected.add(e.path("id").asString());
                    if (!PersonMatchEvents.is(e.path("type").asString())) {
                        journey.add(e.path("id").asString()); // one person 24 times: duplicates are raised too
                    }
                });
            }
            writers.shutdown();
            assertThat(journey).hasSize(24 * 3);

            eventually(
                    "every event delivered",
                    () -> WebhookContract.delivered(receiver).keySet().containsAll(expected));
            Map<String, Integer> times = new HashMap<>();
            receiver.deliveries().forEach(d -> times.merge(d.header("webhook-id"), 1, Integer::sum));
            assertThat(times.values()).as("no event delivered twice").allMatch(n -> n == 1);
            assertThat(times).hasSize(expected.size());
            WebhookContract.assertInOrderPerReferral(receiver.accepted());
        }
    }
}
