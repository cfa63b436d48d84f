package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkway.server.contract.ContractRoutes;
import org.linkway.server.storage.JdbcStore;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.StoreException;
import org.linkway.validation.MessageValidator;

/**
 * Start-up overlaps the migrations with building the HTTP side only if building it never asks the
 * database anything: one call that waits for the store puts the whole migration back on the
 * start-up's critical path.
 */
class OpeningStoreTest {

    /** A store whose every use is a failure naming who used it. */
    private static final class Tripwire implements Store {
        final AtomicReference<Throwable> touched = new AtomicReference<>();

        private <T> T trip(String what) {
            IllegalStateException e =
                    new IllegalStateException("the store was used (" + what + ") while the server was being built");
            touched.compareAndSet(null, e);
            throw e;
        }

        @Override
        public <T> T transaction(TxWork<T> work) {
            return trip("transaction");
        }

        @Override
        public <T> T read(TxWork<T> work) {
            return trip("read");
        }

        @Override
        public String dialect() {
            return trip("dialect");
        }

        @Override
        public void close() {}
    }

    @Test
    void building_every_route_asks_the_store_nothing(@TempDir Path dir) {
        Tripwire store = new Tripwire();
        new LinkwayServer(
                ServerConfig.forTests(dir),
                store,
                Clock.systemUTC(),
                MessageValidator.builder().build(),
                new ContractRoutes());
        assertThat(store.touched.get())
                .as("a route or service used the store while being built")
                .isNull();
    }

    @Test
    void a_call_made_while_opening_waits_and_then_runs_on_the_opened_store(@TempDir Path dir) throws Exception {
        CompletableFuture<Store> opening = new CompletableFuture<>();
        OpeningStore store = new OpeningStore(opening);
        CompletableFuture<String> asked = CompletableFuture.supplyAsync(store::dialect);
        Thread.sleep(50);
        assertThat(asked).isNotDone();
        Store real = JdbcStore.open("jdbc:sqlite:" + dir.resolve("t.db"));
        opening.complete(real);
        assertThat(asked.get()).isEqualTo("sqlite");
        store.close();
    }

    @Test
    void a_failed_open_fails_every_call_with_its_own_error_and_close_is_quiet() {
        CompletableFuture<Store> opening = new CompletableFuture<>();
        OpeningStore store = new OpeningStore(opening);
        opening.completeExceptionally(
                new StoreException("cannot prepare the sqlite schema", new RuntimeException("disk full")));
        assertThatThrownBy(store::dialect).isInstanceOf(StoreException.class).hasMessageContaining("cannot prepare");
        assertThatThrownBy(() -> store.transaction(tx -> 1)).isInstanceOf(StoreException.class);
        store.close();
    }
}
