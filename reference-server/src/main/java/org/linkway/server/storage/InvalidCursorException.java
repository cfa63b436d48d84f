package org.linkway.server.storage;

/** A pagination cursor this server did not issue. */
public final class InvalidCursorException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidCursorException(String cursor) {
        super("not a cursor this server issued: " + cursor);
    }
}
