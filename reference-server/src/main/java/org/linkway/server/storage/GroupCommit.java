package org.linkway.server.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The SQLite writer thread: takes every transaction waiting, runs each in a savepoint, commits
 * them with one disk sync, then answers each caller. See {@link JdbcStore}.
 *
 * <p>All access to the connection happens on this one thread, so writes are serialised and the
 * connection never sees two transactions at once; a caller returns only after the commit that
 * contains its work (or with that work's own exception, its savepoint rolled back).
 */
final class GroupCommit {

    private static final int MAX_BATCH = 64;

    private record Job<T>(Store.TxWork<T> work, CompletableFuture<T> result) {
        void run(Connection c, Clock clock, StatementCache statements, List<Runnable> answers) throws SQLException {
            Savepoint sp = c.setSavepoint();
            try {
                T value = work.run(new JdbcTx(c, clock, "sqlite", statements));
                c.releaseSavepoint(sp);
                answers.add(() -> result.complete(value));
            } catch (RuntimeException | Error e) {
                c.rollback(sp);
                c.releaseSavepoint(sp);
                answers.add(() -> result.completeExceptionally(e));
            }
        }
    }

    /** Put in the queue by {@link #stop()}: everything before it is still run, nothing after. */
    private static final Job<Object> STOP = new Job<>(tx -> null, new CompletableFuture<>());

    private final Connection connection;
    private final StatementCache statements; // the writer thread's own
    private final Clock clock;
    private final BlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
    private final Object enqueueLock = new Object();
    private final Thread writer;
    private boolean stopping; // guarded by enqueueLock
    private volatile long commits;

    GroupCommit(Connection connection, Clock clock) {
        this.connection = connection;
        this.statements = new StatementCache(connection);
        this.clock = clock;
        this.writer = new Thread(this::loop, "linkway-sqlite-writer");
        writer.setDaemon(true);
        writer.start();
    }

    <T> T run(Store.TxWork<T> work) {
        if (Thread.currentThread() == writer) {
            throw new IllegalStateException("a transaction cannot start another one");
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        synchronized (enqueueLock) {
            if (stopping) {
                throw new StoreException("the store is closed", null);
            }
            queue.add(new Job<>(work, result));
        }
        try {
            return awaitUninterruptibly(result);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new StoreException("transaction failed", cause);
        }
    }

    /**
     * Waits for the writer's answer even if interrupted: once queued the work may commit, so
     * answering "failed" early would lie. The interrupt is kept for the caller to see.
     */
    private static <T> T awaitUninterruptibly(CompletableFuture<T> result) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        List<Job<?>> batch = new ArrayList<>(MAX_BATCH);
        boolean stop = false;
        while (!stop) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // only STOP ends the loop, so no queued caller is left waiting
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            int end = batch.indexOf(STOP);
            if (end >= 0) {
                stop = true;
                batch = new ArrayList<>(batch.subList(0, end)); // nothing can follow STOP in the queue
            }
            if (!batch.isEmpty()) {
                commit(batch);
            }
            batch.clear();
        }
        statements.close();
    }

    private void commit(List<Job<?>> batch) {
        List<Runnable> answers = new ArrayList<>(batch.size());
        try {
            for (Job<?> job : batch) {
                job.run(connection, clock, statements, answers);
            }
            connection.commit();
            commits++; // only this thread writes it
            answers.forEach(Runnable::run);
        } catch (SQLException | RuntimeException | Error e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the failure below is what callers need
            }
            StoreException failure = new StoreException("commit failed; nothing in this batch was written", e);
            for (Job<?> job : batch) {
                job.result().completeExceptionally(failure);
            }
        }
    }

    /** How many batches have been committed: for the checkpointer, to tell whether there is anything new. */
    long commits() {
        return commits;
    }

    /** Runs what is already queued, then ends the writer thread; later transactions are refused. */
    void stop() {
        synchronized (enqueueLock) {
            if (stopping) {
                return;
            }
            stopping = true;
            queue.add(STOP);
        }
        GroupCommit.joinUninterruptibly(writer);
    }

    /**
     * Waits for a store thread to end even if interrupted: it is finishing work callers are
     * waiting on, or holds a connection about to be closed. The interrupt is kept for the caller.
     */
    static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
