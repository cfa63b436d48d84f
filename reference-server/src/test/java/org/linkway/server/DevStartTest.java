package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Development mode on a new data directory: the first healthy answer means the demo data is
 * there, so a script that waits for {@code /health} and then lists referrals sees them.
 */
class DevStartTest {

    @TempDir
    Path data;

    @Test
    void the_first_healthy_answer_comes_after_the_demo_data_is_stored() throws Exception {
        int port = WebhookReceiver.freePort();
        ServerConfig config = new ServerConfig("127.0.0.1", port, data, null, ServerConfig.DEFAULT_MAX_BODY, true);
        CompletableFuture<LinkwayServer> starting = CompletableFuture.supplyAsync(() -> LinkwayServer.start(config));
        ApiClient api = new ApiClient(port);
        try {
            int status = 0;
            for (int i = 0; i < 600 && status != 200; i++) {
                try {
                    status = api.get("/health").status();
                } catch (RuntimeException notListeningYet) {
                    status = 0;
                }
                if (status != 200) {
                    Thread.sleep(10);
                }
            }
            assertThat(status).isEqualTo(200);
            // read behind the server's back, at the moment of the first 200, whatever start() is still doing
            assertThat(referralsIn(data.resolve("linkway.db"))).isEqualTo(3);
        } finally {
            starting.get(120, TimeUnit.SECONDS).close();
        }
    }

    @Test
    void a_restart_keeps_the_demo_data_and_adds_none() throws Exception {
        ServerConfig config = new ServerConfig("127.0.0.1", 0, data, null, ServerConfig.DEFAULT_MAX_BODY, true);
        LinkwayServer.start(config).close();
        LinkwayServer.start(config).close();
        assertThat(referralsIn(data.resolve("linkway.db"))).isEqualTo(3);
    }

    private static int referralsIn(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM resource_latest WHERE type = 'Referral'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
