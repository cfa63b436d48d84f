package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkway.server.security.AuditVerifier;
import org.linkway.server.storage.JdbcStore;
import org.linkway.server.storage.Store;

/** On PostgreSQL: two instances append to one chain at once without forking it, and an edited row is named. */
class PostgresAuditChainTest {

    @TempDir
    Path data;

    @Test
    void twoInstancesShareOneUnbrokenChainAndAnEditIsFound() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            int requests = 40;
            try (LinkwayServer one = LinkwayServer.start(
                            ServerConfig.forTests(data.resolve("a")).withDatabaseUrl(url));
                    LinkwayServer two = LinkwayServer.start(
                            ServerConfig.forTests(data.resolve("b")).withDatabaseUrl(url))) {
                ApiClient a = new ApiClient(one.port());
                ApiClient b = new ApiClient(two.port());
                ExecutorService pool = Executors.newFixedThreadPool(4);
                List<Future<Integer>> calls = new ArrayList<>();
                for (int i = 0; i < requests; i++) {
                    ApiClient client = i % 2 == 0 ? a : b;
                    calls.add(pool.submit(() -> client.get("/v1/referrals").status()));
                }
                for (Future<Integer> f : calls) {
                    assertThat(f.get()).isEqualTo(200);
                }
                pool.shutdown();
            }
            try (Store store = JdbcStore.open(url)) {
                AuditVerifier.Report report = AuditVerifier.verify(store);
                assertThat(report.ok()).as(report.describe()).isTrue();
                assertThat(report.entries()).isEqualTo(requests);
            }
            try (Connection c = DriverManager.getConnection(url);
                    Statement s = c.createStatement()) {
                assertThatThrownBy(() ->
                                s.executeUpdate("UPDATE audit_entry SET subject = 'someone-else' WHERE sequence = 7"))
                        .hasMessageContaining("append-only");
                s.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_change");
                s.executeUpdate("UPDATE audit_entry SET subject = 'someone-else' WHERE sequence = 7");
            }
            try (Store store = JdbcStore.open(url)) {
                AuditVerifier.Report report = AuditVerifier.verify(store);
                assertThat(report.ok()).isFalse();
                assertThat(report.brokenAt()).isEqualTo(7);
                assertThat(report.entries()).isEqualTo(6);
            }
        }
    }
}
