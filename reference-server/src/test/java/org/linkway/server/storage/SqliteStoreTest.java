package org.linkway.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an SQLite file, plus what only a file can show: it survives reopening. */
class SqliteStoreTest extends StoreContract {

    @TempDir
    static Path dir;
    static JdbcStore store;

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

    @Test
    void committed_data_survives_closing_and_reopening() {
        String url = "jdbc:sqlite:" + dir.resolve("reopen.db");
        try (JdbcStore first = JdbcStore.open(url)) {
            first.transaction(tx -> tx.create("Referral", "kept", "kept", "received", null, "{\"x\":1}"));
        }
        try (JdbcStore again = JdbcStore.open(url)) {
            java.util.Optional<StoredResource> kept = again.transaction(tx -> tx.get("Referral", "kept"));
            assertThat(kept).map(StoredResource::body).contains("{\"x\":1}");
            assertThat(again.dialect()).isEqualTo("sqlite");
        }
    }
}
