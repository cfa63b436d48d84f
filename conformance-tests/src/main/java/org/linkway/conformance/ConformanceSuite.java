package org.linkway.conformance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.linkway.conformance.internal.Http;
import org.linkway.conformance.internal.Runner;
import org.linkway.conformance.internal.TestCase;
import org.linkway.conformance.internal.sender.SenderJudge;
import org.linkway.conformance.internal.suite.AllTests;

/**
 * The conformance suite as a library: {@code ConformanceSuite.run(config)} runs every test of
 * the kit against one server and returns the results. The command line's {@code run} and the
 * JUnit 5 base class are both thin layers over this.
 */
public final class ConformanceSuite {

    private ConformanceSuite() {}

    /**
     * Runs the suite.
     *
     * @throws KitSetupException when the server cannot be reached or refuses the given token
     */
    public static SuiteResult run(KitConfig config) {
        return run(config, r -> {});
    }

    /** Runs the suite, telling {@code listener} about each result as it comes. */
    public static SuiteResult run(KitConfig config, Consumer<TestResult> listener) {
        preflight(config);
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<TestResult> results = new Runner(config).run(AllTests.list(), listener);
        return new SuiteResult(
                config.baseUrl().toString(),
                new ArrayList<>(config.profiles()),
                config.seed(),
                started,
                (System.nanoTime() - t0) / 1_000_000,
                results);
    }

    /**
     * Every test the kit has: id, title, profile, level and requirement ids (for catalogues and coverage).
     * The sender tests ({@link Profile#REFERRAL_SENDER}) are listed here but run by the {@code receive} command.
     */
    public static List<TestInfo> tests() {
        return Stream.concat(AllTests.list().stream(), SenderJudge.tests().stream())
                .map(t -> new TestInfo(t.id(), t.title(), t.profile(), t.level(), t.requirements()))
                .toList();
    }

    /** A test as listed, without running it. */
    public record TestInfo(String id, String title, Profile profile, Level level, List<String> requirements) {}

    /**
     * Checks the server answers and accepts the token before running anything, so an unreachable
     * server or a refused token is a set-up error (exit 2), not a page of failures.
     */
    static void preflight(KitConfig config) {
        boolean hasDefault = config.ownToken(KitConfig.DEFAULT_ROLE).isPresent();
        String firstRole = hasDefault
                ? KitConfig.DEFAULT_ROLE
                : KitConfig.ROLES.stream()
                        .filter(r -> config.ownToken(r).isPresent())
                        .sorted()
                        .findFirst()
                        .orElse(KitConfig.DEFAULT_ROLE);
        Http http = new Http(config.baseUrl(), config.token(firstRole).orElse(null), config.requestTimeout());
        Http.Answer a;
        try {
            a = http.get(preflightPath(firstRole));
        } catch (Http.Unreachable e) {
            throw new KitSetupException("the server is unreachable: " + e.getMessage(), e);
        }
        if (a.status() == 401 || a.status() == 403) {
            throw new KitSetupException(
                    config.hasTokens()
                            ? "the server refused the token" + (hasDefault ? "" : " of role " + firstRole) + ": "
                                    + a.describe()
                            : "the server requires credentials (" + a.describe() + "); give --token");
        }
        if (a.status() >= 500 || a.status() == 404) {
            throw new KitSetupException("the server does not look like a Linkway server: " + a.describeWithBody());
        }
        for (String role : KitConfig.ROLES) {
            if (!role.equals(firstRole)
                    && config.ownToken(role).isPresent()
                    && !config.ownToken(role).equals(config.ownToken(firstRole))) {
                Http.Answer r = http.as(config.ownToken(role).get()).get(preflightPath(role));
                if (r.status() == 401 || r.status() == 403) {
                    throw new KitSetupException("the server refused the token of role " + role + ": " + r.describe());
                }
            }
        }
    }

    /**
     * A read the role is allowed to make: providers (and a charity acting as one) may not list
     * referrals, only the onward referrals addressed to them.
     */
    static String preflightPath(String role) {
        return role.equals("provider") || role.equals(KitConfig.CHARITY_ROLE)
                ? "/v1/onward-referrals?limit=1"
                : "/v1/referrals?limit=1";
    }

    static List<TestCase> cases() {
        return AllTests.list();
    }
}
