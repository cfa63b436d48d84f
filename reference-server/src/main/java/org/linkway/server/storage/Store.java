package org.linkway.server.storage;

/**
 * Durable storage: SQLite by default, PostgreSQL in production. All reads and writes happen in
 * a {@link Tx}; a transaction either commits durably (the write survives kill -9 once this
 * returns) or changes nothing.
 */
public interface Store extends AutoCloseable {

    /** Runs work in one transaction, commits it, and returns its result; rolls back on any exception. */
    <T> T transaction(TxWork<T> work);

    /**
     * Runs work that only reads, in one transaction that sees a consistent committed state: every
     * transaction that returned before this call started, possibly not one committing meanwhile.
     * The work must not write: on SQLite it runs on a read-only connection, where a write fails.
     * The default runs it as any other transaction.
     */
    default <T> T read(TxWork<T> work) {
        return transaction(work);
    }

    /** Which database: {@code sqlite} or {@code postgresql}. */
    String dialect();

    @Override
    void close();

    @FunctionalInterface
    interface TxWork<T> {
        T run(Tx tx);
    }
}
