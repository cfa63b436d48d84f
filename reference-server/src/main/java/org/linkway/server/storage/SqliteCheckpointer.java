package org.linkway.server.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies SQLite's write-ahead log back into the database file on a thread of its own. Left to
 * SQLite, the commit that fills the log does the copy itself, on the writer thread, and every
 * transaction queued behind it waits: one commit in a thousand would take tens of milliseconds,
 * which is the slow tail a client sees. A passive checkpoint here never blocks the writer or a
 * reader, and runs only after something was committed. Durability is unchanged: a commit is
 * durable once it is in the log, and the log is replayed after a crash whether or not it was
 * copied.
 */
final class SqliteCheckpointer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteCheckpointer.class);
    private static final long INTERVAL_MILLIS = 200;

    private final Connection connection;
    private final LongSupplier commits;
    private final Thread thread;
    private volatile boolean running = true;
    private long checkpointedAfter = -1;
    private boolean warned;

    /** @param commits how many batches the writer has committed so far */
    SqliteCheckpointer(Connection connection, LongSupplier commits) {
        this.connection = connection;
        this.commits = commits;
        this.thread = new Thread(this::loop, "linkway-sqlite-checkpoint");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                continue; // close() interrupts; running says whether to go on
            }
            long committed = commits.getAsLong();
            if (committed != checkpointedAfter) {
                checkpoint();
                checkpointedAfter = committed;
            }
        }
    }

    /** One passive checkpoint: as much of the log as no reader still needs. */
    void checkpoint() {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            rs.next();
        } catch (SQLException e) {
            if (!warned) {
                LOG.warn("SQLite checkpoint failed; the write-ahead log grows until one succeeds: {}", e.getMessage());
                warned = true;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        GroupCommit.joinUninterruptibly(thread);
        ConnectionPool.closeQuietly(connection);
    }
}
