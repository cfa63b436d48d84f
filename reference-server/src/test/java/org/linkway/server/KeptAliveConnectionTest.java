package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linkway.server.http.EdgeSettings;
import org.linkway.server.security.DevTokens;
import org.linkway.server.security.Role;

/**
 * A client that keeps its connection open between requests, as every HTTP library's pool does,
 * may pause longer than the grace a request body gets: the body's short timeout belongs to that
 * body, not to the connection. Requests are pipelined so the next one starts while the previous
 * one is still being completed, the moment a stale timeout would be carried over.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class KeptAliveConnectionTest {

    @TempDir
    Path data;

    @Test
    void a_pause_longer_than_the_body_grace_does_not_close_a_kept_alive_connection() throws Exception {
        EdgeSettings edge =
                EdgeSettings.DEFAULTS.withBodyTiming(Duration.ofSeconds(30), Duration.ofMillis(300), 8 * 1024);
        try (LinkwayServer server =
                        LinkwayServer.start(ServerConfig.forTests(data).withEdge(edge));
                Socket s = RawHttp.connect(server.port(), "127.0.0.1", 20_000)) {
            String token = DevTokens.forPort(server.port()).orElseThrow().mint(Role.ADMIN, "LINKWAY");
            String body = "{\"not\":\"a referral\"}";
            String post = "POST /v1/referrals HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
            String get = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            for (int round = 0; round < 3; round++) {
                out.write((post + post + get).getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                assertThat(RawHttp.read(in).status())
                        .as("round %d, first POST", round)
                        .isEqualTo(422);
                assertThat(RawHttp.read(in).status())
                        .as("round %d, second POST", round)
                        .isEqualTo(422);
                assertThat(RawHttp.read(in).status())
                        .as("round %d, health", round)
                        .isEqualTo(200);
                Thread.sleep(1_200); // four times the body grace, far inside the connection's idle timeout
            }
            out.write(get.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(RawHttp.read(in).status()).as("after the last pause").isEqualTo(200);
        }
    }
}
