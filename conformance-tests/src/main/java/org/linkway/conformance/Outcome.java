package org.linkway.conformance;

import java.util.Locale;

/**
 * What happened to one conformance test. The semantics are part of the kit's contract, because
 * harnesses that read the results must not have to guess (a harness that counted an omit as a
 * failure is the classic mistake).
 */
public enum Outcome {
    /** The server did what the requirement says. */
    PASS,
    /** The server answered, and the answer breaks the requirement. */
    FAIL,
    /**
     * The test could not be run with what the kit was given (for example no tokens, so no
     * authorisation tests). Says nothing about conformance; never fails a run.
     */
    SKIP,
    /**
     * The kit itself could not complete the test: a timeout, a connection dropped, an answer it
     * could not parse. Counts against a required test, because conformance was not shown.
     */
    ERROR,
    /**
     * Not applicable: the test belongs to a profile that was not claimed, or to an optional
     * endpoint the server says it does not implement (404, 501 or 503). Never fails a run.
     */
    OMIT;

    /** Lower case, as written in every report. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
