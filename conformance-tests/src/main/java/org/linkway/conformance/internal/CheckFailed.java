package org.linkway.conformance.internal;

/**
 * The server answered and the answer breaks the requirement: the test fails. The requirement is
 * the one the failing check names ({@link Ctx#check(String, boolean, String, Object...)}), or
 * null when the check named none (the runner then blames the requirement the test was checking).
 */
public final class CheckFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String requirement;

    public CheckFailed(String message) {
        this(null, message);
    }

    public CheckFailed(String requirement, String message) {
        super(message, null, false, false);
        this.requirement = requirement;
    }

    /** The requirement the failing check named, or null. */
    public String requirement() {
        return requirement;
    }
}
