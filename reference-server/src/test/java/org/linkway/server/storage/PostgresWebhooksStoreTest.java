package org.linkway.server.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Delivery bookkeeping on a real PostgreSQL: a database per test, two connection pools as two instances. */
class PostgresWebhooksStoreTest extends WebhooksStoreContract {

    static EmbeddedPostgres postgres;
    static final AtomicInteger databases = new AtomicInteger();
    private String lastUrl;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    JdbcStore openFresh(MutableClock clock) {
        String name = "webhooks_" + databases.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new StoreException("cannot create test database", e);
        }
        lastUrl = postgres.getJdbcUrl("postgres", name);
        return JdbcStore.open(lastUrl, clock);
    }

    @Override
    JdbcStore openSecond(JdbcStore first, MutableClock clock) {
        return JdbcStore.open(lastUrl, clock);
    }
}
