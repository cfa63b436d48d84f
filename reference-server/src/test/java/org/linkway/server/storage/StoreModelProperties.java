package org.linkway.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.testing.Gens;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * A random sequence of creates, updates (some from a stale or future version) and aborted
 * transactions on a few ids, applied to the store and to a simple model: afterwards every id's
 * history, latest version and list entry are what the model says, and each step failed exactly
 * when the model says it must. Every sequence runs on SQLite and on PostgreSQL.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class StoreModelProperties {

    static EmbeddedPostgres postgres;
    static Path dir;
    static List<JdbcStore> stores;

    @BeforeAll
    static void open() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        dir = Files.createTempDirectory("linkway-store-model");
        stores = List.of(
                JdbcStore.open("jdbc:sqlite:" + dir.resolve("model.db")),
                JdbcStore.open(postgres.getJdbcUrl("postgres", "postgres")));
    }

    @AfterAll
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

    sealed interface Op permits Create, Update, Aborted {}

    record Create(int key, String status, String body) implements Op {}

    /** {@code skew} 0 names the current version; otherwise a stale (negative) or future one. */
    record Update(int key, int skew, String status, String body) implements Op {}

    /** A transaction that creates or updates, then throws: it must leave no trace. */
    record Aborted(int key, String body) implements Op {}

    /** What the model keeps per id: each version's status and body, oldest first. */
    record Version(String status, String body) {}

    private static final int KEYS = 3;

    static Gen<List<Op>> ops() {
        Gen<Integer> key = integers().between(0, KEYS - 1);
        Gen<String> status = Gens.orNull(Gens.pick("received", "accepted", "closed"), 20);
        Gen<String> body = Gens.text(Gens.range(' ', '~') + "\u00e9\u00df\u20ac\u2713\n\t", 0, 12);
        Gen<Integer> skew = Generate.frequency(List.of(
                Pair.of(6, Generate.constant(0)),
                Pair.of(1, integers().between(-3, -1)),
                Pair.of(1, integers().between(1, 2))));
        Gen<Op> create = key.zip(status, body, Create::new);
        Gen<Op> update = key.zip(skew, status, body, Update::new);
        Gen<Op> aborted = key.zip(body, Aborted::new);
        Gen<Op> op = Generate.frequency(List.of(Pair.of(2, create), Pair.of(5, update), Pair.of(1, aborted)));
        return lists().of(op).ofSizeBetween(0, 25);
    }

    @Test
    void the_store_keeps_exactly_the_history_the_model_does() {
        // shrinking is capped: each step replays a sequence on two databases
        qt().withFixedSeed(7_601L)
                .withExamples(60)
                .withShrinkCycles(50)
                .forAll(ops())
                .checkAssert(ops -> {
                    for (JdbcStore store : stores) {
                        check(store, ops);
                    }
                });
    }

    private static void check(Store store, List<Op> ops) {
        String run = UUID.randomUUID().toString();
        String type = "Model";
        Map<Integer, List<Version>> model = new HashMap<>();
        for (Op op : ops) {
            if (op instanceof Create c) {
                String id = id(run, c.key());
                if (model.containsKey(c.key())) {
                    assertThatThrownBy(() -> store.transaction(tx -> tx.create(NewResource.of(type, id)
                                    .inReferral(run)
                                    .status(c.status())
                                    .referrerOrg("O")
                                    .body(c.body()))))
                            .as(store.dialect() + " " + op)
                            .isInstanceOf(StoreException.class);
                } else {
                    StoredResource r = store.transaction(tx -> tx.create(NewResource.of(type, id)
                            .inReferral(run)
                            .status(c.status())
                            .referrerOrg("O")
                            .body(c.body())));
                    assertThat(r.version()).isEqualTo(1);
                    model.put(c.key(), new ArrayList<>(List.of(new Version(c.status(), c.body()))));
                }
            } else if (op instanceof Update u) {
                String id = id(run, u.key());
                List<Version> versions = model.get(u.key());
                long current = versions == null ? 0 : versions.size();
                long expected = Math.max(0, current + u.skew());
                if (versions == null) {
                    assertThatThrownBy(() -> store.transaction(
                                    tx -> tx.update(new ResourceRef(type, id, expected), u.status(), u.body())))
                            .as(store.dialect() + " " + op)
                            .isInstanceOf(NoSuchElementException.class);
                } else if (expected != current) {
                    assertThatThrownBy(() -> store.transaction(
                                    tx -> tx.update(new ResourceRef(type, id, expected), u.status(), u.body())))
                            .as(store.dialect() + " " + op)
                            .isInstanceOfSatisfying(
                                    VersionConflictException.class,
                                    e -> assertThat(e.currentVersion()).isEqualTo(current));
                } else {
                    StoredResource r = store.transaction(
                            tx -> tx.update(new ResourceRef(type, id, expected), u.status(), u.body()));
                    assertThat(r.version()).isEqualTo(current + 1);
                    versions.add(new Version(u.status(), u.body()));
                }
            } else if (op instanceof Aborted a) {
                String id = id(run, a.key());
                List<Version> versions = model.get(a.key());
                assertThatThrownBy(() -> store.transaction(tx -> {
                            if (versions == null) {
                                tx.create(NewResource.of(type, id)
                                        .inReferral(run)
                                        .referrerOrg("O")
                                        .body(a.body()));
                            } else {
                                tx.update(new ResourceRef(type, id, versions.size()), null, a.body());
                            }
                            tx.appendEvent(NewEvent.named("aborted")
                                    .about(new ResourceRef(type, id, 0))
                                    .inReferral(run)
                                    .payload("{}"));
                            throw new IllegalStateException("abort");
                        }))
                        .hasMessage("abort");
            }
        }
        for (int key = 0; key < KEYS; key++) {
            String id = id(run, key);
            List<Version> expected = model.getOrDefault(key, List.of());
            List<StoredResource> history = store.transaction(tx -> tx.history(type, id));
            assertThat(history)
                    .as(store.dialect() + " history of key " + key)
                    .extracting(r -> new Version(r.status(), r.body()))
                    .containsExactlyElementsOf(expected);
            for (int v = 0; v < history.size(); v++) {
                assertThat(history.get(v).version()).isEqualTo(v + 1);
                assertThat(history.get(v).referrerOrg()).isEqualTo("O");
                assertThat(history.get(v).createdAt()).isEqualTo(history.get(0).createdAt());
            }
            Optional<StoredResource> latest = store.transaction(tx -> tx.get(type, id));
            assertThat(latest)
                    .as(store.dialect() + " latest of key " + key)
                    .isEqualTo(history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1)));
        }
        List<StoredResource> listed = store.transaction(
                        tx -> tx.list(ListQuery.of(type).inReferral(run)))
                .items();
        assertThat(listed)
                .extracting(StoredResource::id)
                .containsExactlyInAnyOrderElementsOf(
                        model.keySet().stream().map(k -> id(run, k)).toList());
        assertThat(store.<List<StoredEvent>>transaction(tx -> tx.eventsForReferral(run)))
                .as("aborted transactions' events")
                .isEmpty();
    }

    private static String id(String run, int key) {
        return run + "-" + key;
    }
}
