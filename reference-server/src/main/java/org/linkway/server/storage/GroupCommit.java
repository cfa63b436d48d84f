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
 */
final class GroupCommit {

    private static final int MAX_BATCH = 64;

    private record Job<T>(Store.TxWork<T> work, CompletableFuture<T> result) {
        void run(Connection c, Clock clock, List<Runnable> answers) throws SQLException {
            Savepoint sp = c.setSavepoint();
            try {
                T value = work.run(new JdbcTx(c, clock));
                c.releaseSavepoint(sp);
                answers.add(() -> result.complete(value));
            } catch (RuntimeException | Error e) {
                c.rollback(sp);
                answers.add(() -> result.completeExceptionally(e));
            }
        }
    }

    private final Connection connection;
    private final Clock clock;
    private final BlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean stopping;

    GroupCommit(Connection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
        this.writer = new Thread(this::loop, "linkway-sqlite-writer");
        writer.setDaemon(true);
        writer.start();
    }

    <T> T run(Store.TxWork<T> work) {
        if (Thread.currentThread() == writer) {
            throw new IllegalStateException("a transaction cannot start another one");
        }
        if (stopping) {
            throw new StoreException("the store is closed", null);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        queue.add(new Job<>(work, result));
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted waiting for the database", e);
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

    private void loop() {
        List<Job<?>> batch = new ArrayList<>(MAX_BATCH);
        while (!stopping || !queue.isEmpty()) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                if (stopping) {
                    break;
                }
                continue;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            commit(batch);
            batch.clear();
        }
    }

    private void commit(List<Job<?>> batch) {
        List<Runnable> answers = new ArrayList<>(batch.size());
        try {
            for (Job<?> job : batch) {
                job.run(connection, clock, answers);
            }
            connection.commit();
            answers.forEach(Runnable::run);
        } catch (SQLException | RuntimeException e) {
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

    void stop() {
        stopping = true;
        writer.interrupt();
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
