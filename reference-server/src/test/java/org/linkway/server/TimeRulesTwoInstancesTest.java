package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linkway.server.TimeRuleFixtures.SERVICE;
import static org.linkway.server.TimeRuleFixtures.create;
import static org.linkway.server.TimeRuleFixtures.overdue;
import static org.linkway.server.TimeRuleFixtures.referralDated;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linkway.server.security.DevTokens;
import org.linkway.server.security.Role;

/**
 * Two server instances on one PostgreSQL sweeping at the same moment raise each overdue exactly
 * once between them: the overdue log's key decides, in the transaction that appends the event.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class TimeRulesTwoInstancesTest {

    @TempDir
    Path data;

    @Test
    void two_instances_sweeping_concurrently_raise_each_overdue_once() throws Exception {
        MovableClock clock = TimeRuleFixtures.startingNow();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            ServerConfig config =
                    ServerConfig.forTests(data).withDatabaseUrl(postgres.getJdbcUrl("postgres", "postgres"));
            try (LinkwayServer one = LinkwayServer.start(config, clock);
                    LinkwayServer two = LinkwayServer.start(config, clock)) {
                clock.set("2026-03-02T12:00:00Z");
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    LinkwayServer at = i % 2 == 0 ? one : two;
                    ApiClient lw = new ApiClient(
                            at.port(),
                            DevTokens.forPort(at.port()).orElseThrow().mint(Role.LINK_WORKER, SERVICE));
                    ids.add(create(lw, referralDated("2026-03-02T10:41:00Z")));
                }
                clock.set("2026-03-06T00:00:00Z");
                ExecutorService sweepers = Executors.newFixedThreadPool(4);
                List<Future<Integer>> sweeps = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    LinkwayServer at = i % 2 == 0 ? one : two;
                    Callable<Integer> sweep = at::sweepTimeRules;
                    sweeps.add(sweepers.submit(sweep));
                }
                int raised = 0;
                for (Future<Integer> f : sweeps) {
                    raised += f.get(2, TimeUnit.MINUTES);
                }
                sweepers.shutdown();
                for (String id : ids) {
                    assertThat(overdue(new ApiClient(one.port()), id)).as(id).hasSize(1);
                }
                assertThat(raised).isEqualTo(count(postgres, "SELECT COUNT(*) FROM overdue_raised"));
                assertThat(raised)
                        .isEqualTo(count(postgres, "SELECT COUNT(*) FROM event WHERE type = 'referral.overdue'"));
                assertThat(raised).isGreaterThanOrEqualTo(ids.size());
            }
        }
    }

    private static int count(EmbeddedPostgres postgres, String sql) throws SQLException, IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
