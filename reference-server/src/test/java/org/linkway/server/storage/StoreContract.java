package org.linkway.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * What every {@link Store} must do, run against SQLite and against a real PostgreSQL.
 * Subclasses provide the store; each test uses fresh ids so they share one database.
 */
abstract class StoreContract {

    abstract Store store();

    private List<StoredResource> history(String id) {
        return store().transaction(tx -> tx.history("Referral", id));
    }

    private java.util.Optional<StoredResource> get(String id) {
        return store().transaction(tx -> tx.get("Referral", id));
    }

    private List<StoredEvent> eventsFor(String id) {
        return store().transaction(tx -> tx.eventsForReferral(id));
    }

    private List<StoredEvent> eventsAfter(long after, int limit) {
        return store().transaction(tx -> tx.eventsAfter(after, limit));
    }

    private java.util.Optional<IdempotencyRecord> idempotency(String key) {
        return store().transaction(tx -> tx.idempotency(key));
    }

    private Page<StoredResource> list(ListQuery q) {
        return store().transaction(tx -> tx.list(q));
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    @Test
    void create_get_update_and_history_keep_every_version() {
        String id = newId();
        store().transaction(tx -> tx.create("Referral", id, id, "received", "Y1234", "{\"v\":1}"));
        StoredResource v2 = store().transaction(tx -> tx.update("Referral", id, 1, "accepted", "{\"v\":2}"));
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.status()).isEqualTo("accepted");
        StoredResource latest = get(id).orElseThrow();
        assertThat(latest.body()).isEqualTo("{\"v\":2}");
        assertThat(latest.createdAt()).isBeforeOrEqualTo(latest.updatedAt());
        assertThat(history(id))
                .extracting(StoredResource::version, StoredResource::body)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "{\"v\":1}"), org.assertj.core.groups.Tuple.tuple(2L, "{\"v\":2}"));
    }

    @Test
    void a_stale_version_conflicts_and_writes_nothing() {
        String id = newId();
        store().transaction(tx -> tx.create("Referral", id, id, "received", null, "{}"));
        store().transaction(tx -> tx.update("Referral", id, 1, "accepted", "{\"a\":1}"));
        assertThatThrownBy(() -> store().transaction(tx -> tx.update("Referral", id, 1, "rejected", "{\"b\":1}")))
                .isInstanceOf(VersionConflictException.class)
                .satisfies(e -> assertThat(((VersionConflictException) e).currentVersion()).isEqualTo(2));
        assertThat(history(id)).hasSize(2);
        assertThatThrownBy(() -> store().transaction(tx -> tx.update("Referral", "missing-" + id, 1, null, "{}")))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> store().transaction(tx -> tx.create("Referral", id, id, null, null, "{}")))
                .isInstanceOf(StoreException.class);
    }

    @Test
    void a_failed_transaction_leaves_nothing_behind() {
        String id = newId();
        assertThatThrownBy(() -> store().transaction(tx -> {
            tx.create("Referral", id, id, "received", null, "{}");
            tx.appendEvent(id, "referral.received", "Referral", id, 1, "{}");
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(get(id)).isEmpty();
        assertThat(eventsFor(id)).isEmpty();
    }

    @Test
    void events_are_read_in_order_per_referral_and_after_a_sequence() {
        String id = newId();
        List<StoredEvent> written = store().transaction(tx -> List.of(
                tx.appendEvent(id, "a", "Referral", id, 1, "{\"n\":1}"),
                tx.appendEvent(id, "b", "Referral", id, 2, "{\"n\":2}"),
                tx.appendEvent(id, "c", "Referral", id, 3, "{\"n\":3}")));
        assertThat(eventsFor(id)).extracting(StoredEvent::type).containsExactly("a", "b", "c");
        long first = written.get(0).sequence();
        assertThat(eventsAfter(first, 2)).extracting(StoredEvent::type).containsExactly("b", "c");
        assertThat(written).extracting(StoredEvent::id).doesNotHaveDuplicates();
    }

    @Test
    void idempotency_records_are_kept_and_unique() {
        String key = "key-" + newId();
        IdempotencyRecord r = new IdempotencyRecord(key, "hash", 201, "{}", "/v1/referrals/x", "\"1\"");
        store().transaction(tx -> {
            tx.saveIdempotency(r);
            return null;
        });
        assertThat(idempotency(key)).contains(r);
        assertThatThrownBy(() -> store().transaction(tx -> {
            tx.saveIdempotency(r);
            return null;
        })).isInstanceOf(StoreException.class);
    }

    @Test
    void pages_neither_skip_nor_repeat_and_filters_apply() {
        String type = "T" + newId().substring(0, 8);
        store().transaction(tx -> {
            for (int i = 0; i < 237; i++) {
                tx.create(type, String.format("r%04d", i), "ref", i % 3 == 0 ? "accepted" : "received", "ORG" + (i % 2), "{}");
            }
            return null;
        });
        Set<String> seen = new HashSet<>();
        String cursor = null;
        do {
            String after = cursor;
            Page<StoredResource> page = list(new ListQuery(type, null, null, null, null, after, 10));
            page.items().forEach(r -> assertThat(seen.add(r.id())).as("repeated " + r.id()).isTrue());
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(seen).hasSize(237);
        Page<StoredResource> accepted = list(new ListQuery(type, "accepted", "ORG0", null, null, null, 500));
        assertThat(accepted.items()).hasSize(40).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo("accepted");
            assertThat(r.referrerOrg()).isEqualTo("ORG0");
        });
        assertThat(accepted.nextCursor()).isNull();
        assertThatThrownBy(() -> store().transaction(tx -> tx.list(new ListQuery(type, null, null, null, null, "not-a-cursor!", 5))))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void concurrent_read_modify_write_loses_no_update() throws Exception {
        String id = newId();
        store().transaction(tx -> tx.create("Referral", id, id, "received", null, "0"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            workers.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    while (true) {
                        try {
                            store().transaction(tx -> {
                                StoredResource r = tx.get("Referral", id).orElseThrow();
                                return tx.update("Referral", id, r.version(), null, String.valueOf(Long.parseLong(r.body()) + 1));
                            });
                            break;
                        } catch (VersionConflictException lost) {
                            // another writer got there first: read again and retry
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        StoredResource last = get(id).orElseThrow();
        assertThat(last.version()).isEqualTo(201);
        assertThat(last.body()).isEqualTo("200");
        assertThat(history(id)).extracting(StoredResource::version)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 201).boxed().toList());
    }
}
