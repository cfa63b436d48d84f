package org.linkway.server;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.linkway.server.storage.Store;

/**
 * The store while it is still being opened on another thread: every call waits for the open to
 * finish (and fails as it failed). It lets the HTTP side be built and start listening while the
 * migrations run, instead of after them; a request that arrives first, {@code /health} included,
 * simply waits for the database.
 */
final class OpeningStore implements Store {

    private final CompletableFuture<Store> opening;

    OpeningStore(CompletableFuture<Store> opening) {
        this.opening = opening;
    }

    /** The open store, waiting for it; the open's own exception if it failed. */
    Store opened() {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    @Override
    public <T> T transaction(TxWork<T> work) {
        return opened().transaction(work);
    }

    @Override
    public <T> T read(TxWork<T> work) {
        return opened().read(work);
    }

    @Override
    public String dialect() {
        return opened().dialect();
    }

    /** Waits for the open to finish, then closes the store; if opening failed, there is nothing to close. */
    @Override
    public void close() {
        Store open;
        try {
            open = opening.join();
        } catch (CompletionException e) {
            return;
        }
        open.close();
    }
}
