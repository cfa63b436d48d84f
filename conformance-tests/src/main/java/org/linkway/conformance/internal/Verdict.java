package org.linkway.conformance.internal;

import org.linkway.conformance.Outcome;

/** Ends a test early with an outcome other than fail: skip (not runnable here) or omit (not applicable). */
public final class Verdict extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Outcome outcome;

    Verdict(Outcome outcome, String message) {
        super(message, null, false, false);
        this.outcome = outcome;
    }

    public Outcome outcome() {
        return outcome;
    }
}
