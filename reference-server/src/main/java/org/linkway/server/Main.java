package org.linkway.server;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.linkway.server.security.SecuritySettings;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar linkway-server.jar --dev}. Every flag has a {@code LINKWAY_*} environment
 * variable; a flag given on the command line wins.
 */
@Command(name = "linkway-server", mixinStandardHelpOptions = true, version = "linkway-server 0.1.0",
        description = "Linkway reference server for the PRSB Social Prescribing Information Standard v1.1.",
        subcommands = AuditCommand.class)
public final class Main implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "${env:LINKWAY_HOST:-127.0.0.1}", description = "Interface to listen on (LINKWAY_HOST, default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "${env:LINKWAY_PORT:-8080}", description = "Port (LINKWAY_PORT, default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", defaultValue = "${env:LINKWAY_DATA_DIR:-linkway-data}", description = "Where the SQLite file lives (LINKWAY_DATA_DIR, default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--db-url", defaultValue = "${env:LINKWAY_DB_URL}", description = "JDBC URL, e.g. jdbc:postgresql://db/linkway?user=..&password=.. (LINKWAY_DB_URL; default: SQLite in the data dir).")
    String databaseUrl;

    @Option(names = "--max-body-bytes", defaultValue = "${env:LINKWAY_MAX_BODY_BYTES:-2097152}", description = "Largest request body accepted (LINKWAY_MAX_BODY_BYTES, default ${DEFAULT-VALUE}).")
    long maxBodyBytes;

    @Option(names = "--dev", defaultValue = "${env:LINKWAY_DEV:-false}", description = "Development mode: demo data, an ephemeral token key and printed demo tokens, loud warnings (LINKWAY_DEV).")
    boolean dev;

    @Option(names = "--jwt-keys", defaultValue = "${env:LINKWAY_JWT_KEYS}", description = "PEM or JWKS file of the ES256/EdDSA public keys that sign bearer tokens (LINKWAY_JWT_KEYS; required unless --dev).")
    Path jwtKeys;

    @Option(names = "--jwt-issuer", defaultValue = "${env:LINKWAY_JWT_ISSUER}", description = "The iss every token must carry (LINKWAY_JWT_ISSUER).")
    String jwtIssuer;

    @Option(names = "--jwt-audience", defaultValue = "${env:LINKWAY_JWT_AUDIENCE}", description = "The aud every token must include (LINKWAY_JWT_AUDIENCE).")
    String jwtAudience;

    public static void main(String[] args) {
        int code = new CommandLine(new Main()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        LinkwayServer server;
        try {
            server = LinkwayServer.start(new ServerConfig(host, port, dataDir, databaseUrl, maxBodyBytes, dev)
                    .withSecurity(new SecuritySettings(jwtKeys, jwtIssuer, jwtAudience)));
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "linkway-shutdown"));
        stopped.await();
        return 0;
    }
}
