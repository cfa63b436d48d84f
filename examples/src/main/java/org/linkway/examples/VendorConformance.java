package org.linkway.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.linkway.conformance.ConformanceSuite;
import org.linkway.conformance.KitConfig;
import org.linkway.conformance.KitSetupException;
import org.linkway.conformance.Profile;
import org.linkway.conformance.SuiteResult;
import org.linkway.conformance.TestResult;
import org.linkway.conformance.report.Reports;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A vendor's CI step: run the Linkway conformance kit against your own server, keep the reports,
 * and fail the build exactly when a required test of a profile you claim fails.
 *
 * <p>The same run is one command with the kit's jar, which is what most CI scripts use:
 * <pre>
 * java -jar linkway-conformance.jar run --base-url http://127.0.0.1:8080 --token "$TOKEN" \
 *     --profile referral-receiver,provider,feedback,events,message-format --report build/conformance
 * </pre>
 * This class shows the library route, for a build that wants the results in code (say, to post
 * the failed requirement ids to a pull request). A JUnit 5 build can instead extend
 * {@code LinkwayConformanceTests}; see {@code VendorServerConformanceTest} in this module's tests.
 */
@Command(
        name = "vendor-conformance",
        mixinStandardHelpOptions = true,
        description = "Runs the conformance kit against a server and writes JUnit XML, JSON and HTML reports.")
public final class VendorConformance implements Callable<Integer> {

    /** What a link worker case management system would claim. Claim only what you implement. */
    static final Set<Profile> CLAIMED = EnumSet.of(
            Profile.REFERRAL_RECEIVER, Profile.PROVIDER, Profile.FEEDBACK, Profile.EVENTS, Profile.MESSAGE_FORMAT);

    @Mixin
    ServerOptions server;

    @Option(
            names = "--report",
            defaultValue = "build/conformance",
            description = "Where the reports go (default: ${DEFAULT-VALUE}).")
    Path report;

    @Option(
            names = "--fuzz-tries",
            defaultValue = "25",
            description = "Generated referrals per fuzzing test (default: ${DEFAULT-VALUE}).")
    int fuzzTries;

    public static void main(String[] args) {
        System.exit(new CommandLine(new VendorConformance()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        return run(server, CLAIMED, fuzzTries, report);
    }

    /** Runs the kit; returns the kit's own exit code: 0 conformant, 1 not, 2 nothing judged (set-up error). */
    public static int run(ServerOptions server, Set<Profile> claimed, int fuzzTries, Path report) throws IOException {
        KitConfig config = KitConfig.builder(server.url())
                .token(server.token()) // the kit creates and closes referrals, so it needs a token that may
                .profiles(claimed) // do that everywhere: a test organisation's admin, never production
                .fuzzTries(fuzzTries)
                .build();
        SuiteResult result;
        try {
            result = ConformanceSuite.run(config);
        } catch (KitSetupException e) {
            // unreachable server, refused token...: not a verdict, so not exit 1
            System.err.println("set-up error: " + e.getMessage());
            return SuiteResult.EXIT_SETUP;
        }
        Reports.write(result, report); // JUnit XML for the CI's test tab, JSON for scripts, HTML for people

        System.out.printf("%s: %s%n", result.passed() ? "CONFORMANT" : "NOT CONFORMANT", result.counts());
        List<TestResult> failures = result.failures();
        failures.forEach(
                f -> System.out.printf("  %s %s %s: %s%n", f.outcome(), f.id(), f.requirements(), f.message()));
        System.out.printf("reports in %s%n", report.toAbsolutePath());
        return result.exitCode();
    }
}
