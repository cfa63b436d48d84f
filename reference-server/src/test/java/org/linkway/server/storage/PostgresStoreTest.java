package org.linkway.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store contract on a real PostgreSQL, started by the test itself (once for the class). */
class PostgresStoreTest extends StoreContract {

    static EmbeddedPostgres postgres;
    static JdbcStore store;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        store = JdbcStore.open(postgres.getJdbcUrl("postgres", "postgres"));
    }

    @AfterAll
    static void stop() throws IOException {
        if (store != null) {
            store.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    Store store() {
        return store;
    }

    @Override
    JdbcStore openStore(Clock clock) {
        // the same database, through the data-source entry point; migrations are already applied
        return JdbcStore.open(postgres.getPostgresDatabase(), "postgresql", clock);
    }

    /** PostgreSQL's own word that a backend is waiting for a lock: the second update has reached the row. */
    @Override
    void awaitWaitingWriter(Thread second) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet rs =
                        s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the second update never waited for the first's row lock");
                }
                sleep(5);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_dialect_is_postgresql() {
        assertThat(store.dialect()).isEqualTo("postgresql");
    }

    @Test
    void a_connection_that_breaks_is_replaced() {
        for (int round = 0; round < 3; round++) {
            assertThatThrownBy(() -> store.transaction(tx -> {
                        try (Statement s = ((JdbcTx) tx).connection().createStatement()) {
                            s.execute("SELECT pg_terminate_backend(pg_backend_pid())");
                        } catch (SQLException e) {
                            throw new StoreException("connection lost", e);
                        }
                        return tx.get("Referral", "x");
                    }))
                    .isInstanceOf(StoreException.class);
        }
        for (int i = 0; i < 20; i++) {
            String id = newId();
            store.transaction(tx ->
                    tx.create(NewResource.of("Referral", id).inReferral(id).body("{}")));
            assertThat(store.<Optional<StoredResource>>transaction(tx -> tx.get("Referral", id)))
                    .isPresent();
        }
    }

    @Test
    void an_unreachable_database_fails_at_open() {
        assertThatThrownBy(() ->
                        JdbcStore.open("jdbc:postgresql://127.0.0.1:1/none?user=u&password=secret&connectTimeout=2"))
                .isInstanceOf(StoreException.class)
                .hasMessageNotContaining("secret");
    }
}
