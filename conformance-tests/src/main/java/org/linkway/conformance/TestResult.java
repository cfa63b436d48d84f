package org.linkway.conformance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * @param verdicts     per requirement id, what the test showed of it: a failing check blames the one requirement
 *                     it names; the others pass if checked, else are not judged
 * @param exchanges    the HTTP exchanges the test made, redacted and clipped (at most {@code 100})
 * @param exchangesLeftOut how many exchanges the test made beyond those kept
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
        long millis,
        Map<String, RequirementVerdict> verdicts,
        List<HttpExchange> exchanges,
        int exchangesLeftOut) {

    public TestResult {
        requirements = List.copyOf(requirements);
        message = message == null ? "" : message;
        verdicts = Collections.unmodifiableMap(
                verdicts == null ? uniform(requirements, outcome) : new LinkedHashMap<>(verdicts));
        exchanges = exchanges == null ? List.of() : List.copyOf(exchanges);
    }

    /** A result with every requirement sharing the test's outcome and no exchanges kept. */
    public TestResult(
            String id,
            String title,
            Profile profile,
            Level level,
            List<String> requirements,
            boolean required,
            Outcome outcome,
            String message,
            long millis) {
        this(id, title, profile, level, requirements, required, outcome, message, millis, null, null, 0);
    }

    /** The requirements this result blames: those whose own verdict is fail or error. */
    public List<String> brokenRequirements() {
        return requirements.stream()
                .filter(r ->
                        verdicts.getOrDefault(r, RequirementVerdict.NOT_JUDGED).broken())
                .toList();
    }

    private static Map<String, RequirementVerdict> uniform(List<String> requirements, Outcome outcome) {
        Map<String, RequirementVerdict> m = new LinkedHashMap<>();
        for (String r : requirements) {
            m.put(r, RequirementVerdict.valueOf(outcome.name()));
        }
        return m;
    }

    /** True when this result on its own makes the run fail. */
    public boolean failsRun() {
        return required && (outcome == Outcome.FAIL || outcome == Outcome.ERROR);
    }
}
