package org.linkway.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.linkway.server.LinkwayServer;
import org.linkway.server.ServerConfig;
import org.linkway.server.security.DevTokens;
import org.linkway.server.security.Role;

/**
 * The reference server in this JVM, as {@code java -jar linkway-server.jar --dev} would run it:
 * loopback, a free port, SQLite in a fresh directory, development tokens.
 */
final class ExampleServer implements AutoCloseable {

    private final Path dir;
    private final LinkwayServer server;

    private ExampleServer(Path dir, LinkwayServer server) {
        this.dir = dir;
        this.server = server;
    }

    static ExampleServer start() {
        try {
            Path dir = Files.createTempDirectory("linkway-examples");
            return new ExampleServer(dir, LinkwayServer.start(ServerConfig.forTests(dir)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The token a --dev server would print for this role and organisation (minted in-process, never over HTTP). */
    String token(Role role, String organisation) {
        return DevTokens.forPort(server.port()).orElseThrow().mint(role, organisation);
    }

    String admin() {
        return token(Role.ADMIN, "LINKWAY");
    }

    /** Options as a newcomer passes them on the command line: this server's URL and one token. */
    ServerOptions as(Role role, String organisation) {
        return ServerOptions.of(url(), token(role, organisation));
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
