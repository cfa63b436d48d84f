package org.linkway.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.linkway.server.appointments.AppointmentSettings;
import org.linkway.server.directory.DirectoryCommand;
import org.linkway.server.directory.DirectorySettings;
import org.linkway.server.http.EdgeSettings;
import org.linkway.server.security.SecuritySettings;
import org.linkway.server.security.SigningSettings;
import org.linkway.server.timerules.TimeRuleSettings;
import org.linkway.server.web.WebSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar linkway-server.jar --dev}. Every flag has a {@code LINKWAY_*} environment
 * variable; a flag given on the command line wins.
 */
@Command(
        name = "linkway-server",
        mixinStandardHelpOptions = true,
        versionProvider = ServerVersion.class,
        description = "Linkway reference server for the PRSB Social Prescribing Information Standard v1.1.",
        subcommands = {AuditCommand.class, DirectoryCommand.class})
public final class Main implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    @Option(
            names = "--host",
            defaultValue = "${env:LINKWAY_HOST:-127.0.0.1}",
            description = "Interface to listen on (LINKWAY_HOST, default ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--port",
            defaultValue = "${env:LINKWAY_PORT:-8080}",
            description = "Port (LINKWAY_PORT, default ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--data-dir",
            defaultValue = "${env:LINKWAY_DATA_DIR:-linkway-data}",
            description = "Where the SQLite file lives (LINKWAY_DATA_DIR, default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(
            names = "--db-url",
            defaultValue = "${env:LINKWAY_DB_URL}",
            description =
                    "JDBC URL, e.g. jdbc:postgresql://db/linkway?user=..&password=.. (LINKWAY_DB_URL; default: SQLite in the data dir).")
    String databaseUrl;

    @Option(
            names = "--max-body-bytes",
            defaultValue = "${env:LINKWAY_MAX_BODY_BYTES:-2097152}",
            description = "Largest request body accepted (LINKWAY_MAX_BODY_BYTES, default ${DEFAULT-VALUE}).")
    long maxBodyBytes;

    @Option(
            names = "--dev",
            defaultValue = "${env:LINKWAY_DEV:-false}",
            description =
                    "Development mode: demo data, an ephemeral token key and printed demo tokens, loud warnings (LINKWAY_DEV).")
    boolean dev;

    @Option(
            names = "--jwt-keys",
            defaultValue = "${env:LINKWAY_JWT_KEYS}",
            description =
                    "PEM or JWKS file of the ES256/EdDSA public keys that sign bearer tokens (LINKWAY_JWT_KEYS; required unless --dev).")
    Path jwtKeys;

    @Option(
            names = "--jwt-issuer",
            defaultValue = "${env:LINKWAY_JWT_ISSUER}",
            description = "The iss every token must carry (LINKWAY_JWT_ISSUER).")
    String jwtIssuer;

    @Option(
            names = "--jwt-audience",
            defaultValue = "${env:LINKWAY_JWT_AUDIENCE}",
            description = "The aud every token must include (LINKWAY_JWT_AUDIENCE).")
    String jwtAudience;

    @Option(
            names = "--signing-key",
            defaultValue = "${env:LINKWAY_SIGNING_KEY}",
            description =
                    "PEM (PKCS#8 or EC) or JWK file of the private P-256/Ed25519 key the server signs messages back, referrals and webhook deliveries with; its public half is served at /.well-known/jwks.json (LINKWAY_SIGNING_KEY; --dev makes a throwaway one).")
    Path signingKey;

    @Option(
            names = "--trusted-sender-keys",
            defaultValue = "${env:LINKWAY_TRUSTED_SENDER_KEYS}",
            description =
                    "PEM or JWKS file of the public keys whose Linkway-Signature on a referral is accepted (LINKWAY_TRUSTED_SENDER_KEYS).")
    Path trustedSenderKeys;

    @Option(
            names = "--require-signed-referrals",
            defaultValue = "${env:LINKWAY_REQUIRE_SIGNED_REFERRALS:-false}",
            description =
                    "Refuse referrals without a valid Linkway-Signature (LINKWAY_REQUIRE_SIGNED_REFERRALS, default ${DEFAULT-VALUE}).")
    boolean requireSignedReferrals;

    @Option(
            names = "--tls-keystore",
            defaultValue = "${env:LINKWAY_TLS_KEYSTORE}",
            description =
                    "PKCS#12 keystore to serve HTTPS from directly (LINKWAY_TLS_KEYSTORE; default plain HTTP, for a TLS proxy in front).")
    Path tlsKeystore;

    @Option(
            names = "--tls-keystore-password",
            defaultValue = "${env:LINKWAY_TLS_KEYSTORE_PASSWORD}",
            description =
                    "The keystore's password (LINKWAY_TLS_KEYSTORE_PASSWORD; prefer the variable, so it is not in the process list).")
    String tlsKeystorePassword;

    @Option(
            names = "--max-requests-per-token",
            defaultValue = "${env:LINKWAY_MAX_REQUESTS_PER_TOKEN:-16}",
            description =
                    "Requests one bearer token may have in progress at once; more answer 429 (LINKWAY_MAX_REQUESTS_PER_TOKEN, default ${DEFAULT-VALUE}).")
    int maxPerToken;

    @Option(
            names = "--max-requests-per-address",
            defaultValue = "${env:LINKWAY_MAX_REQUESTS_PER_ADDRESS:-64}",
            description =
                    "Requests one client address may have in progress at once; more answer 429. Behind a proxy every request comes from its address: raise it (LINKWAY_MAX_REQUESTS_PER_ADDRESS, default ${DEFAULT-VALUE}).")
    int maxPerAddress;

    @Option(
            names = "--request-body-seconds",
            defaultValue = "${env:LINKWAY_REQUEST_BODY_SECONDS:-30}",
            description =
                    "A request body must arrive whole within this many seconds (LINKWAY_REQUEST_BODY_SECONDS, default ${DEFAULT-VALUE}).")
    int bodySeconds;

    @Option(
            names = "--min-request-body-rate",
            defaultValue = "${env:LINKWAY_MIN_REQUEST_BODY_RATE:-8192}",
            description =
                    "Bytes a second a request body must average after its first 5 s; slower answers 408 (LINKWAY_MIN_REQUEST_BODY_RATE, default ${DEFAULT-VALUE}).")
    long minBodyRate;

    @Option(
            names = "--postcode-centroids",
            defaultValue = "${env:LINKWAY_POSTCODE_CENTROIDS}",
            description =
                    "CSV of postcode,latitude,longitude (whole postcodes or outward codes) for directory search by postcode; none ship with Linkway (LINKWAY_POSTCODE_CENTROIDS).")
    Path postcodeCentroids;

    @Option(
            names = "--bank-holidays",
            defaultValue = "${env:LINKWAY_BANK_HOLIDAYS}",
            description =
                    "CSV of date,name bank holidays that working days skip, in place of the England and Wales list shipped (LINKWAY_BANK_HOLIDAYS).")
    Path bankHolidays;

    @Option(
            names = "--reminder-lead-minutes",
            defaultValue = "${env:LINKWAY_REMINDER_LEAD_MINUTES:-1440}",
            description =
                    "How long before an appointment its appointment.reminder event is raised, in minutes (LINKWAY_REMINDER_LEAD_MINUTES; default 1440, a day).")
    long reminderLeadMinutes;

    @Option(
            names = "--cors-origins",
            defaultValue = "${env:LINKWAY_CORS_ORIGINS}",
            description =
                    "Comma-separated origins (e.g. https://inbox.example.org) whose browser apps may call the API; default none (LINKWAY_CORS_ORIGINS).")
    String corsOrigins;

    public static void main(String[] args) {
        int code = new CommandLine(new Main()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        LinkwayServer server;
        // the log lines of the start (Jetty, the database, the demo data) wait until the essentials are out
        HeldLog held = HeldLog.hold();
        try {
            server = LinkwayServer.start(new ServerConfig(host, port, dataDir, databaseUrl, maxBodyBytes, dev)
                    .withSecurity(new SecuritySettings(jwtKeys, jwtIssuer, jwtAudience))
                    .withSigning(new SigningSettings(signingKey, trustedSenderKeys, requireSignedReferrals))
                    .withTls(new TlsSettings(tlsKeystore, tlsKeystorePassword))
                    .withDirectory(new DirectorySettings(postcodeCentroids))
                    .withTimeRules(new TimeRuleSettings(bankHolidays, TimeRuleSettings.DEFAULT_SWEEP))
                    .withAppointments(new AppointmentSettings(
                            Duration.ofMinutes(reminderLeadMinutes), AppointmentSettings.DEFAULTS.sweepInterval()))
                    .withWeb(WebSettings.DEFAULTS.withCorsOrigins(WebSettings.origins(corsOrigins)))
                    .withEdge(EdgeSettings.DEFAULTS
                            .withConcurrency(maxPerToken, maxPerAddress)
                            .withBodyTiming(
                                    Duration.ofSeconds(bodySeconds), EdgeSettings.DEFAULTS.bodyGrace(), minBodyRate)));
        } catch (IllegalStateException e) {
            held.release();
            System.err.println(e.getMessage());
            return 2;
        } catch (RuntimeException | Error e) {
            held.release();
            throw e;
        }
        HeapCheck.forThisJvm().ifPresent(LOG::warn);
        server.essentials().forEach(System.out::println);
        System.out.flush();
        held.release();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "linkway-shutdown"));
        stopped.await();
        return 0;
    }
}
