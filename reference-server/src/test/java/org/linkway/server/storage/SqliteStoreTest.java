package org.linkway.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The store contract on an SQLite file, plus what only a file can show: settings, reopening. */
class SqliteStoreTest extends StoreContract {

    @TempDir
    static Path dir;

    static JdbcStore store;
    static final AtomicInteger files = new AtomicInteger();

    @BeforeAll
    static void open() {
        store = JdbcStore.open("jdbc:sqlite:" + dir.resolve("nested/dir/linkway.db"));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Override
    Store store() {
        return store;
    }

    @Override
    JdbcStore openStore(Clock clock) {
        return JdbcStore.open("jdbc:sqlite:" + dir.resolve("extra-" + files.incrementAndGet() + ".db"), clock);
    }

    @Test
    void the_file_and_its_directories_are_created() {
        assertThat(dir.resolve("nested/dir/linkway.db")).isRegularFile();
        assertThat(store.dialect()).isEqualTo("sqlite");
    }

    @Test
    void the_connection_is_durable_and_waits_rather_than_failing_when_busy() {
        List<String> settings = store.transaction(tx -> {
            try (Statement s = ((JdbcTx) tx).connection().createStatement()) {
                return List.of(
                        pragma(s, "journal_mode"),
                        pragma(s, "synchronous"),
                        pragma(s, "foreign_keys"),
                        pragma(s, "busy_timeout"));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        // synchronous: 2 is FULL
        assertThat(settings).containsExactly("wal", "2", "1", "10000");
    }

    /**
     * The writer never copies the log itself (that stall would land on whoever committed last);
     * the checkpointer thread does, soon after commits, so the database file takes the writes.
     */
    @Test
    void the_log_is_copied_into_the_database_off_the_writer() throws Exception {
        Path file = dir.resolve("checkpointed.db");
        try (JdbcStore s = JdbcStore.open("jdbc:sqlite:" + file)) {
            String autocheckpoint = s.transaction(tx -> {
                try (Statement st = ((JdbcTx) tx).connection().createStatement()) {
                    return pragma(st, "wal_autocheckpoint");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(autocheckpoint).isEqualTo("0");
            long before = Files.size(file);
            String body = "{\"text\":\"" + "x".repeat(20_000) + "\"}";
            for (int i = 0; i < 50; i++) {
                String id = "cp-" + i;
                s.transaction(tx -> tx.create(NewResource.of("Referral", id)
                        .inReferral(id)
                        .status("received")
                        .referrerOrg("RX9E2")
                        .body(body)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (Files.size(file) < before + 50 * 20_000L && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(Files.size(file))
                    .as("pages copied from the log into the database file")
                    .isGreaterThanOrEqualTo(before + 50 * 20_000L);
        }
    }

    @Test
    void a_new_file_gets_small_pages_and_keeps_savepoint_journals_in_memory() {
        List<String> settings = store.transaction(tx -> {
            try (Statement s = ((JdbcTx) tx).connection().createStatement()) {
                return List.of(pragma(s, "page_size"), pragma(s, "temp_store"));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        // temp_store: 2 is MEMORY
        assertThat(settings).containsExactly("4096", "2");
    }

    @Test
    void an_existing_file_keeps_its_page_size() throws Exception {
        Path file = dir.resolve("small-pages.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size=4096");
            s.execute("PRAGMA journal_mode=WAL"); // writes the header: the page size is fixed from here on
        }
        try (JdbcStore s = JdbcStore.open("jdbc:sqlite:" + file)) {
            s.transaction(tx ->
                    tx.create(NewResource.of("Referral", "a").inReferral("a").body("{}")));
            String pageSize = s.transaction(tx -> {
                try (Statement st = ((JdbcTx) tx).connection().createStatement()) {
                    return pragma(st, "page_size");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(pageSize).isEqualTo("4096");
            assertThat(s.<Optional<StoredResource>>read(tx -> tx.get("Referral", "a")))
                    .isPresent();
        }
    }

    @Test
    void a_write_inside_a_read_fails_and_writes_nothing() {
        String id = newId();
        assertThatThrownBy(() -> store.read(tx ->
                        tx.create(NewResource.of("Referral", id).inReferral(id).body("{}"))))
                .isInstanceOf(StoreException.class);
        assertThat(store.<Optional<StoredResource>>transaction(tx -> tx.get("Referral", id)))
                .isEmpty();
        // the read-only connection that refused is still good for reading
        store.transaction(
                tx -> tx.create(NewResource.of("Referral", id).inReferral(id).body("{}")));
        for (int i = 0; i < 8; i++) {
            assertThat(store.<Optional<StoredResource>>read(tx -> tx.get("Referral", id)))
                    .isPresent();
        }
    }

    @Test
    void the_writer_reuses_its_statements_across_transactions_and_failures() {
        String id = newId();
        store.transaction(
                tx -> tx.create(NewResource.of("Referral", id).inReferral(id).body("{\"n\":1}")));
        // the same insert is refused (duplicate id), then fails in SQLite itself (no body: NOT NULL),
        // each rolled back to its savepoint, and the cached statement is reused after both
        assertThatThrownBy(() -> store.transaction(tx ->
                        tx.create(NewResource.of("Referral", id).inReferral(id).body("{}"))))
                .isInstanceOf(StoreException.class);
        String failing = newId();
        assertThatThrownBy(() -> store.transaction(
                        tx -> tx.create(NewResource.of("Referral", failing).inReferral(failing))))
                .isInstanceOf(StoreException.class)
                .hasRootCauseInstanceOf(SQLException.class);
        assertThat(store.<Optional<StoredResource>>transaction(tx -> tx.get("Referral", failing)))
                .isEmpty();
        String other = newId();
        StoredResource created = store.transaction(tx -> tx.create(NewResource.of("Referral", other)
                .inReferral(other)
                .status("received")
                .referrerOrg("ORG")
                .body("{\"n\":2}")));
        assertThat(store.<Optional<StoredResource>>transaction(tx -> tx.get("Referral", other)))
                .contains(created);
        assertThat(store.<Optional<StoredResource>>transaction(tx -> tx.get("Referral", id)))
                .map(StoredResource::body)
                .contains("{\"n\":1}");
    }

    @Test
    void history_is_right_on_a_database_that_also_kept_the_current_version_in_resource_version() {
        String id = newId();
        store.transaction(tx -> tx.create(NewResource.of("Referral", id)
                .inReferral(id)
                .status("received")
                .referrerOrg("ORG")
                .body("{\"v\":1}")));
        // the layout written before creates kept one copy: version 1 also in resource_version
        store.transaction(tx -> {
            try (Statement s = ((JdbcTx) tx).connection().createStatement()) {
                return s.executeUpdate(
                        "INSERT INTO resource_version SELECT type, id, version, referral_id, status, referrer_org, body, "
                                + "created_at, updated_at FROM resource_latest WHERE id = '" + id + "'");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(store.<List<StoredResource>>transaction(tx -> tx.history("Referral", id)))
                .extracting(StoredResource::version)
                .containsExactly(1L);
        store.transaction(tx -> tx.update(new ResourceRef("Referral", id, 1), "accepted", "{\"v\":2}"));
        assertThat(store.<List<StoredResource>>transaction(tx -> tx.history("Referral", id)))
                .extracting(StoredResource::version, StoredResource::body)
                .containsExactly(Tuple.tuple(1L, "{\"v\":1}"), Tuple.tuple(2L, "{\"v\":2}"));
    }

    private static String pragma(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void committed_data_survives_closing_and_reopening() {
        String url = "jdbc:sqlite:" + dir.resolve("reopen.db");
        IdempotencyRecord key = new IdempotencyRecord("k", "h", 201, "{}", "/v1/referrals/kept", "\"1\"");
        StoredEvent event;
        try (JdbcStore first = JdbcStore.open(url)) {
            first.transaction(tx -> tx.create(NewResource.of("Referral", "kept")
                    .inReferral("kept")
                    .status("received")
                    .referrerOrg("ORG")
                    .body("{\"x\":1}")));
            first.transaction(tx -> tx.update(new ResourceRef("Referral", "kept", 1), "accepted", "{\"x\":2}"));
            event = first.transaction(tx -> {
                tx.saveIdempotency(key);
                return tx.appendEvent(NewEvent.named("referral.accepted")
                        .about(new ResourceRef("Referral", "kept", 2))
                        .inReferral("kept")
                        .payload("{}"));
            });
        }
        try (JdbcStore again = JdbcStore.open(url)) {
            assertThat(again.<Optional<StoredResource>>transaction(tx -> tx.get("Referral", "kept")))
                    .map(StoredResource::body)
                    .contains("{\"x\":2}");
            assertThat(again.<List<StoredResource>>transaction(tx -> tx.history("Referral", "kept")))
                    .extracting(StoredResource::version)
                    .containsExactly(1L, 2L);
            assertThat(again.<List<StoredEvent>>transaction(tx -> tx.eventsForReferral("kept")))
                    .containsExactly(event);
            assertThat(again.<Optional<IdempotencyRecord>>transaction(tx -> tx.idempotency("k")))
                    .contains(key);
            StoredEvent next = again.transaction(tx -> tx.appendEvent(NewEvent.named("x")
                    .about(new ResourceRef("Referral", "kept", 2))
                    .inReferral("kept")
                    .payload("{}")));
            assertThat(next.sequence()).as("the sequence goes on").isGreaterThan(event.sequence());
        }
    }

    @Test
    void a_data_source_can_be_given_instead_of_a_url() {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + dir.resolve("from-data-source.db"));
        try (JdbcStore s = JdbcStore.open(source, "SQLite")) {
            assertThat(s.dialect()).isEqualTo("sqlite");
            s.transaction(tx ->
                    tx.create(NewResource.of("Referral", "a").inReferral("a").body("{}")));
            assertThat(s.<Optional<StoredResource>>transaction(tx -> tx.get("Referral", "a")))
                    .isPresent();
        }
        assertThatThrownBy(() -> JdbcStore.open(source, "oracle")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unsupported_urls_are_refused_without_showing_the_password() {
        assertThatThrownBy(() -> JdbcStore.open("jdbc:mysql://db/x?user=u&password=secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret");
    }

    @Test
    void a_database_that_cannot_be_opened_is_a_store_exception() throws Exception {
        Path occupied = Files.createDirectories(dir.resolve("a-directory.db"));
        assertThatThrownBy(() -> JdbcStore.open("jdbc:sqlite:" + occupied)).isInstanceOf(StoreException.class);
    }
}
