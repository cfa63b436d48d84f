package org.linkway.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.linkway.server.ServerConfig;
import org.linkway.server.testing.LinkwayTestServer;
import org.linkway.server.testing.TestDatabase;

/**
 * The reference server's test extension ({@link LinkwayTestServer}: in this JVM, loopback, a
 * fresh SQLite directory, started and stopped around the test class) plus what the client's
 * tests want of it: clients acting as its admin whose retries record their waits.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestServer server = TestServer.sqlite();
 * }</pre>
 */
final class TestServer extends LinkwayTestServer {

    /** Every wait the clients made by this server asked for; nothing really sleeps. */
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    private TestServer() {
        super(TestDatabase.SQLITE);
    }

    public static TestServer sqlite() {
        return new TestServer();
    }

    /** As {@link #sqlite()}, with the test configuration adjusted when it starts (signing keys, say). */
    public static TestServer sqlite(UnaryOperator<ServerConfig> adjust) {
        TestServer server = new TestServer();
        server.configure(adjust);
        return server;
    }

    Sleeper recordingSleeper() {
        return d -> {
            waits.add(d);
            return CompletableFuture.completedFuture(null);
        };
    }

    /** A client of this server, acting as its admin, whose retries record their waits instead of sleeping. */
    LinkwayClient.Builder clientBuilder(String url) {
        String token = adminToken();
        return LinkwayClient.builder()
                .baseUrl(url)
                .tokenProvider(() -> token)
                .retryPolicy(RetryPolicy.builder().sleeper(recordingSleeper()).build())
                .requestTimeout(Duration.ofSeconds(20));
    }

    LinkwayClient client() {
        return clientBuilder(url()).build();
    }
}
