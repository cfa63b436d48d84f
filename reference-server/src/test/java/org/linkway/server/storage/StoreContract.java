package org.linkway.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link Store} must do, run against SQLite and against a real PostgreSQL.
 * Subclasses provide the store; each test uses fresh ids (or a fresh resource type), so the
 * tests share one database per class.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class StoreContract {

    /** The store shared by the tests of the class. */
    abstract Store store();

    /** A further store, closed by the caller: on SQLite a new file, on PostgreSQL the same database. */
    abstract JdbcStore openStore(Clock clock);

    private <T> T tx(Store.TxWork<T> work) {
        return store().transaction(work);
    }

    private List<StoredResource> history(String id) {
        return tx(tx -> tx.history("Referral", id));
    }

    private Optional<StoredResource> get(String id) {
        return tx(tx -> tx.get("Referral", id));
    }

    private Optional<IdempotencyRecord> idempotency(String key) {
        return tx(tx -> tx.idempotency(key));
    }

    private List<StoredEvent> eventsAfter(long after, int limit) {
        return tx(tx -> tx.eventsAfter(after, limit));
    }

    private List<StoredEvent> eventsFor(String id) {
        return tx(tx -> tx.eventsForReferral(id));
    }

    private long lastSequence() {
        long after = 0;
        List<StoredEvent> page;
        while (!(page = tx(readFrom(after))).isEmpty()) {
            after = page.get(page.size() - 1).sequence();
        }
        return after;
    }

    private static Store.TxWork<List<StoredEvent>> readFrom(long after) {
        return tx -> tx.eventsAfter(after, 1000);
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    // --- create, get, update, history ------------------------------------------------------------

    @Test
    void create_get_update_and_history_keep_every_version() {
        String id = newId();
        StoredResource v1 = tx(tx -> tx.create(NewResource.of("Referral", id)
                .inReferral(id)
                .status("received")
                .referrerOrg("Y1234")
                .body("{\"v\":1}")));
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.createdAt()).isEqualTo(v1.updatedAt());
        StoredResource v2 = tx(tx -> tx.update(new ResourceRef("Referral", id, 1), "accepted", "{\"v\":2}"));
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.status()).isEqualTo("accepted");
        assertThat(v2.referrerOrg()).as("kept from version 1").isEqualTo("Y1234");
        assertThat(v2.referralId()).isEqualTo(id);
        assertThat(v2.createdAt()).isEqualTo(v1.createdAt());
        StoredResource v3 = tx(tx -> tx.update(new ResourceRef("Referral", id, 2), null, "{\"v\":3}"));
        assertThat(get(id)).contains(v3);
        assertThat(v3.status()).isNull();
        assertThat(history(id))
                .extracting(StoredResource::version, StoredResource::status, StoredResource::body)
                .containsExactly(
                        tuple(1L, "received", "{\"v\":1}"),
                        tuple(2L, "accepted", "{\"v\":2}"),
                        tuple(3L, null, "{\"v\":3}"));
        assertThat(history(id)).last().isEqualTo(v3);
        assertThat(this.<Optional<StoredResource>>tx(tx -> tx.get("CarePlan", id)))
                .as("the type is part of the key")
                .isEmpty();
        assertThat(get("missing-" + id)).isEmpty();
        assertThat(history("missing-" + id)).isEmpty();
    }

    @Test
    void a_read_sees_every_transaction_that_returned_before_it() {
        String id = newId();
        assertThat(store().<Optional<StoredResource>>read(tx -> tx.get("Referral", id)))
                .isEmpty();
        for (int version = 1; version <= 3; version++) {
            long v = version;
            tx(tx -> v == 1
                    ? tx.create(NewResource.of("Referral", id)
                            .inReferral(id)
                            .status("received")
                            .referrerOrg("ORG")
                            .body("{\"v\":1}"))
                    : tx.update(new ResourceRef("Referral", id, v - 1), "received", "{\"v\":" + v + "}"));
            assertThat(store().<Optional<StoredResource>>read(tx -> tx.get("Referral", id)))
                    .map(StoredResource::body)
                    .contains("{\"v\":" + version + "}");
        }
        IdempotencyRecord r = new IdempotencyRecord("key-" + id, "h", 201, "{}", "/v1/referrals/" + id, "\"3\"");
        tx(tx -> {
            tx.saveIdempotency(r);
            return null;
        });
        assertThat(store().<Optional<IdempotencyRecord>>read(tx -> tx.idempotency(r.key())))
                .contains(r);
        assertThat(store().<Page<StoredResource>>read(tx ->
                                tx.list(ListQuery.of("Referral").inReferral(id).limit(10)))
                        .items())
                .extracting(StoredResource::version)
                .containsExactly(3L);
    }

    @Test
    void a_transaction_sees_its_own_writes() {
        String id = newId();
        List<StoredResource> seen = tx(tx -> {
            tx.create(NewResource.of("Referral", id)
                    .inReferral(id)
                    .status("received")
                    .body("{}"));
            tx.update(new ResourceRef("Referral", id, 1), "accepted", "{}");
            return List.of(
                    tx.get("Referral", id).orElseThrow(),
                    tx.history("Referral", id).get(0));
        });
        assertThat(seen).extracting(StoredResource::version).containsExactly(2L, 1L);
    }

    @Test
    void a_duplicate_create_is_refused_clearly_and_changes_nothing() {
        String id = newId();
        tx(tx -> tx.create(NewResource.of("Referral", id)
                .inReferral(id)
                .status("received")
                .referrerOrg("A")
                .body("{\"first\":true}")));
        assertThatThrownBy(() -> tx(tx -> tx.create(NewResource.of("Referral", id)
                        .inReferral(id)
                        .status("other")
                        .referrerOrg("B")
                        .body("{\"second\":true}"))))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Referral " + id + " already exists");
        assertThat(history(id)).singleElement().extracting(StoredResource::body).isEqualTo("{\"first\":true}");
    }

    @Test
    void a_transaction_that_catches_a_refusal_can_go_on_and_commit() {
        String id = newId();
        String other = newId();
        String key = "key-" + newId();
        IdempotencyRecord record = new IdempotencyRecord(key, "h", 201, "{}", null, null);
        tx(tx -> {
            tx.create(NewResource.of("Referral", id).inReferral(id).body("{}"));
            tx.saveIdempotency(record);
            return null;
        });
        tx(tx -> {
            assertThatThrownBy(() -> tx.create(
                            NewResource.of("Referral", id).inReferral(id).body("{}")))
                    .isInstanceOf(StoreException.class);
            assertThatThrownBy(() -> tx.saveIdempotency(record)).isInstanceOf(StoreException.class);
            assertThatThrownBy(() -> tx.update(new ResourceRef("Referral", id, 7), null, "{}"))
                    .isInstanceOf(VersionConflictException.class);
            tx.create(NewResource.of("Referral", other).inReferral(other).body("{}"));
            return null;
        });
        assertThat(get(other)).isPresent();
        assertThat(history(id)).hasSize(1);
    }

    // --- conflicts and rollback -------------------------------------------------------------------

    @Test
    void a_stale_version_conflicts_and_writes_nothing() {
        String id = newId();
        tx(tx -> tx.create(
                NewResource.of("Referral", id).inReferral(id).status("received").body("{}")));
        StoredResource v2 = tx(tx -> tx.update(new ResourceRef("Referral", id, 1), "accepted", "{\"a\":1}"));
        assertThatThrownBy(() -> tx(tx -> {
                    tx.appendEvent(NewEvent.named("referral.rejected")
                            .about(new ResourceRef("Referral", id, 3))
                            .inReferral(id)
                            .payload("{}"));
                    return tx.update(new ResourceRef("Referral", id, 1), "rejected", "{\"b\":1}");
                }))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> {
                    assertThat(e.currentVersion()).isEqualTo(2);
                    assertThat(e).hasMessageContaining("version 2, not 1");
                });
        assertThatThrownBy(() -> tx(tx -> tx.update(new ResourceRef("Referral", id, 3), "rejected", "{}")))
                .as("a version from the future conflicts too")
                .isInstanceOf(VersionConflictException.class);
        assertThat(get(id)).contains(v2);
        assertThat(history(id)).hasSize(2);
        assertThat(eventsFor(id)).as("the event of the failed transaction").isEmpty();
    }

    @Test
    void updating_a_missing_resource_is_no_such_element() {
        assertThatThrownBy(() -> tx(tx -> tx.update(new ResourceRef("Referral", "missing-" + newId(), 1), null, "{}")))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void a_failed_transaction_leaves_nothing_behind() {
        String id = newId();
        String existing = newId();
        tx(tx -> tx.create(NewResource.of("Referral", existing)
                .inReferral(existing)
                .status("received")
                .body("{}")));
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> tx(tx -> {
                    tx.create(NewResource.of("Referral", id)
                            .inReferral(id)
                            .status("received")
                            .body("{}"));
                    tx.update(new ResourceRef("Referral", existing, 1), "accepted", "{\"changed\":true}");
                    tx.appendEvent(NewEvent.named("referral.received")
                            .about(new ResourceRef("Referral", id, 1))
                            .inReferral(id)
                            .payload("{}"));
                    tx.saveIdempotency(new IdempotencyRecord("key-" + id, "h", 201, "{}", null, null));
                    throw boom;
                }))
                .isSameAs(boom);
        assertThat(get(id)).isEmpty();
        assertThat(history(id)).isEmpty();
        assertThat(history(existing)).hasSize(1);
        assertThat(get(existing).orElseThrow().body()).isEqualTo("{}");
        assertThat(eventsFor(id)).isEmpty();
        assertThat(idempotency("key-" + id)).isEmpty();
    }

    @Test
    void sql_errors_are_wrapped_and_the_store_goes_on() {
        String id = newId();
        assertThatThrownBy(
                        () -> tx(tx -> tx.create(NewResource.of("Referral", id).inReferral(id))))
                .as("body is NOT NULL")
                .isInstanceOf(StoreException.class)
                .hasCauseInstanceOf(SQLException.class);
        assertThat(get(id)).isEmpty();
        tx(tx -> tx.create(NewResource.of("Referral", id).inReferral(id).body("{}")));
        assertThat(get(id)).isPresent();
    }

    @Test
    void of_two_updates_from_the_same_version_only_one_wins() throws Exception {
        String id = newId();
        tx(tx -> tx.create(
                NewResource.of("Referral", id).inReferral(id).status("received").body("{}")));
        CountDownLatch firstUpdated = new CountDownLatch(1);
        CountDownLatch secondSubmitted = new CountDownLatch(1);
        AtomicReference<Thread> secondThread = new AtomicReference<>();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<StoredResource> first = threads.submit(() -> tx(tx -> {
                StoredResource r = tx.update(new ResourceRef("Referral", id, 1), "accepted", "{\"by\":\"first\"}");
                firstUpdated.countDown();
                await(secondSubmitted);
                // not a pause that may be too short on a busy machine: the second must be seen waiting while this one
                // is open
                awaitWaitingWriter(secondThread.get());
                return r;
            }));
            firstUpdated.await(10, TimeUnit.SECONDS);
            Future<StoredResource> second = threads.submit(() -> {
                secondThread.set(Thread.currentThread());
                secondSubmitted.countDown();
                return tx(tx -> tx.update(new ResourceRef("Referral", id, 1), "rejected", "{\"by\":\"second\"}"));
            });
            assertThat(first.get(20, TimeUnit.SECONDS).version()).isEqualTo(2);
            assertThatThrownBy(() -> second.get(20, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(VersionConflictException.class);
        } finally {
            threads.shutdownNow();
        }
        assertThat(history(id)).extracting(StoredResource::body).containsExactly("{}", "{\"by\":\"first\"}");
    }

    // --- lists and pages --------------------------------------------------------------------------

    /** Walks every page of a query, checking that page sizes and cursors are as promised. */
    private static List<StoredResource> walk(Store store, Function<String, ListQuery> query, int pageSize) {
        List<StoredResource> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String after = cursor;
            Page<StoredResource> page = store.transaction(tx -> tx.list(query.apply(after)));
            if (page.nextCursor() != null) {
                assertThat(page.items()).as("a page with a next one is full").hasSize(pageSize);
            } else {
                assertThat(page.items()).hasSizeLessThanOrEqualTo(pageSize);
            }
            all.addAll(page.items());
            cursor = page.nextCursor();
            assertThat(++pages).as("pages end").isLessThan(10_000);
        } while (cursor != null);
        return all;
    }

    private static final Comparator<StoredResource> LIST_ORDER =
            Comparator.comparing(StoredResource::updatedAt).thenComparing(StoredResource::id);

    @Test
    void pages_over_rows_with_one_timestamp_neither_skip_nor_repeat() {
        Instant t = Instant.parse("2026-01-01T00:00:00.123456Z");
        MutableClock clock = new MutableClock(t);
        String type = "T" + newId().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 237; i++) {
            ids.add(newId());
        }
        try (JdbcStore s = openStore(clock)) {
            s.transaction(tx -> {
                for (int i = 0; i < ids.size(); i++) {
                    tx.create(NewResource.of(type, ids.get(i))
                            .inReferral("ref" + (i % 5))
                            .status(i % 3 == 0 ? "accepted" : "received")
                            .referrerOrg("ORG" + (i % 2))
                            .body("{}"));
                }
                return null;
            });
            for (int size : new int[] {1, 7, 10, 236, 237, 500}) {
                List<StoredResource> all =
                        walk(s, c -> ListQuery.of(type).after(c).limit(size), size);
                assertThat(all)
                        .extracting(StoredResource::id)
                        .as("page size " + size)
                        .doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(ids);
                assertThat(all).allSatisfy(r -> assertThat(r.updatedAt()).isEqualTo(t));
                assertThat(all).isSortedAccordingTo(LIST_ORDER);
            }
            List<StoredResource> accepted =
                    walk(s, c -> ListQuery.of(type).status("accepted").after(c).limit(9), 9);
            assertThat(accepted)
                    .hasSize(79)
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo("accepted"))
                    .extracting(StoredResource::id)
                    .doesNotHaveDuplicates();
            List<StoredResource> org0 = walk(
                    s,
                    c -> ListQuery.of(type)
                            .status("accepted")
                            .referrerOrg("ORG0")
                            .after(c)
                            .limit(4),
                    4);
            assertThat(org0).hasSize(40).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo("accepted");
                assertThat(r.referrerOrg()).isEqualTo("ORG0");
            });
            List<StoredResource> ref3 =
                    walk(s, c -> ListQuery.of(type).inReferral("ref3").after(c).limit(5), 5);
            assertThat(ref3)
                    .hasSize(47)
                    .allSatisfy(r -> assertThat(r.referralId()).isEqualTo("ref3"));
        }
    }

    @Test
    void lists_show_latest_versions_in_order_of_change_and_filter_by_time() {
        Instant t0 = Instant.parse("2026-02-01T10:00:00Z");
        MutableClock clock = new MutableClock(t0);
        String type = "T" + newId().substring(0, 8);
        try (JdbcStore s = openStore(clock)) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String id = String.format("r%02d-%s", i, newId());
                ids.add(id);
                clock.set(t0.plusSeconds(i % 4)); // four timestamps, interleaved with the ids
                s.transaction(tx -> tx.create(NewResource.of(type, id)
                        .inReferral(id)
                        .status("received")
                        .body("{}")));
            }
            // move five rows to the end by updating them later
            clock.set(t0.plusSeconds(60));
            List<String> moved = ids.subList(0, 5);
            for (String id : moved) {
                s.transaction(tx -> tx.update(new ResourceRef(type, id, 1), "accepted", "{\"v\":2}"));
            }
            List<StoredResource> all = walk(s, c -> ListQuery.of(type).after(c).limit(4), 4);
            assertThat(all).hasSize(30).isSortedAccordingTo(LIST_ORDER);
            assertThat(all.subList(25, 30)).extracting(StoredResource::id).containsExactlyInAnyOrderElementsOf(moved);
            assertThat(all.subList(25, 30))
                    .allSatisfy(r ->
                            assertThat(r.version()).as("latest version only").isEqualTo(2));
            List<StoredResource> since = walk(
                    s,
                    c -> ListQuery.of(type)
                            .updatedSince(t0.plusSeconds(3))
                            .after(c)
                            .limit(3),
                    3);
            assertThat(since)
                    .as("updatedSince is inclusive")
                    .allSatisfy(r -> assertThat(r.updatedAt()).isAfterOrEqualTo(t0.plusSeconds(3)))
                    .hasSize(5 + 6); // the moved five, and 7, 11, 15, 19, 23, 27 at t0 + 3 s
            assertThat(walk(s, c -> ListQuery.of(type).status("accepted").after(c), 500))
                    .extracting(StoredResource::id)
                    .containsExactlyInAnyOrderElementsOf(moved);
            assertThat(s.<Page<StoredResource>>transaction(
                            tx -> tx.list(ListQuery.of("None" + type).limit(10))))
                    .isEqualTo(new Page<>(List.of(), null));
        }
    }

    @Test
    void limits_are_clamped_and_foreign_cursors_refused() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
        String type = "T" + newId().substring(0, 8);
        try (JdbcStore s = openStore(clock)) {
            s.transaction(tx -> {
                for (int i = 0; i < 502; i++) {
                    tx.create(NewResource.of(type, String.format("r%04d", i)).body("{}"));
                }
                return null;
            });
            Page<StoredResource> zero =
                    s.transaction(tx -> tx.list(ListQuery.of(type).limit(0)));
            assertThat(zero.items()).hasSize(1);
            assertThat(zero.nextCursor()).isNotNull();
            Page<StoredResource> huge =
                    s.transaction(tx -> tx.list(ListQuery.of(type).limit(10_000)));
            assertThat(huge.items()).hasSize(500);
            Page<StoredResource> rest =
                    s.transaction(tx -> tx.list(ListQuery.of(type).after(huge.nextCursor())));
            assertThat(rest.items()).extracting(StoredResource::id).containsExactly("r0500", "r0501");
            assertThat(rest.nextCursor()).isNull();
            for (String bad : List.of("not-a-cursor!", "", "YWJj", "Zm9vOmJhcg")) {
                assertThatThrownBy(() -> s.transaction(
                                tx -> tx.list(ListQuery.of(type).after(bad).limit(5))))
                        .as(bad)
                        .isInstanceOf(InvalidCursorException.class);
            }
        }
    }

    // --- events -------------------------------------------------------------------------------------

    @Test
    void events_are_read_in_order_per_referral_and_after_a_sequence() {
        String id = newId();
        String other = newId();
        List<StoredEvent> written = tx(tx -> List.of(
                tx.appendEvent(NewEvent.named("a")
                        .about(new ResourceRef("Referral", id, 1))
                        .inReferral(id)
                        .payload("{\"n\":1}")),
                tx.appendEvent(NewEvent.named("x")
                        .about(new ResourceRef("Referral", other, 1))
                        .inReferral(other)
                        .payload("{}")),
                tx.appendEvent(NewEvent.named("b")
                        .about(new ResourceRef("Referral", id, 2))
                        .inReferral(id)
                        .payload("{\"n\":2}"))));
        StoredEvent c = tx(tx -> tx.appendEvent(NewEvent.named("c")
                .about(new ResourceRef("CarePlan", id, 1))
                .inReferral(id)
                .payload("{\"n\":3}")));
        assertThat(eventsFor(id)).extracting(StoredEvent::type).containsExactly("a", "b", "c");
        assertThat(eventsFor(id).get(2)).isEqualTo(c);
        assertThat(eventsFor(other)).extracting(StoredEvent::type).containsExactly("x");
        assertThat(eventsFor("none-" + id)).isEmpty();
        long first = written.get(0).sequence();
        assertThat(written.get(1).sequence()).isGreaterThan(first);
        assertThat(c.sequence()).isGreaterThan(written.get(2).sequence());
        assertThat(eventsAfter(first, 2)).extracting(StoredEvent::type).containsExactly("x", "b");
        assertThat(eventsAfter(first, 0))
                .as("limit raised to 1")
                .extracting(StoredEvent::type)
                .containsExactly("x");
        assertThat(eventsAfter(c.sequence(), 10)).isEmpty();
        assertThat(eventsAfter(first - 1, 100)).startsWith(written.get(0), written.get(1), written.get(2), c);
        assertThat(written)
                .extracting(StoredEvent::id)
                .doesNotHaveDuplicates()
                .allSatisfy(eventId ->
                        assertThat(UUID.fromString(eventId).version()).isEqualTo(4));
    }

    /**
     * A reader following {@code eventsAfter} while writers commit out of step must still see every
     * event: no sequence may become visible before a smaller one that later commits.
     */
    @Test
    void a_reader_following_the_sequence_misses_no_event_written_concurrently() throws Exception {
        long start = lastSequence();
        int writers = 4;
        int perWriter = 25;
        ExecutorService threads = Executors.newFixedThreadPool(writers + 1);
        Set<String> written = Collections.synchronizedSet(new HashSet<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                work.add(threads.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        String id = newId();
                        StoredEvent e = tx(tx -> {
                            StoredEvent appended = tx.appendEvent(NewEvent.named("e")
                                    .about(new ResourceRef("Referral", id, 1))
                                    .inReferral(id)
                                    .payload("{}"));
                            sleep(ThreadLocalRandom.current().nextInt(3)); // commit at a different moment than drawn
                            return appended;
                        });
                        written.add(e.id());
                    }
                    return null;
                }));
            }
            Future<List<StoredEvent>> reader = threads.submit(() -> {
                List<StoredEvent> seen = new ArrayList<>();
                long after = start;
                boolean drained = false;
                while (!drained) {
                    boolean last = !writing.get(); // one more full read once the writers are done
                    long from = after;
                    List<StoredEvent> page = tx(tx -> tx.eventsAfter(from, 1000));
                    seen.addAll(page);
                    if (!page.isEmpty()) {
                        after = page.get(page.size() - 1).sequence();
                    }
                    drained = last && page.isEmpty();
                }
                return seen;
            });
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            List<StoredEvent> seen = reader.get(60, TimeUnit.SECONDS);
            assertThat(seen).extracting(StoredEvent::sequence).isSorted().doesNotHaveDuplicates();
            assertThat(seen).extracting(StoredEvent::id).containsExactlyInAnyOrderElementsOf(written);
            assertThat(written).hasSize(writers * perWriter);
        } finally {
            threads.shutdownNow();
        }
    }

    // --- idempotency ------------------------------------------------------------------------------

    @Test
    void idempotency_records_are_kept_and_unique() {
        String key = "key-" + newId();
        IdempotencyRecord r = new IdempotencyRecord(key, "hash", 201, "{\"id\":\"x\"}", "/v1/referrals/x", "\"1\"");
        assertThat(idempotency(key)).isEmpty();
        tx(tx -> {
            tx.saveIdempotency(r);
            return null;
        });
        assertThat(idempotency(key)).contains(r);
        IdempotencyRecord again = new IdempotencyRecord(key, "other-hash", 200, "{}", null, null);
        assertThatThrownBy(() -> tx(tx -> {
                    tx.saveIdempotency(again);
                    return null;
                }))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(key);
        assertThat(idempotency(key)).as("the first answer stays").contains(r);
        IdempotencyRecord nulls = new IdempotencyRecord("key-" + newId(), "h", 422, "{}", null, null);
        tx(tx -> {
            tx.saveIdempotency(nulls);
            return null;
        });
        assertThat(idempotency(nulls.key())).contains(nulls);
    }

    @Test
    void an_answer_kept_by_reference_replays_the_version_it_answered_after_later_changes() {
        String id = newId();
        String key = "key-" + newId();
        StoredResource created = tx(tx -> {
            StoredResource r = tx.create(NewResource.of("Referral", id)
                    .inReferral(id)
                    .status("received")
                    .referrerOrg("RX9E2")
                    .body("{\"id\":\"" + id + "\",\"v\":1}"));
            tx.saveIdempotency(
                    new IdempotencyRecord(key, "hash", 201, r.body(), "/v1/referrals/" + id, "\"1\"", r.ref()));
            return r;
        });
        tx(tx -> tx.update(new ResourceRef("Referral", id, 1), "accepted", "{\"id\":\"" + id + "\",\"v\":2}"));

        IdempotencyRecord replayed = idempotency(key).orElseThrow();

        assertThat(replayed.body()).as("the first answer, now in the history").isEqualTo(created.body());
        assertThat(replayed.bodyOf()).isEqualTo(new ResourceRef("Referral", id, 1));
        assertThat(replayed.status()).isEqualTo(201);
    }

    // --- concurrency --------------------------------------------------------------------------------

    @Test
    void concurrent_read_modify_write_loses_no_update() throws Exception {
        String id = newId();
        tx(tx -> tx.create(
                NewResource.of("Referral", id).inReferral(id).status("received").body("0")));
        int threads = 8;
        int updatesEach = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    int conflicts = 0;
                    for (int i = 0; i < updatesEach; i++) {
                        while (true) {
                            try {
                                tx(tx -> {
                                    StoredResource r = tx.get("Referral", id).orElseThrow();
                                    return tx.update(
                                            new ResourceRef("Referral", id, r.version()),
                                            null,
                                            String.valueOf(Long.parseLong(r.body()) + 1));
                                });
                                break;
                            } catch (VersionConflictException lost) {
                                conflicts++; // another writer got there first: read again and retry
                            }
                        }
                    }
                    return conflicts;
                }));
            }
            for (Future<Integer> w : workers) {
                w.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        StoredResource last = get(id).orElseThrow();
        assertThat(last.version()).isEqualTo(1 + threads * updatesEach);
        assertThat(last.body()).isEqualTo(String.valueOf(threads * updatesEach));
        List<StoredResource> history = history(id);
        assertThat(history)
                .extracting(StoredResource::version)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 1 + threads * updatesEach)
                        .boxed()
                        .toList());
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).body())
                    .as("version %d counts every update before it", i + 1)
                    .isEqualTo(String.valueOf(i));
        }
    }

    @Test
    void concurrent_failing_transactions_undo_only_their_own_work() throws Exception {
        String prefix = newId();
        int threads = 8;
        int each = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        String id = prefix + "-" + thread + "-" + i;
                        boolean fail = (thread + i) % 2 == 1;
                        try {
                            tx(tx -> {
                                tx.create(NewResource.of("Referral", id)
                                        .inReferral(prefix)
                                        .body("{}"));
                                tx.appendEvent(NewEvent.named(fail ? "doomed" : "kept")
                                        .about(new ResourceRef("Referral", id, 1))
                                        .inReferral(prefix)
                                        .payload("{}"));
                                if (fail) {
                                    throw new IllegalStateException("fail " + id);
                                }
                                return null;
                            });
                            assertThat(fail).isFalse();
                        } catch (IllegalStateException expected) {
                            assertThat(fail).isTrue();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<StoredResource> kept =
                walk(store(), c -> ListQuery.of("Referral").inReferral(prefix).after(c), 500);
        assertThat(kept).hasSize(threads * each / 2).allSatisfy(r -> {
            String[] parts = r.id().substring(prefix.length() + 1).split("-");
            assertThat((Integer.parseInt(parts[0]) + Integer.parseInt(parts[1])) % 2)
                    .isZero();
        });
        assertThat(eventsFor(prefix))
                .hasSize(threads * each / 2)
                .extracting(StoredEvent::type)
                .containsOnly("kept");
    }

    // --- lifecycle ----------------------------------------------------------------------------------

    @Test
    void a_closed_store_refuses_transactions() {
        JdbcStore s = openStore(Clock.systemUTC());
        String id = newId();
        s.transaction(
                tx -> tx.create(NewResource.of("Referral", id).inReferral(id).body("{}")));
        s.close();
        s.close();
        assertThatThrownBy(() -> s.transaction(tx -> tx.get("Referral", id))).isInstanceOf(StoreException.class);
    }

    /**
     * Returns once the second writer is waiting for the first: by default, its thread is parked
     * (SQLite: queued behind the single writer). PostgreSQL overrides this with the server's own
     * view of a backend waiting for a row lock. Fails after ten seconds rather than testing nothing.
     */
    void awaitWaitingWriter(Thread second) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (second.getState() != Thread.State.WAITING
                && second.getState() != Thread.State.TIMED_WAITING
                && second.getState() != Thread.State.BLOCKED) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "the second update never waited for the first (thread " + second.getState() + ")");
            }
            sleep(5);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
