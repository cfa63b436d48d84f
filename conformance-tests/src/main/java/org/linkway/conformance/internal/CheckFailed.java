package org.linkway.conformance.internal;

/** The server answered and the answer breaks the requirement: the test fails. */
public final class CheckFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CheckFailed(String message) {
        super(message, null, false, false);
    }
}
