package org.linkway.server.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Store} on plain JDBC.
 *
 * <p>SQLite (the default): one connection, WAL journal, {@code synchronous=FULL} so a committed
 * write survives a killed process or a power cut, a busy timeout for other processes holding
 * the file, foreign keys on. SQLite has one writer, and each commit waits for the disk, so
 * transactions go to a single writer thread that runs whatever is waiting as one batch, each
 * transaction inside its own savepoint, then commits the batch once (group commit): every
 * caller still returns only after its own writes are durable, and one failing transaction rolls
 * back to its savepoint without touching the others. Transactions that may write go the same
 * way, so none ever meets {@code SQLITE_BUSY} from this process. Reads that the caller marks as
 * such ({@link #read}) run on a few read-only connections of their own instead, each on the
 * latest committed snapshot, so they neither wait for nor slow the writer. A new database gets
 * 4 KiB pages: a commit rewrites every page it touches, most of them index pages that change by
 * a few bytes, so small pages write less (measured against 8 and 16 KiB in docs/PERFORMANCE.md,
 * once the idempotency record stopped copying the body); the writer keeps its prepared
 * statements and keeps savepoint journals in memory, and the log is checkpointed off its thread
 * ({@link SqliteCheckpointer}).
 *
 * <p>PostgreSQL: a small bounded pool of connections at READ COMMITTED; concurrent updates of
 * one resource are decided by a conditional UPDATE's row lock, and event appends are ordered by
 * a transaction-scoped advisory lock so that sequences become visible in order (see
 * {@link JdbcTx#appendEvent}).
 *
 * <p>A resource's current version is in {@code resource_latest}; {@code resource_version} keeps the
 * versions it superseded, so a create writes its body once (see {@link JdbcTx#history}).
 *
 * <p>The schema comes from the Flyway migrations in {@code db/migration/<dialect>}, applied on open.
 * On SQLite a new database is a copy of the schema those migrations built at packaging time, and
 * a database already at that schema is left to itself: Flyway runs only when there is something to
 * migrate or to refuse ({@link SqliteSchema}).
 */
public final class JdbcStore implements Store {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);

    static final String SQLITE = "sqlite";
    static final String POSTGRESQL = "postgresql";

    private static final int POOL_SIZE = 8;
    private static final int SQLITE_READERS = 4;
    private static final int SQLITE_NEW_PAGE_SIZE = 4 * 1024;
    private static final long POOL_WAIT_MILLIS = 30_000;
    private static final int SQLITE_BUSY_TIMEOUT_MILLIS = 10_000;
    /** What the log file is cut back to when it restarts after a checkpoint. */
    private static final long SQLITE_WAL_KEPT_BYTES = 64L * 1024 * 1024;

    private final String dialect;
    private final Clock clock;
    private final GroupCommit groupCommit; // SQLite
    private final Connection sqliteConnection; // SQLite, used only on groupCommit's thread
    private final ConnectionPool pool; // PostgreSQL; SQLite's read-only connections
    private final Map<Connection, StatementCache> readerStatements =
            new ConcurrentHashMap<>(); // SQLite; one user at a time each
    private final SqliteCheckpointer checkpointer; // SQLite
    private final SqliteSchema.Preparation preparation;

    private JdbcStore(
            String dialect,
            Clock clock,
            Connection sqliteConnection,
            ConnectionPool pool,
            Connection checkpoints,
            SqliteSchema.Preparation preparation) {
        this.dialect = dialect;
        this.preparation = preparation;
        this.clock = clock;
        this.sqliteConnection = sqliteConnection;
        this.pool = pool;
        this.groupCommit = sqliteConnection != null ? new GroupCommit(sqliteConnection, clock) : null;
        this.checkpointer = checkpoints != null ? new SqliteCheckpointer(checkpoints, groupCommit::commits) : null;
    }

    /**
     * Opens {@code jdbc:sqlite:<file>} (creating the file and its directory) or
     * {@code jdbc:postgresql://host/db?user=..&password=..}, and applies the migrations.
     */
    public static JdbcStore open(String jdbcUrl) {
        return open(jdbcUrl, Clock.systemUTC());
    }

    /** As {@link #open(String)}, with the clock that stamps created/updated times. */
    public static JdbcStore open(String jdbcUrl, Clock clock) {
        String dialect;
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            dialect = SQLITE;
            createParentDirectory(jdbcUrl.substring("jdbc:sqlite:".length()));
        } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            dialect = POSTGRESQL;
        } else {
            throw new IllegalArgumentException(
                    "unsupported database URL (use jdbc:sqlite:<file> or jdbc:postgresql://...): " + redact(jdbcUrl));
        }
        SqliteSchema.Preparation preparation = SqliteSchema.Preparation.MIGRATED;
        if (dialect.equals(SQLITE)) {
            Path file = sqliteFile(jdbcUrl.substring("jdbc:sqlite:".length()));
            if (file != null && SqliteSchema.copyIfNew(file)) {
                preparation = SqliteSchema.Preparation.COPIED;
            } else if (prepareSqliteFile(() -> DriverManager.getConnection(jdbcUrl))) {
                preparation = SqliteSchema.Preparation.CURRENT;
            }
        }
        if (preparation == SqliteSchema.Preparation.MIGRATED) {
            migrate(Flyway.configure().dataSource(jdbcUrl, null, null), dialect);
        } else {
            LOG.info(
                    "SQLite schema {} (version {}); no migrations to run",
                    preparation == SqliteSchema.Preparation.COPIED ? "created from the packaged schema" : "is current",
                    SqliteSchema.packagedVersion());
        }
        return connect(dialect, clock, () -> DriverManager.getConnection(jdbcUrl), preparation);
    }

    /** Build time ({@link SqliteSchema#main}): a new SQLite database migrated by Flyway, as a start without a packaged schema does. */
    static void migrateNewSqlite(String jdbcUrl) {
        createParentDirectory(jdbcUrl.substring("jdbc:sqlite:".length()));
        prepareSqliteFile(() -> DriverManager.getConnection(jdbcUrl));
        migrate(Flyway.configure().dataSource(jdbcUrl, null, null), SQLITE);
    }

    /** Opens a store on an existing data source; {@code dialect} is {@code sqlite} or {@code postgresql}. */
    public static JdbcStore open(DataSource dataSource, String dialect) {
        return open(dataSource, dialect, Clock.systemUTC());
    }

    /** As {@link #open(DataSource, String)}, with the clock that stamps created/updated times. */
    public static JdbcStore open(DataSource dataSource, String dialect, Clock clock) {
        String d = dialect.toLowerCase(Locale.ROOT);
        if (!d.equals(SQLITE) && !d.equals(POSTGRESQL)) {
            throw new IllegalArgumentException("unsupported dialect (use sqlite or postgresql): " + dialect);
        }
        SqliteSchema.Preparation preparation = SqliteSchema.Preparation.MIGRATED;
        if (d.equals(SQLITE) && prepareSqliteFile(dataSource::getConnection)) {
            preparation = SqliteSchema.Preparation.CURRENT;
        }
        if (preparation == SqliteSchema.Preparation.MIGRATED) {
            migrate(Flyway.configure().dataSource(dataSource), d);
        }
        return connect(d, clock, dataSource::getConnection, preparation);
    }

    private static void migrate(FluentConfiguration flyway, String dialect) {
        try {
            flyway.locations("classpath:db/migration/" + dialect)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException("cannot prepare the " + dialect + " schema", e);
        }
    }

    /**
     * The page size of a new database is fixed by its first write, so it is set here, before the
     * migrations create the tables, and WAL mode with it (the page size cannot change in WAL
     * mode). On an existing database both are no-ops. Returns whether the schema is already the
     * packaged one ({@link SqliteSchema#isCurrent}), so that Flyway need not run.
     */
    private static boolean prepareSqliteFile(ConnectionPool.Opener raw) {
        try (Connection c = raw.open()) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA page_size=" + SQLITE_NEW_PAGE_SIZE);
                s.execute("PRAGMA journal_mode=WAL");
            }
            return SqliteSchema.isCurrent(c);
        } catch (SQLException e) {
            throw new StoreException("cannot open the SQLite database", e);
        }
    }

    private static JdbcStore connect(
            String dialect, Clock clock, ConnectionPool.Opener raw, SqliteSchema.Preparation preparation) {
        if (dialect.equals(SQLITE)) {
            Connection writer;
            Connection checkpoints;
            try {
                writer = configureSqlite(raw.open());
            } catch (SQLException e) {
                throw new StoreException("cannot open the SQLite database", e);
            }
            try {
                checkpoints = configureSqliteCheckpoints(raw.open());
            } catch (SQLException e) {
                ConnectionPool.closeQuietly(writer);
                throw new StoreException("cannot open the SQLite database", e);
            }
            ConnectionPool readers =
                    new ConnectionPool(() -> configureSqliteReader(raw.open()), SQLITE_READERS, POOL_WAIT_MILLIS);
            return new JdbcStore(dialect, clock, writer, readers, checkpoints, preparation);
        }
        ConnectionPool pool = new ConnectionPool(() -> configurePostgres(raw.open()), POOL_SIZE, POOL_WAIT_MILLIS);
        // fail now, not on the first request, if the database cannot be reached
        Connection first = pool.borrow();
        pool.release(first, false);
        return new JdbcStore(dialect, clock, null, pool, null, preparation);
    }

    private static Connection configureSqlite(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            // all before the first transaction: journal_mode and foreign_keys do nothing inside one
            s.execute("PRAGMA busy_timeout=" + SQLITE_BUSY_TIMEOUT_MILLIS);
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            // the log is copied into the database by SqliteCheckpointer, off this connection's thread
            s.execute("PRAGMA wal_autocheckpoint=0");
            s.execute("PRAGMA journal_size_limit=" + SQLITE_WAL_KEPT_BYTES);
            s.execute("PRAGMA foreign_keys=ON");
            // a savepoint's rollback journal: never needed after a crash, so no reason for a temporary file
            s.execute("PRAGMA temp_store=MEMORY");
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            ConnectionPool.closeQuietly(c);
            throw e;
        }
    }

    private static Connection configureSqliteCheckpoints(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=" + SQLITE_BUSY_TIMEOUT_MILLIS);
            return c;
        } catch (SQLException e) {
            ConnectionPool.closeQuietly(c);
            throw e;
        }
    }

    /** A connection that can only read: a write through it fails rather than bypassing the writer thread. */
    private static Connection configureSqliteReader(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=" + SQLITE_BUSY_TIMEOUT_MILLIS);
            s.execute("PRAGMA query_only=ON");
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            ConnectionPool.closeQuietly(c);
            throw e;
        }
    }

    private static Connection configurePostgres(Connection c) throws SQLException {
        try {
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            ConnectionPool.closeQuietly(c);
            throw e;
        }
    }

    /** The file an SQLite location names, or {@code null} for the in-memory and URI forms. */
    private static Path sqliteFile(String location) {
        String file = location;
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.isEmpty()
                || file.startsWith(":memory:")
                || file.startsWith("file:")
                || file.startsWith(":resource:")) {
            return null;
        }
        return Path.of(file).toAbsolutePath();
    }

    /** Creates the directory an SQLite file lives in; in-memory and URI forms are left alone. */
    private static void createParentDirectory(String location) {
        Path file = sqliteFile(location);
        if (file == null) {
            return;
        }
        Path parent = file.getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
                SqliteNativeLibrary.useCopyIn(parent);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the data directory " + parent, e);
        }
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)password=[^&;]*", "password=***");
    }

    @Override
    public <T> T transaction(TxWork<T> work) {
        if (groupCommit != null) {
            return groupCommit.run(work);
        }
        return onPool(work);
    }

    /** {@inheritDoc} On SQLite: on a read-only connection, off the writer thread. */
    @Override
    public <T> T read(TxWork<T> work) {
        return onPool(work);
    }

    private <T> T onPool(TxWork<T> work) {
        Connection c = pool.borrow();
        boolean suspect = false;
        try {
            // SQLite's readers keep their statements as the writer does; PostgreSQL's driver caches its own
            StatementCache statements =
                    groupCommit != null ? readerStatements.computeIfAbsent(c, StatementCache::new) : null;
            T result = work.run(new JdbcTx(c, clock, dialect, statements));
            c.commit();
            return result;
        } catch (StoreException e) {
            suspect = true;
            rollback(c);
            throw e;
        } catch (RuntimeException | Error e) {
            rollback(c);
            throw e;
        } catch (SQLException e) {
            suspect = true;
            rollback(c);
            throw new StoreException("commit failed", e);
        } finally {
            if (suspect) {
                StatementCache dropped = readerStatements.remove(c);
                if (dropped != null) {
                    dropped.close();
                }
            }
            pool.release(c, suspect);
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the caller needs to see
        }
    }

    @Override
    public String dialect() {
        return dialect;
    }

    /** How the schema was made ready when this store opened: for tests and the start-up log. */
    SqliteSchema.Preparation preparation() {
        return preparation;
    }

    /** Finishes the transactions already started, then closes the database. Safe to call twice. */
    @Override
    public void close() {
        if (checkpointer != null) {
            checkpointer.close();
        }
        if (groupCommit != null) {
            groupCommit.stop();
            ConnectionPool.closeQuietly(sqliteConnection);
        }
        pool.close();
    }
}
