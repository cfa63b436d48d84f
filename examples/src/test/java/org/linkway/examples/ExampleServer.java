package org.linkway.examples;

import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;

/**
 * The reference server in this JVM, as {@code java -jar linkway-server.jar --dev} would run it:
 * loopback, a free port, SQLite in a fresh directory, development tokens. A fresh one per example
 * (the reference server's {@link LinkwayTestServer}, started by hand), so no example sees
 * another's referrals.
 */
final class ExampleServer implements AutoCloseable {

    private final LinkwayTestServer server;

    private ExampleServer(LinkwayTestServer server) {
        this.server = server;
    }

    static ExampleServer start() {
        return new ExampleServer(LinkwayTestServer.sqlite().start());
    }

    String url() {
        return server.url();
    }

    /** The token a --dev server would print for this role and organisation (minted in-process, never over HTTP). */
    String token(Role role, String organisation) {
        return server.token(role, organisation);
    }

    String admin() {
        return server.adminToken();
    }

    /** Options as a newcomer passes them on the command line: this server's URL and one token. */
    ServerOptions as(Role role, String organisation) {
        return ServerOptions.of(url(), token(role, organisation));
    }

    @Override
    public void close() {
        server.close();
    }
}
