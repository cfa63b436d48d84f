package org.linkway.conformance;

import java.util.Locale;

/**
 * What one test showed about one of the requirements it verifies. Each check of a test names the
 * requirement it checks, so a failing check blames that requirement alone: the test's other
 * requirements whose checks all held are {@link #PASS}, and those the test never reached are
 * {@link #NOT_JUDGED}.
 */
public enum RequirementVerdict {
    /** Every check of this requirement that ran held. */
    PASS,
    /** A check of this requirement failed: the server's answer breaks it. */
    FAIL,
    /** The kit could not complete a check of this requirement (timeout, connection). */
    ERROR,
    /** The test stopped (on another requirement's failure) before any check of this requirement ran. */
    NOT_JUDGED,
    /** The test was skipped: not runnable with what the kit was given. */
    SKIP,
    /** The test was omitted: not applicable or not selected. */
    OMIT;

    /** Lower case with a dash ({@code not-judged}), as written in every report. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** True when this verdict is a failure or an error. */
    public boolean broken() {
        return this == FAIL || this == ERROR;
    }
}
