package org.linkway.examples;

import java.time.Duration;
import org.linkway.client.LinkwayClient;
import org.linkway.client.TokenProvider;
import picocli.CommandLine.Option;

/**
 * Where every example connects: {@code --url} and {@code --token}. Mixed into each example's
 * command line, so they all start the same way against {@code java -jar linkway-server.jar --dev}.
 */
public final class ServerOptions {

    @Option(
            names = "--url",
            defaultValue = "http://127.0.0.1:8080",
            description = "The Linkway server (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(
            names = "--token",
            defaultValue = "${env:LINKWAY_TOKEN}",
            description = "Bearer token of the main actor (default: the LINKWAY_TOKEN environment variable). "
                    + "A --dev server prints one per demo role at start-up.")
    String token;

    /** For tests and for code that calls an example directly rather than through its command line. */
    public static ServerOptions of(String url, String token) {
        ServerOptions o = new ServerOptions();
        o.url = url;
        o.token = token;
        return o;
    }

    public String url() {
        return url;
    }

    public String token() {
        return token;
    }

    /** A client acting as the main actor. */
    public LinkwayClient client() {
        return clientFor(token);
    }

    /**
     * A client acting with another token, e.g. the link worker in an example about a GP system.
     * Each actor gets its own client: a client is immutable and carries exactly one identity.
     */
    public LinkwayClient clientFor(String actorToken) {
        String bearer = actorToken != null ? actorToken : token;
        if (bearer == null || bearer.isBlank()) {
            throw new IllegalArgumentException(
                    "no token: pass --token or set LINKWAY_TOKEN (a --dev server prints tokens at start-up)");
        }
        return LinkwayClient.builder()
                .baseUrl(url)
                .tokenProvider(TokenProvider.of(bearer))
                .requestTimeout(Duration.ofSeconds(20))
                .build();
    }
}
