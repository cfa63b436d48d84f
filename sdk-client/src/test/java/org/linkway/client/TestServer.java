package org.linkway.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.linkway.server.LinkwayServer;
import org.linkway.server.ServerConfig;

/** The real reference server, in this JVM on a loopback port, with SQLite in a fresh directory. */
final class TestServer implements AutoCloseable {

    private final Path dir;
    private final LinkwayServer server;
    /** Every wait the clients made by this server asked for; nothing really sleeps. */
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    private TestServer(Path dir, LinkwayServer server) {
        this.dir = dir;
        this.server = server;
    }

    static TestServer start() {
        return start(config -> config);
    }

    /** As {@link #start()}, with the test configuration adjusted (signing keys, say). */
    static TestServer start(java.util.function.UnaryOperator<ServerConfig> adjust) {
        try {
            Path dir = Files.createTempDirectory("linkway-client-test");
            return new TestServer(dir, LinkwayServer.start(adjust.apply(ServerConfig.forTests(dir))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.port();
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    Sleeper recordingSleeper() {
        return d -> {
            waits.add(d);
            return CompletableFuture.completedFuture(null);
        };
    }

    /** An admin token for this development-mode server (minted in-process; never served over HTTP). */
    String adminToken() {
        return org.linkway.server.security.DevTokens.forPort(server.port()).orElseThrow()
                .mint(org.linkway.server.security.Role.ADMIN, "LINKWAY");
    }

    /** A client of this server, acting as its admin, whose retries record their waits instead of sleeping. */
    LinkwayClient.Builder clientBuilder(String url) {
        String token = adminToken();
        return LinkwayClient.builder().baseUrl(url).tokenProvider(() -> token)
                .retryPolicy(RetryPolicy.builder().sleeper(recordingSleeper()).build())
                .requestTimeout(Duration.ofSeconds(20));
    }

    LinkwayClient client() {
        return clientBuilder(url()).build();
    }

    @Override
    public void close() {
        server.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
