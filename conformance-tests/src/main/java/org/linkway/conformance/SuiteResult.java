package org.linkway.conformance;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.linkway.conformance.internal.KitBuild;

/**
 * Every result of one run, and the verdict: the run passes only if every required test passed.
 * A required test that was skipped (for example for want of a token) does not fail the run, but
 * it is counted so a report can say what was not shown.
 */
public record SuiteResult(
        String baseUrl,
        List<Profile> claimed,
        long seed,
        Instant startedAt,
        long millis,
        List<TestResult> results,
        String kitVersion) {

    public static final int EXIT_PASS = 0;
    public static final int EXIT_FAIL = 1;
    public static final int EXIT_SETUP = 2;

    public SuiteResult {
        claimed = List.copyOf(claimed);
        results = List.copyOf(results);
        kitVersion = kitVersion == null ? KitBuild.version() : kitVersion;
    }

    /** A result of this build of the kit. */
    public SuiteResult(
            String baseUrl,
            List<Profile> claimed,
            long seed,
            Instant startedAt,
            long millis,
            List<TestResult> results) {
        this(baseUrl, claimed, seed, startedAt, millis, results, KitBuild.version());
    }

    public boolean passed() {
        return results.stream().noneMatch(TestResult::failsRun);
    }

    /** 0 if every required test passed, 1 otherwise (set-up errors never get this far: they exit 2). */
    public int exitCode() {
        return passed() ? EXIT_PASS : EXIT_FAIL;
    }

    public Map<Outcome, Long> counts() {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, results.stream().filter(r -> r.outcome() == o).count());
        }
        return counts;
    }

    /**
     * The requirement ids blamed by the tests that fail the run: of each such test, only the
     * requirement whose check failed, not every requirement the test lists.
     */
    public List<String> failedRequirements() {
        return results.stream()
                .filter(TestResult::failsRun)
                .flatMap(r -> r.brokenRequirements().stream())
                .distinct()
                .sorted()
                .toList();
    }

    /**
     * True when the run shows part of conformance at most: a required test was skipped (for want
     * of a token, say) or left out with {@code --only}.
     */
    public boolean partial() {
        return !notShown().isEmpty();
    }

    /** The ids of claimed SHALL tests that did not run: skipped, or not selected. */
    public List<String> notShown() {
        return notRun().stream().map(TestResult::id).toList();
    }

    /** The claimed SHALL tests that did not run, each with its outcome (skip or omit) and the reason. */
    public List<TestResult> notRun() {
        return results.stream()
                .filter(r -> r.required() && (r.outcome() == Outcome.SKIP || r.outcome() == Outcome.OMIT))
                .toList();
    }

    public List<TestResult> failures() {
        return results.stream().filter(TestResult::failsRun).toList();
    }
}
