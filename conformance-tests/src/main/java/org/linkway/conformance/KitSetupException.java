package org.linkway.conformance;

/**
 * The run could not start: the server is unreachable, a token was refused, or the configuration
 * is wrong. Maps to exit code 2, distinct from a conformance failure.
 */
public final class KitSetupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KitSetupException(String message) {
        super(message);
    }

    public KitSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
