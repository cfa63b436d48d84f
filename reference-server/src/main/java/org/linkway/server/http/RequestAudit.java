package org.linkway.server.http;

import org.linkway.server.storage.Tx;

/**
 * The audit entry the request on this thread will leave, handed to the write it makes so the
 * entry commits in the same transaction as the change it records: a crash can then never keep a
 * change and lose its entry, and the writer commits once per request instead of twice.
 * Set by the security layer before the handler runs and cleared after it.
 */
public final class RequestAudit {

    /** The request's entry, still without its outcome. */
    public interface Entry {
        /** Appends the entry with the answer's status, inside the transaction that writes. */
        void appendWithin(Tx tx, int status);

        /** The transaction holding the entry committed, answering {@code status}. */
        void committed(int status);
    }

    private static final ThreadLocal<Entry> CURRENT = new ThreadLocal<>();

    private RequestAudit() {}

    public static void begin(Entry entry) {
        CURRENT.set(entry);
    }

    public static void end() {
        CURRENT.remove();
    }

    /** This thread's entry; null when the request is not audited. */
    static Entry current() {
        return CURRENT.get();
    }
}
