package org.linkway.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The outbox's delivery bookkeeping, on each database: what a scan turns into deliveries, what a
 * claim hands out, and that dispatchers in two server instances never send one delivery twice
 * nor a referral's events out of order.
 */
abstract class WebhooksStoreContract {

    static final Duration LEASE = Duration.ofSeconds(30);
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));

    /** A store on a database of its own, empty. */
    abstract JdbcStore openFresh(MutableClock clock);

    /** Another store on the same database as {@code first}: a second server instance. */
    abstract JdbcStore openSecond(JdbcStore first, MutableClock clock);

    @Test
    void a_scan_makes_one_delivery_per_wanted_event_after_the_start_and_never_twice() {
        try (JdbcStore store = openFresh(clock)) {
            long before = event(store, "r0", "referral.received");
            Subscription all = subscribe(store, List.of(), null, null);
            Subscription changes = subscribe(store, List.of("referral.status-changed"), null, null);
            Subscription replay = subscribe(store, List.of(), null, 0L);
            referral(store, "r1", "A81001");
            event(store, "r1", "referral.received");
            event(store, "r1", "referral.status-changed");
            Subscription org = subscribe(store, List.of(), "A81001", 0L);
            Subscription otherOrg = subscribe(store, List.of(), "B82002", 0L);

            int made = store.transaction(tx -> tx.webhooks().scan(100));
            assertThat(made).isEqualTo(2 + 1 + 3 + 2 + 0);
            assertThat(store.<Integer>transaction(tx -> tx.webhooks().scan(100)))
                    .isZero();
            assertThat(pending(store, all)).isEqualTo(2);
            assertThat(pending(store, changes)).isEqualTo(1);
            assertThat(pending(store, replay)).isEqualTo(3);
            assertThat(pending(store, org)).isEqualTo(2);
            assertThat(pending(store, otherOrg)).isZero();
            assertThat(all.startAfter()).isEqualTo(before);
        }
    }

    @Test
    void a_referrals_next_event_waits_until_the_one_before_is_acknowledged_even_through_retries() {
        try (JdbcStore store = openFresh(clock)) {
            Subscription s = subscribe(store, List.of(), null, null);
            long first = event(store, "r1", "referral.received");
            long second = event(store, "r1", "referral.status-changed");
            long other = event(store, "r2", "referral.received");
            store.transaction(tx -> tx.webhooks().scan(100));

            assertThat(sequences(claim(store, 10))).containsExactlyInAnyOrder(first, other);
            assertThat(claim(store, 10))
                    .as("claimed ones are leased; r1's second waits for its first")
                    .isEmpty();

            store.transaction(tx -> {
                tx.webhooks()
                        .failed(s.id(), first, 503, "HTTP 503", clock.instant().plusSeconds(5));
                tx.webhooks().delivered(s.id(), other, 204);
                return null;
            });
            assertThat(claim(store, 10))
                    .as("a retry not yet due still holds back the next event")
                    .isEmpty();
            clock.set(clock.instant().plusSeconds(6));
            List<DueDelivery> retry = claim(store, 10);
            assertThat(sequences(retry)).containsExactly(first);
            assertThat(retry.get(0).attempt()).isEqualTo(2);
            store.transaction(tx -> {
                tx.webhooks().delivered(s.id(), first, 200);
                return null;
            });
            assertThat(sequences(claim(store, 10))).containsExactly(second);

            DeliveryStats stats = store.transaction(tx -> tx.webhooks().stats(s.id()));
            assertThat(stats.pending()).isEqualTo(1);
            assertThat(stats.delivered()).isEqualTo(2);
            assertThat(stats.lastDeliveredAt()).isNotNull();
        }
    }

    @Test
    void a_claim_whose_sender_died_is_handed_out_again_when_its_lease_runs_out() {
        try (JdbcStore store = openFresh(clock)) {
            subscribe(store, List.of(), null, null);
            long seq = event(store, "r1", "referral.received");
            store.transaction(tx -> tx.webhooks().scan(100));
            assertThat(sequences(claim(store, 10))).containsExactly(seq);
            clock.set(clock.instant().plus(LEASE).minusSeconds(1));
            assertThat(claim(store, 10)).isEmpty();
            clock.set(clock.instant().plusSeconds(2));
            List<DueDelivery> again = claim(store, 10);
            assertThat(sequences(again)).containsExactly(seq);
            assertThat(again.get(0).attempt()).isEqualTo(2);
        }
    }

    @Test
    void deleting_a_subscription_drops_what_it_had_not_been_sent() {
        try (JdbcStore store = openFresh(clock)) {
            Subscription s = subscribe(store, List.of(), null, null);
            event(store, "r1", "referral.received");
            store.transaction(tx -> tx.webhooks().scan(100));
            assertThat(store.<Boolean>transaction(tx -> tx.webhooks().deleteSubscription(s.id())))
                    .isTrue();
            assertThat(store.<Boolean>transaction(tx -> tx.webhooks().deleteSubscription(s.id())))
                    .isFalse();
            assertThat(claim(store, 10)).isEmpty();
            assertThat(store.<Optional<Subscription>>transaction(
                            tx -> tx.webhooks().subscription(s.id())))
                    .isEmpty();
        }
    }

    /**
     * Two instances, four dispatchers each, one database: every delivery is handed out exactly
     * once, and each referral's deliveries are handed out in the order of its events.
     */
    @Test
    void dispatchers_of_two_instances_never_share_a_delivery_nor_reorder_a_referral() throws Exception {
        try (JdbcStore a = openFresh(clock);
                JdbcStore b = openSecond(a, clock)) {
            Subscription s1 = subscribe(a, List.of(), null, null);
            Subscription s2 = subscribe(b, List.of(), null, null);
            Random random = new Random(42);
            Map<String, List<Long>> written = new HashMap<>();
            for (int i = 0; i < 240; i++) {
                String referral = "r" + random.nextInt(12);
                long seq = event(i % 2 == 0 ? a : b, referral, "referral.status-changed");
                written.computeIfAbsent(referral, k -> new ArrayList<>()).add(seq);
            }
            int expected = 2 * 240;
            List<String> handedOut = Collections.synchronizedList(new ArrayList<>());
            Set<String> seen = ConcurrentHashMap.newKeySet();
            List<String> duplicates = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                JdbcStore store = w % 2 == 0 ? a : b;
                workers.add(pool.submit(() -> {
                    int idle = 0;
                    while (seen.size() < expected && idle < 200) {
                        store.transaction(tx -> tx.webhooks().scan(50));
                        List<DueDelivery> due =
                                store.transaction(tx -> tx.webhooks().claim(5, LEASE));
                        idle = due.isEmpty() ? idle + 1 : 0;
                        for (DueDelivery d : due) {
                            String key = d.subscriptionId() + "/" + d.event().sequence();
                            handedOut.add(key + "/" + d.event().referralId());
                            if (!seen.add(key)) {
                                duplicates.add(key);
                            }
                        }
                        store.transaction(tx -> {
                            due.forEach(d -> tx.webhooks()
                                    .delivered(d.subscriptionId(), d.event().sequence(), 204));
                            return null;
                        });
                        if (due.isEmpty()) {
                            Thread.sleep(5);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(duplicates).isEmpty();
            assertThat(seen).hasSize(expected);
            for (Subscription s : List.of(s1, s2)) {
                Map<String, List<Long>> order = new HashMap<>();
                synchronized (handedOut) {
                    for (String h : handedOut) {
                        String[] p = h.split("/");
                        if (p[0].equals(s.id())) {
                            order.computeIfAbsent(p[2], k -> new ArrayList<>()).add(Long.parseLong(p[1]));
                        }
                    }
                }
                assertThat(order).isEqualTo(written);
            }
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    Subscription subscribe(JdbcStore store, List<String> types, String org, Long after) {
        String id = UUID.randomUUID().toString();
        return store.transaction(tx -> tx.webhooks()
                .createSubscription(NewSubscription.withId(id)
                        .url("http://127.0.0.1:9/hook")
                        .types(types)
                        .referrerOrg(org)
                        .secret("whsec_AAAA")
                        .after(after)));
    }

    static void referral(JdbcStore store, String id, String org) {
        store.transaction(tx -> tx.create(NewResource.of("Referral", id)
                .inReferral(id)
                .status("received")
                .referrerOrg(org)
                .body("{}")));
    }

    static long event(JdbcStore store, String referral, String type) {
        return store.transaction(tx -> tx.appendEvent(NewEvent.named(type)
                        .about(new ResourceRef("Referral", referral, 1))
                        .inReferral(referral)
                        .payload("{}")))
                .sequence();
    }

    static List<DueDelivery> claim(JdbcStore store, int limit) {
        return store.transaction(tx -> tx.webhooks().claim(limit, LEASE));
    }

    static List<Long> sequences(List<DueDelivery> due) {
        return due.stream().map(d -> d.event().sequence()).toList();
    }

    static long pending(JdbcStore store, Subscription s) {
        return store.transaction(tx -> tx.webhooks().stats(s.id())).pending();
    }
}
