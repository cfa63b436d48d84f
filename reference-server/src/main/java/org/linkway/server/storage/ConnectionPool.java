package org.linkway.server.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bounded pool of PostgreSQL connections: at most {@code size} in use at once, opened when first
 * needed, and a connection that broke during a transaction is closed and replaced by a new one on
 * a later borrow rather than handed out again.
 */
final class ConnectionPool {

    /** Opens one configured connection (auto-commit off). */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    private final Opener opener;
    private final Semaphore permits;
    private final long waitMillis;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    ConnectionPool(Opener opener, int size, long waitMillis) {
        this.opener = opener;
        this.permits = new Semaphore(size, true);
        this.waitMillis = waitMillis;
    }

    /** A connection for one transaction; give it back with {@link #release}. */
    Connection borrow() {
        if (closed) {
            throw new StoreException("the store is closed", null);
        }
        boolean got;
        try {
            got = permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted waiting for a database connection", e);
        }
        if (!got) {
            throw new StoreException("no database connection free within " + waitMillis + " ms", null);
        }
        Connection c = idle.pollFirst();
        if (c != null) {
            return c;
        }
        try {
            return opener.open();
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw new StoreException("cannot connect to the database", e);
        }
    }

    /**
     * Takes a connection back. {@code suspect} says the transaction failed with an SQL error, so the
     * connection is checked and dropped if it no longer works.
     */
    void release(Connection c, boolean suspect) {
        try {
            if (closed || (suspect && !works(c))) {
                closeQuietly(c);
            } else {
                idle.addFirst(c);
                if (closed && idle.remove(c)) {
                    closeQuietly(c);
                }
            }
        } finally {
            permits.release();
        }
    }

    private static boolean works(Connection c) {
        try {
            return !c.isClosed() && c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Closes the idle connections now; ones in use are closed when given back. */
    void close() {
        closed = true;
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            closeQuietly(c);
        }
    }

    static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing: nothing left to protect
        }
    }
}
