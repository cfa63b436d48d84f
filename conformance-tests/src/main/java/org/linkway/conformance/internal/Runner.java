package org.linkway.conformance.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.linkway.conformance.KitConfig;
import org.linkway.conformance.Level;
import org.linkway.conformance.Outcome;
import org.linkway.conformance.Profile;
import org.linkway.conformance.RequirementVerdict;
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

    private final Redaction redaction;

    public Runner(KitConfig config) {
        this.config = config;
        this.http = new Http(config.baseUrl(), null, config.requestTimeout());
        Set<String> tokens = new HashSet<>();
        KitConfig.ROLES.forEach(role -> config.ownToken(role).ifPresent(tokens::add));
        this.redaction = new Redaction(tokens);
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
        Http.Log log = new Http.Log(redaction);
        Ctx ctx = new Ctx(config, http.recording(log), claimed, emitted, shared, t.requirements());
        String blamed = null;
        try {
            t.body().run(ctx);
            outcome = Outcome.PASS;
        } catch (CheckFailed e) {
            outcome = Outcome.FAIL;
            message = e.getMessage();
            blamed = e.requirement() != null && t.requirements().contains(e.requirement())
                    ? e.requirement()
                    : ctx.currentRequirement();
        } catch (Verdict v) {
            outcome = v.outcome();
            message = v.getMessage();
        } catch (Http.Unreachable e) {
            outcome = Outcome.ERROR;
            message = e.getMessage();
            blamed = ctx.currentRequirement();
        } catch (RuntimeException | AssertionError e) {
            outcome = Outcome.ERROR;
            message = "the kit could not complete the test: " + e;
            blamed = ctx.currentRequirement();
        }
        return new TestResult(
                t.id(),
                t.title(),
                t.profile(),
                t.level(),
                t.requirements(),
                required,
                outcome,
                redaction.text(message),
                (System.nanoTime() - start) / 1_000_000,
                verdicts(t, outcome, blamed, ctx.judged()),
                log.exchanges(),
                log.leftOut());
    }

    /**
     * Per requirement: the one a failing check named fails (or errs); the others the test made a
     * check of passed; those it never reached are not judged. A skip or omit is every requirement's.
     */
    static Map<String, RequirementVerdict> verdicts(TestCase t, Outcome outcome, String blamed, Set<String> judged) {
        Map<String, RequirementVerdict> verdicts = new LinkedHashMap<>();
        for (String r : t.requirements()) {
            RequirementVerdict v;
            switch (outcome) {
                case SKIP -> v = RequirementVerdict.SKIP;
                case OMIT -> v = RequirementVerdict.OMIT;
                case PASS ->
                    v = judged.contains(r) || r.equals(t.requirements().get(0))
                            ? RequirementVerdict.PASS
                            : RequirementVerdict.NOT_JUDGED;
                default -> {
                    if (r.equals(blamed)) {
                        v = outcome == Outcome.FAIL ? RequirementVerdict.FAIL : RequirementVerdict.ERROR;
                    } else {
                        v = judged.contains(r) ? RequirementVerdict.PASS : RequirementVerdict.NOT_JUDGED;
                    }
                }
            }
            verdicts.put(r, v);
        }
        return verdicts;
    }

    private static TestResult result(TestCase t, boolean required, Outcome outcome, String message, long millis) {
        return new TestResult(
                t.id(), t.title(), t.profile(), t.level(), t.requirements(), required, outcome, message, millis);
    }
}
