package org.linkway.conformance.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.linkway.conformance.KitConfig;
import org.linkway.conformance.Level;
import org.linkway.conformance.Outcome;
import org.linkway.conformance.Profile;
import org.linkway.conformance.TestResult;

/**
 * Runs test cases one after another against one server. Tests of an unclaimed profile are
 * omitted, except that the FHIR profile is an optional endpoint: it is still probed, so a
 * report can say whether the facade is there, without its results counting.
 */
public final class Runner {

    private final KitConfig config;
    private final Http http;
    private final List<Ctx.Emitted> emitted = new ArrayList<>();
    private final Map<String, Object> shared = new HashMap<>();

    public Runner(KitConfig config) {
        this.config = config;
        this.http = new Http(config.baseUrl(), null, config.requestTimeout());
    }

    public List<TestResult> run(List<TestCase> tests, Consumer<TestResult> listener) {
        Instant deadline = Instant.now().plus(config.maxDuration());
        List<TestResult> results = new ArrayList<>();
        for (TestCase t : tests) {
            TestResult r = runOne(t, deadline);
            results.add(r);
            listener.accept(r);
        }
        return results;
    }

    private TestResult runOne(TestCase t, Instant deadline) {
        boolean claimed = config.claims(t.profile());
        boolean required = claimed && t.level() == Level.SHALL;
        if (!claimed && t.profile() != Profile.FHIR) {
            return result(t, required, Outcome.OMIT, "profile " + t.profile().id() + " not claimed", 0);
        }
        if (!config.only().isEmpty()
                && !config.only().contains(t.id())
                && t.requirements().stream().noneMatch(config.only()::contains)) {
            return result(t, required, Outcome.OMIT, "not selected (--only)", 0);
        }
        if (Instant.now().isAfter(deadline)) {
            return result(
                    t,
                    required,
                    Outcome.ERROR,
                    "not run: the run's time budget (" + config.maxDuration() + ") was used up",
                    0);
        }
        long start = System.nanoTime();
        Outcome outcome;
        String message = "";
        try {
            t.body().run(new Ctx(config, http, claimed, emitted, shared));
            outcome = Outcome.PASS;
        } catch (CheckFailed e) {
            outcome = Outcome.FAIL;
            message = e.getMessage();
        } catch (Verdict v) {
            outcome = v.outcome();
            message = v.getMessage();
        } catch (Http.Unreachable e) {
            outcome = Outcome.ERROR;
            message = e.getMessage();
        } catch (RuntimeException | AssertionError e) {
            outcome = Outcome.ERROR;
            message = "the kit could not complete the test: " + e;
        }
        return result(t, required, outcome, message, (System.nanoTime() - start) / 1_000_000);
    }

    private static TestResult result(TestCase t, boolean required, Outcome outcome, String message, long millis) {
        return new TestResult(
                t.id(), t.title(), t.profile(), t.level(), t.requirements(), required, outcome, message, millis);
    }
}
