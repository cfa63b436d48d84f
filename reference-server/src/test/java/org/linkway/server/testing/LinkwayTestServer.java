package org.linkway.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.linkway.server.LinkwayServer;
import org.linkway.server.ServerConfig;
import org.linkway.server.security.DevTokens;
import org.linkway.server.security.Role;

/**
 * The reference server for one test class: started before the class's first test (and before
 * its {@code @BeforeAll} methods) and stopped after its last, in this JVM, on 127.0.0.1 and a free
 * port, with a new temporary data directory, in development mode so there is a token for every
 * role. SQLite by default; PostgreSQL on request.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LinkwayTestServer server = LinkwayTestServer.sqlite();
 *
 * @RegisterExtension   // a suite that runs on both databases names the one in each subclass
 * static final LinkwayTestServer server = LinkwayTestServer.on(TestDatabase.POSTGRES).clock(TODAY);
 * }</pre>
 *
 * A {@code @BeforeAll} or test method may also take it as a parameter, which lets a suite
 * written once (an abstract class) use whichever server its subclass registered.
 */
public class LinkwayTestServer implements BeforeAllCallback, AfterAllCallback, ParameterResolver, AutoCloseable {

    private static final ExtensionContext.Namespace SHARED = ExtensionContext.Namespace.create(LinkwayTestServer.class);

    private final TestDatabase database;
    private Clock clock = Clock.systemUTC();
    private UnaryOperator<ServerConfig> adjust = UnaryOperator.identity();

    private String startedFor;
    private Path dataDir;
    private ServerConfig config;
    private LinkwayServer server;

    protected LinkwayTestServer(TestDatabase database) {
        this.database = database;
    }

    public static LinkwayTestServer sqlite() {
        return new LinkwayTestServer(TestDatabase.SQLITE);
    }

    public static LinkwayTestServer postgres() {
        return new LinkwayTestServer(TestDatabase.POSTGRES);
    }

    public static LinkwayTestServer on(TestDatabase database) {
        return new LinkwayTestServer(database);
    }

    /** The server's clock (default the system's), for suites whose data is dated. */
    public LinkwayTestServer clock(Clock fixed) {
        this.clock = fixed;
        return this;
    }

    /**
     * Changes the test configuration before the start (signing keys, webhook timings, leaving
     * development mode). Called when the server starts, so it may use what the class's static
     * fields made.
     */
    public LinkwayTestServer configure(UnaryOperator<ServerConfig> change) {
        UnaryOperator<ServerConfig> before = this.adjust;
        this.adjust = config -> change.apply(before.apply(config));
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (server != null) {
            return; // already running for an enclosing class
        }
        start(() -> context.getRoot()
                .getStore(SHARED)
                .computeIfAbsent(SharedPostgres.class, k -> new SharedPostgres(), SharedPostgres.class));
        startedFor = context.getUniqueId();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getUniqueId().equals(startedFor)) {
            close();
        }
    }

    /**
     * Starts the server outside JUnit's class lifecycle, for a test that wants a fresh one per
     * method: {@code try (var server = LinkwayTestServer.sqlite().start()) { ... }}. SQLite only
     * (the shared PostgreSQL lives as long as JUnit's run, so it needs the extension).
     */
    public LinkwayTestServer start() {
        if (database == TestDatabase.POSTGRES) {
            throw new IllegalStateException(
                    "a PostgreSQL test server is registered with @RegisterExtension, not started by hand");
        }
        start(() -> {
            throw new IllegalStateException("no PostgreSQL");
        });
        return this;
    }

    private void start(Supplier<SharedPostgres> postgres) {
        if (server != null) {
            throw new IllegalStateException("this test server is already running");
        }
        try {
            dataDir = Files.createTempDirectory("linkway-test-server");
            String databaseUrl =
                    database == TestDatabase.POSTGRES ? postgres.get().newDatabase() : null;
            config = adjust.apply(ServerConfig.forTests(dataDir).withDatabaseUrl(databaseUrl));
            server = LinkwayServer.start(config, clock);
        } catch (IOException e) {
            deleteDataDir();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            deleteDataDir();
            throw e;
        }
    }

    /** Stops the server (the server before its database: its background work would find the database gone), then deletes its data. */
    @Override
    public void close() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } finally {
            server = null;
            startedFor = null;
            deleteDataDir();
        }
    }

    private void deleteDataDir() {
        if (dataDir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            dataDir = null;
        }
    }

    // --- what a test reads --------------------------------------------------------------------

    public LinkwayServer server() {
        if (server == null) {
            throw new IllegalStateException(
                    "the test server is not running: register it with @RegisterExtension on a static field, or call start()");
        }
        return server;
    }

    public int port() {
        return server().port();
    }

    /** {@code http://127.0.0.1:<port>}, no trailing slash. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public Path dataDir() {
        server();
        return dataDir;
    }

    public TestDatabase database() {
        return database;
    }

    /** The JDBC URL of the server's database. */
    public String databaseUrl() {
        server();
        return config.effectiveDatabaseUrl();
    }

    /** A development token for {@code role} acting for {@code organisation}. */
    public String token(Role role, String organisation) {
        return DevTokens.forPort(port())
                .orElseThrow(() -> new IllegalStateException(
                        "this test server is not in development mode, so it has no tokens to hand out"))
                .mint(role, organisation);
    }

    /** A development token for the person {@code subject} of {@code organisation}; {@code lead} adds the lead claim. */
    public String token(Role role, String organisation, String subject, boolean lead) {
        return DevTokens.forPort(port())
                .orElseThrow(() -> new IllegalStateException(
                        "this test server is not in development mode, so it has no tokens to hand out"))
                .mint(role, organisation, subject, lead);
    }

    /** A development token for {@code role}, acting for that role's first demo organisation. */
    public String token(Role role) {
        return token(
                role,
                DevTokens.DEMOS.stream()
                        .filter(d -> d.role() == role)
                        .findFirst()
                        .orElseThrow()
                        .organisation());
    }

    public String adminToken() {
        return token(Role.ADMIN);
    }

    // --- as a parameter -----------------------------------------------------------------------

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType().isInstance(this);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return this;
    }
}
