package org.linkway.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * A random sequence of creates, updates (some from a stale or future version) and aborted
 * transactions on a few ids, applied to the store and to a simple model: afterwards every id's
 * history, latest version and list entry are what the model says, and each step failed exactly
 * when the model says it must. Every sequence runs on SQLite and on PostgreSQL.
 */
class StoreModelProperties {

    static EmbeddedPostgres postgres;
    static Path dir;
    static List<JdbcStore> stores;

    @BeforeContainer
    static void open() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        dir = Files.createTempDirectory("linkway-store-model");
        stores = List.of(JdbcStore.open("jdbc:sqlite:" + dir.resolve("model.db")),
                JdbcStore.open(postgres.getJdbcUrl("postgres", "postgres")));
    }

    @AfterContainer
    static void close() throws IOException {
        if (stores != null) {
            stores.forEach(JdbcStore::close);
        }
        if (postgres != null) {
            postgres.close();
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    sealed interface Op permits Create, Update, Aborted { }

    record Create(int key, String status, String body) implements Op { }

    /** {@code skew} 0 names the current version; otherwise a stale (negative) or future one. */
    record Update(int key, int skew, String status, String body) implements Op { }

    /** A transaction that creates or updates, then throws: it must leave no trace. */
    record Aborted(int key, String body) implements Op { }

    /** What the model keeps per id: each version's status and body, oldest first. */
    record Version(String status, String body) { }

    private static final int KEYS = 3;

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Integer> key = Arbitraries.integers().between(0, KEYS - 1);
        Arbitrary<String> status = Arbitraries.of("received", "accepted", "closed").injectNull(0.2);
        Arbitrary<String> body = Arbitraries.strings().withCharRange(' ', '~').withChars("éß€✓\n\t").ofMaxLength(12);
        Arbitrary<Integer> skew = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(-3, -1)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 2)));
        Arbitrary<Op> create = Combinators.combine(key, status, body).as(Create::new);
        Arbitrary<Op> update = Combinators.combine(key, skew, status, body).as(Update::new);
        Arbitrary<Op> aborted = Combinators.combine(key, body).as(Aborted::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, create),
                net.jqwik.api.Tuple.of(5, update),
                net.jqwik.api.Tuple.of(1, aborted)).list().ofMaxSize(25);
    }

    @Property(tries = 60)
    void the_store_keeps_exactly_the_history_the_model_does(@ForAll("ops") List<Op> ops) {
        for (JdbcStore store : stores) {
            check(store, ops);
        }
    }

    private static void check(Store store, List<Op> ops) {
        String run = UUID.randomUUID().toString();
        String type = "Model";
        Map<Integer, List<Version>> model = new HashMap<>();
        for (Op op : ops) {
            if (op instanceof Create c) {
                String id = id(run, c.key());
                if (model.containsKey(c.key())) {
                    assertThatThrownBy(() -> store.transaction(tx -> tx.create(type, id, run, c.status(), "O", c.body())))
                            .as(store.dialect() + " " + op).isInstanceOf(StoreException.class);
                } else {
                    StoredResource r = store.transaction(tx -> tx.create(type, id, run, c.status(), "O", c.body()));
                    assertThat(r.version()).isEqualTo(1);
                    model.put(c.key(), new ArrayList<>(List.of(new Version(c.status(), c.body()))));
                }
            } else if (op instanceof Update u) {
                String id = id(run, u.key());
                List<Version> versions = model.get(u.key());
                long current = versions == null ? 0 : versions.size();
                long expected = Math.max(0, current + u.skew());
                if (versions == null) {
                    assertThatThrownBy(() -> store.transaction(tx -> tx.update(type, id, expected, u.status(), u.body())))
                            .as(store.dialect() + " " + op).isInstanceOf(NoSuchElementException.class);
                } else if (expected != current) {
                    assertThatThrownBy(() -> store.transaction(tx -> tx.update(type, id, expected, u.status(), u.body())))
                            .as(store.dialect() + " " + op)
                            .isInstanceOfSatisfying(VersionConflictException.class,
                                    e -> assertThat(e.currentVersion()).isEqualTo(current));
                } else {
                    StoredResource r = store.transaction(tx -> tx.update(type, id, expected, u.status(), u.body()));
                    assertThat(r.version()).isEqualTo(current + 1);
                    versions.add(new Version(u.status(), u.body()));
                }
            } else if (op instanceof Aborted a) {
                String id = id(run, a.key());
                List<Version> versions = model.get(a.key());
                assertThatThrownBy(() -> store.transaction(tx -> {
                    if (versions == null) {
                        tx.create(type, id, run, null, "O", a.body());
                    } else {
                        tx.update(type, id, versions.size(), null, a.body());
                    }
                    tx.appendEvent(run, "aborted", type, id, 0, "{}");
                    throw new IllegalStateException("abort");
                })).hasMessage("abort");
            }
        }
        for (int key = 0; key < KEYS; key++) {
            String id = id(run, key);
            List<Version> expected = model.getOrDefault(key, List.of());
            List<StoredResource> history = store.transaction(tx -> tx.history(type, id));
            assertThat(history).as(store.dialect() + " history of key " + key)
                    .extracting(r -> new Version(r.status(), r.body()))
                    .containsExactlyElementsOf(expected);
            for (int v = 0; v < history.size(); v++) {
                assertThat(history.get(v).version()).isEqualTo(v + 1);
                assertThat(history.get(v).referrerOrg()).isEqualTo("O");
                assertThat(history.get(v).createdAt()).isEqualTo(history.get(0).createdAt());
            }
            Optional<StoredResource> latest = store.transaction(tx -> tx.get(type, id));
            assertThat(latest).as(store.dialect() + " latest of key " + key)
                    .isEqualTo(history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1)));
        }
        List<StoredResource> listed = store.transaction(tx -> tx.list(new ListQuery(type, null, null, run, null, null, 500))).items();
        assertThat(listed).extracting(StoredResource::id)
                .containsExactlyInAnyOrderElementsOf(model.keySet().stream().map(k -> id(run, k)).toList());
        assertThat(store.<List<StoredEvent>>transaction(tx -> tx.eventsForReferral(run))).as("aborted transactions' events").isEmpty();
    }

    private static String id(String run, int key) {
        return run + "-" + key;
    }
}
