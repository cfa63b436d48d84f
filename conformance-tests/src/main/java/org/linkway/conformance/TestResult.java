package org.linkway.conformance;

import java.util.List;

/**
 * The result of one conformance test.
 *
 * @param id           stable test id (for example {@code RR-03}); never reused for a different check
 * @param title        what the test shows, in a sentence
 * @param profile      the profile the test belongs to
 * @param level        SHALL or SHOULD
 * @param requirements requirement ids from requirements.csv the test verifies
 * @param required     true when a non-pass fails the run: a SHALL test of a claimed profile
 * @param outcome      what happened
 * @param message      why, for anything but a pass (names the request, status and rule)
 * @param millis       how long it took
 */
public record TestResult(
        String id,
        String title,
        Profile profile,
        Level level,
        List<String> requirements,
        boolean required,
        Outcome outcome,
        String message,
        long millis) {

    public TestResult {
        requirements = List.copyOf(requirements);
        message = message == null ? "" : message;
    }

    /** True when this result on its own makes the run fail. */
    public boolean failsRun() {
        return required && (outcome == Outcome.FAIL || outcome == Outcome.ERROR);
    }
}
