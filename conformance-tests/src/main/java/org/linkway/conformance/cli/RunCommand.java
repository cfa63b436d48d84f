package org.linkway.conformance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.linkway.conformance.ConformanceSuite;
import org.linkway.conformance.KitConfig;
import org.linkway.conformance.KitSetupException;
import org.linkway.conformance.Outcome;
import org.linkway.conformance.Profile;
import org.linkway.conformance.SuiteResult;
import org.linkway.conformance.TestResult;
import org.linkway.conformance.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code run}: the suite against a live server, with reports; exit 0 pass, 1 fail, 2 set-up error. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run the conformance suite against a live server. Exit 0 only if every required test "
                + "(SHALL, claimed profile) passed, 1 on a failure, 2 on a set-up error.")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--base-url", required = true, description = "The server's base URL, e.g. http://127.0.0.1:8080")
    String baseUrl;

    @Option(
            names = "--profile",
            required = true,
            split = ",",
            description = "Claimed profiles, comma separated: "
                    + "referral-receiver, provider, feedback, events, fhir, security, message-format (or all).")
    List<String> profiles;

    @Option(names = "--token", description = "Bearer token used for every role without its own.")
    String token;

    @Option(names = "--token-referrer", description = "Token of the referrer role.")
    String referrerToken;

    @Option(names = "--token-link-worker", description = "Token of the link worker role.")
    String linkWorkerToken;

    @Option(names = "--token-provider", description = "Token of the VCSE provider role.")
    String providerToken;

    @Option(
            names = "--token-charity",
            description = "A VCSE provider's own token (a JWT with an org claim): its inbox and the person's details "
                    + "consent lets it read are tested as that organisation; without it those tests are skipped.")
    String charityToken;

    @Option(names = "--token-other-org", description = "Token of a second organisation (cross-organisation tests).")
    String otherOrgToken;

    @Option(
            names = "--token-gp-practice",
            description = "Token of the person's registered GP practice (a referrer-role token of the "
                    + "practice), to read the message back as the GP; without it the GP practice tests are skipped.")
    String gpPracticeToken;

    @Option(
            names = "--gp-practice-code",
            description =
                    "The GP practice's ODS code, e.g. Y03146 (default: the org claim of its token, "
                            + "when that is a JWT). The kit names it as the person's registered practice in the referrals it sends.")
    String gpPracticeCode;

    @Option(
            names = "--referrer-code",
            description = "The referrer's ODS code (default: the org claim of --token-referrer, when that "
                    + "is a JWT). The kit names it as the referring organisation in the referrals it sends.")
    String referrerCode;

    @Option(names = "--report", description = "Directory for the JUnit XML, JSON and HTML reports.")
    Path report;

    @Option(
            names = "--messages",
            split = ",",
            description = "Message files your system produced, validated by message-format.")
    List<Path> messages = List.of();

    @Option(
            names = "--only",
            split = ",",
            description = "Run only these test ids or requirement ids (a partial run shows no conformance).")
    List<String> only = List.of();

    @Option(
            names = "--seed",
            description = "Seed of the generated messages (default: ${DEFAULT-VALUE}).",
            defaultValue = "20261127")
    long seed;

    @Option(
            names = "--fuzz-tries",
            description = "Generated messages per fuzzing test, 1 to 500 (default: ${DEFAULT-VALUE}).",
            defaultValue = "25")
    int fuzzTries;

    @Option(
            names = "--webhook-timeout",
            description = "Seconds to wait for a webhook delivery (default: ${DEFAULT-VALUE}).",
            defaultValue = "30")
    int webhookTimeout;

    @Option(
            names = "--max-minutes",
            description = "Time budget of the whole run (default: ${DEFAULT-VALUE}).",
            defaultValue = "10")
    int maxMinutes;

    @Option(
            names = "--webhook-host",
            description = "Host the server uses to reach the kit's receiver (default: ${DEFAULT-VALUE}).",
            defaultValue = "127.0.0.1")
    String webhookHost;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            KitConfig config = config();
            out.println("linkway-conformance " + KitVersion.number() + ", seed " + config.seed() + " (give --seed "
                    + config.seed() + " to send the same generated messages again)");
            for (Profile p : config.profiles()) {
                if (!p.roles().isEmpty()) {
                    out.println("profile " + p.id() + " uses tokens of: " + String.join(", ", p.roles()));
                }
            }
            SuiteResult result = ConformanceSuite.run(config, r -> line(out, r));
            Map<Outcome, Long> counts = result.counts();
            out.printf("%n%s: %s in %d ms%n", result.passed() ? "PASS" : "FAIL", counts, result.millis());
            if (!result.passed()) {
                out.println("failed requirements: " + String.join(", ", result.failedRequirements()));
            }
            if (result.partial()) {
                out.println("partial: not every required test ran (" + String.join(", ", result.notShown())
                        + "); see the skip and omit reasons");
            }
            if (report != null) {
                Reports.write(result, report);
                out.println("reports written to " + report.toAbsolutePath());
            } else {
                out.println("no reports written (give --report DIR for the JUnit XML, JSON and HTML reports)");
            }
            out.flush();
            return result.exitCode();
        } catch (KitSetupException e) {
            err.println("set-up error: " + e.getMessage());
            err.flush();
            return LinkwayKit.USAGE;
        } catch (IOException e) {
            err.println("cannot write the reports: " + e.getMessage());
            err.flush();
            return LinkwayKit.USAGE;
        }
    }

    private KitConfig config() {
        Set<Profile> claimed = EnumSet.noneOf(Profile.class);
        for (String p : profiles) {
            if (p.trim().equals("all")) {
                // every profile run can judge: a sender is judged by receive
                claimed.addAll(EnumSet.complementOf(EnumSet.of(Profile.REFERRAL_SENDER)));
            } else if (Profile.fromId(p).orElse(null) == Profile.REFERRAL_SENDER) {
                throw new KitSetupException(
                        "profile referral-sender judges a sender: run `receive --port P --profile referral-sender` "
                                + "and point the system under test at it");
            } else {
                claimed.add(Profile.fromId(p).orElseThrow(() -> new KitSetupException("unknown profile '" + p + "'")));
            }
        }
        KitConfig.Builder b = KitConfig.builder(baseUrl)
                .profiles(claimed)
                .seed(seed)
                .fuzzTries(fuzzTries)
                .webhookTimeout(Duration.ofSeconds(webhookTimeout))
                .maxDuration(Duration.ofMinutes(maxMinutes))
                .webhookHost(webhookHost);
        if (token != null) {
            b.token(token);
        }
        if (referrerToken != null) {
            b.token("referrer", referrerToken);
        }
        if (linkWorkerToken != null) {
            b.token("link-worker", linkWorkerToken);
        }
        if (providerToken != null) {
            b.token("provider", providerToken);
        }
        if (otherOrgToken != null) {
            b.token(KitConfig.OTHER_ORG_ROLE, otherOrgToken);
        }
        if (charityToken != null) {
            b.token(KitConfig.CHARITY_ROLE, charityToken);
        }
        if (gpPracticeToken != null) {
            b.token(KitConfig.GP_PRACTICE_ROLE, gpPracticeToken);
        }
        if (gpPracticeCode != null) {
            b.gpPracticeCode(gpPracticeCode);
        }
        if (referrerCode != null) {
            b.referrerCode(referrerCode);
        }
        messages.forEach(b::messageFile);
        b.only(only);
        return b.build();
    }

    /** A failure message as printed: whole up to 1,000 characters; the reports have all of it. */
    static String console(String message) {
        return message.length() <= 1000
                ? message
                : message.substring(0, 1000) + "... (" + (message.length() - 1000)
                        + " more characters: the reports have the whole message and the exchanges)";
    }

    static void line(PrintWriter out, TestResult r) {
        out.printf(
                "%-5s %-6s %-17s %-6s %s%s%n",
                r.outcome().code().toUpperCase(Locale.ROOT),
                r.id(),
                r.profile().id(),
                r.level(),
                r.title(),
                r.message().isEmpty() ? "" : "\n        " + console(r.message()).replace("\n", "\n        "));
        out.flush();
    }
}
