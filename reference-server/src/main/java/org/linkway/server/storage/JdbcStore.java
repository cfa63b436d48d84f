package org.linkway.server.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;

/**
 * {@link Store} on plain JDBC.
 *
 * <p>SQLite (the default): one connection, WAL journal, {@code synchronous=FULL} so a committed
 * write survives a killed process or a power cut. SQLite has one writer, and each commit waits
 * for the disk, so transactions go to a single writer thread that runs whatever is waiting as
 * one batch, each transaction inside its own savepoint, then commits the batch once (group
 * commit): every caller still returns only after its own writes are durable, and one failing
 * transaction rolls back to its savepoint without touching the others.
 *
 * <p>PostgreSQL: a small pool of connections; concurrent updates of one resource are decided by
 * a conditional UPDATE's row lock.
 */
public final class JdbcStore implements Store {

    private static final int POOL_SIZE = 8;

    private final String dialect;
    private final Clock clock;
    private final BlockingQueue<Connection> pool;
    private final GroupCommit groupCommit;

    private JdbcStore(String dialect, BlockingQueue<Connection> pool, Clock clock) {
        this.dialect = dialect;
        this.pool = pool;
        this.clock = clock;
        this.groupCommit = dialect.equals("sqlite") ? new GroupCommit(pool.peek(), clock) : null;
    }

    public static JdbcStore open(String jdbcUrl) {
        return open(jdbcUrl, Clock.systemUTC());
    }

    /** Opens the database, creating it (and an SQLite file's directory) and applying migrations. */
    public static JdbcStore open(String jdbcUrl, Clock clock) {
        String dialect;
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            dialect = "sqlite";
            createParentDirectory(jdbcUrl.substring("jdbc:sqlite:".length()));
        } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            dialect = "postgresql";
        } else {
            throw new IllegalArgumentException("unsupported database URL (use jdbc:sqlite:<file> or jdbc:postgresql://...): "
                    + jdbcUrl.replaceAll("password=[^&]*", "password=***"));
        }
        Flyway.configure().dataSource(jdbcUrl, null, null).locations("classpath:db/migration/" + dialect)
                .load().migrate();
        int size = dialect.equals("sqlite") ? 1 : POOL_SIZE;
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(size);
        try {
            for (int i = 0; i < size; i++) {
                Connection c = DriverManager.getConnection(jdbcUrl);
                if (dialect.equals("sqlite")) {
                    try (Statement s = c.createStatement()) {
                        s.execute("PRAGMA journal_mode=WAL");
                        s.execute("PRAGMA synchronous=FULL");
                        s.execute("PRAGMA busy_timeout=10000");
                    }
                } else {
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                }
                c.setAutoCommit(false);
                pool.add(c);
            }
        } catch (SQLException e) {
            pool.forEach(JdbcStore::closeQuietly);
            throw new StoreException("cannot open the database", e);
        }
        return new JdbcStore(dialect, pool, clock);
    }

    private static void createParentDirectory(String file) {
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the data directory " + parent, e);
        }
    }

    @Override
    public <T> T transaction(TxWork<T> work) {
        if (groupCommit != null) {
            return groupCommit.run(work);
        }
        Connection c = null;
        try {
            c = take();
            try {
                T result = work.run(new JdbcTx(c, clock));
                c.commit();
                return result;
            } catch (RuntimeException | Error e) {
                rollback(c);
                throw e;
            } catch (SQLException e) {
                rollback(c);
                throw new StoreException("commit failed", e);
            }
        } finally {
            if (c != null) {
                pool.add(c);
            }
        }
    }

    private Connection take() {
        try {
            Connection c = pool.poll(30, TimeUnit.SECONDS);
            if (c == null) {
                throw new StoreException("no database connection free within 30 s", null);
            }
            return c;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted waiting for a database connection", e);
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

    @Override
    public void close() {
        if (groupCommit != null) {
            groupCommit.stop();
        }
        Connection c;
        while ((c = pool.poll()) != null) {
            closeQuietly(c);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing: nothing left to protect
        }
    }
}
