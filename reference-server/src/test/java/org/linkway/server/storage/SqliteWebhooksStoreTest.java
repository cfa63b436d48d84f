package org.linkway.server.storage;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery bookkeeping on SQLite. SQLite serves one server instance (its file has one writer),
 * so here the "second instance" is the same store: the concurrent dispatchers are threads of one.
 */
class SqliteWebhooksStoreTest extends WebhooksStoreContract {

    @TempDir
    static Path dir;

    static final AtomicInteger files = new AtomicInteger();

    @Override
    JdbcStore openFresh(MutableClock clock) {
        return JdbcStore.open("jdbc:sqlite:" + dir.resolve("webhooks-" + files.incrementAndGet() + ".db"), clock);
    }

    @Override
    JdbcStore openSecond(JdbcStore first, MutableClock clock) {
        return first;
    }
}
