package org.linkway.server.storage;

/** The database failed or refused a write (a duplicate id, a lost connection). Nothing was committed. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
