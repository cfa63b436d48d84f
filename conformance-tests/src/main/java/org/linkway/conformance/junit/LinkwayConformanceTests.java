package org.linkway.conformance.junit;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.linkway.conformance.ConformanceSuite;
import org.linkway.conformance.KitConfig;
import org.linkway.conformance.Outcome;
import org.linkway.conformance.Profile;
import org.linkway.conformance.SuiteResult;
import org.linkway.conformance.TestResult;

/**
 * The kit inside a vendor's own JUnit 5 build. Extend it, annotate the class with
 * {@link LinkwayConformance} (or override {@link #config()} when the URL is only known at run
 * time, e.g. a server started on a free port in {@code @BeforeAll}), and every kit test becomes
 * a JUnit test named by its id and requirement ids:
 *
 * <pre>{@code
 * @LinkwayConformance(profiles = {"referral-receiver", "feedback"})
 * class OurServerConformanceTest extends LinkwayConformanceTests {
 *     @Override protected KitConfig config() {
 *         return configFromAnnotation("http://127.0.0.1:" + ourServer.port());
 *     }
 * }
 * }</pre>
 *
 * Required failures and errors fail the JUnit test; skips, omits and SHOULD failures are
 * reported as aborted (skipped) with the kit's outcome in the message, so the build fails
 * exactly when {@code run} would exit 1.
 */
public abstract class LinkwayConformanceTests {

    /** The run's configuration; by default from {@link LinkwayConformance} and system properties. */
    protected KitConfig config() {
        return configFromAnnotation(null);
    }

    /** The annotation's configuration, with {@code baseUrl} when given (else the annotation's, else linkway.baseUrl). */
    protected final KitConfig configFromAnnotation(String baseUrl) {
        LinkwayConformance a = getClass().getAnnotation(LinkwayConformance.class);
        String url = firstNonBlank(baseUrl, a == null ? null : a.baseUrl(), System.getProperty("linkway.baseUrl"));
        if (url == null) {
            throw new IllegalStateException(
                    "no server URL: set @LinkwayConformance(baseUrl=...), -Dlinkway.baseUrl or override config()");
        }
        List<String> profiles = a != null && a.profiles().length > 0
                ? Arrays.asList(a.profiles())
                : Arrays.asList(System.getProperty("linkway.profiles", "").split(","));
        KitConfig.Builder b = KitConfig.builder(url);
        for (String p : profiles) {
            if (!p.isBlank()) {
                b.profile(Profile.fromId(p).orElseThrow(() -> new IllegalStateException("unknown profile " + p)));
            }
        }
        String token = firstNonBlank(a == null ? null : a.token(), System.getProperty("linkway.token"));
        if (token != null) {
            b.token(token);
        }
        String other =
                firstNonBlank(a == null ? null : a.otherOrgToken(), System.getProperty("linkway.token.other-org"));
        if (other != null) {
            b.token(KitConfig.OTHER_ORG_ROLE, other);
        }
        String gp =
                firstNonBlank(a == null ? null : a.gpPracticeToken(), System.getProperty("linkway.token.gp-practice"));
        if (gp != null) {
            b.token(KitConfig.GP_PRACTICE_ROLE, gp);
        }
        String gpCode =
                firstNonBlank(a == null ? null : a.gpPracticeCode(), System.getProperty("linkway.gp-practice-code"));
        if (gpCode != null) {
            b.gpPracticeCode(gpCode);
        }
        String referrer =
                firstNonBlank(a == null ? null : a.referrerToken(), System.getProperty("linkway.token.referrer"));
        if (referrer != null) {
            b.token(KitConfig.REFERRER_ROLE, referrer);
        }
        String referrerCode =
                firstNonBlank(a == null ? null : a.referrerCode(), System.getProperty("linkway.referrer-code"));
        if (referrerCode != null) {
            b.referrerCode(referrerCode);
        }
        if (a != null) {
            b.fuzzTries(a.fuzzTries()).only(Arrays.asList(a.only()));
        }
        return b.build();
    }

    /** Runs the kit once and turns each result into a dynamic test, grouped by profile. */
    @TestFactory
    Stream<DynamicContainer> linkwayConformance() {
        SuiteResult result = ConformanceSuite.run(config());
        return Arrays.stream(Profile.values())
                .map(p -> DynamicContainer.dynamicContainer(
                        p.id(),
                        result.results().stream().filter(r -> r.profile() == p).map(LinkwayConformanceTests::asTest)));
    }

    private static DynamicTest asTest(TestResult r) {
        String name = r.id() + " " + r.title() + " " + r.requirements();
        return DynamicTest.dynamicTest(name, () -> {
            if (r.failsRun()) {
                throw new AssertionError(r.outcome().code() + " " + r.brokenRequirements() + ": " + r.message());
            }
            if (r.outcome() != Outcome.PASS) {
                Assumptions.abort(r.outcome().code() + (r.required() ? "" : " (not required)") + ": " + r.message());
            }
        });
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
