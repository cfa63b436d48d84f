package org.linkway.conformance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.linkway.conformance.Profile;
import org.linkway.conformance.SuiteResult;
import org.linkway.conformance.TestResult;
import org.linkway.conformance.internal.sender.SenderJudge;
import org.linkway.conformance.internal.sender.SenderReceiver;
import org.linkway.conformance.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code receive}: the kit as the receiving service a sender (a GP or hospital system) sends
 * referrals to. It listens on 127.0.0.1, judges what arrives, and writes the same reports as
 * {@code run}; exit 0 pass, 1 fail, 2 set-up error (the port is taken, a bad option).
 */
@Command(
        name = "receive",
        mixinStandardHelpOptions = true,
        description = "Judge a sender: listen on 127.0.0.1:PORT as a receiving service (POST /v1/referrals, "
                + "POST /fhir/R4/Bundle, POST /fhir/R4/$process-message; message backs at "
                + "GET /v1/referrals/{id}/message-back and GET /v1/message-backs) until the referrals arrive, "
                + "then report. Exit 0 only if every SR test passed, 1 on a failure, 2 on a set-up error.")
final class ReceiveCommand implements Callable<Integer> {

    @Option(names = "--port", required = true, description = "Port on 127.0.0.1 to listen on.")
    int port;

    @Option(names = "--profile", required = true, description = "The claimed profile: referral-sender.")
    String profile;

    @Option(
            names = "--token",
            description = "The bearer token the sender must present (without it any bearer token is accepted).")
    String token;

    @Option(
            names = "--referrals",
            description = "Referrals to judge: the run ends once this many have been answered "
                    + "(and their message backs fetched), default ${DEFAULT-VALUE}.",
            defaultValue = "1")
    int referrals;

    @Option(
            names = "--wait",
            description = "Seconds to wait for them, default ${DEFAULT-VALUE}; then what arrived is judged.",
            defaultValue = "300")
    int waitSeconds;

    @Option(
            names = "--message-back",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Play back a message back for each referral accepted and check the sender fetches it "
                    + "(default: on; --no-message-back skips SR-08).")
    boolean messageBack;

    @Option(names = "--report", description = "Directory for the JUnit XML, JSON and HTML reports.")
    Path report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Profile.fromId(profile).orElse(null) != Profile.REFERRAL_SENDER) {
            err.println("set-up error: receive judges the referral-sender profile only (got '" + profile
                    + "'); a receiving server is judged with run");
            err.flush();
            return LinkwayKit.USAGE;
        }
        if (referrals < 1 || waitSeconds < 1 || port < 1 || port > 65535) {
            err.println("set-up error: --port must be 1 to 65535, --referrals and --wait at least 1");
            err.flush();
            return LinkwayKit.USAGE;
        }
        SenderReceiver receiver;
        try {
            receiver = SenderReceiver.start(port, token, messageBack);
        } catch (UncheckedIOException e) {
            err.println("set-up error: " + e.getMessage());
            err.flush();
            return LinkwayKit.USAGE;
        }
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<TestResult> results;
        try (receiver) {
            out.println("linkway-conformance " + KitVersion.number() + " receiving as " + receiver.url()
                    + ": POST /v1/referrals (application/json), POST /fhir/R4/Bundle or /fhir/R4/$process-message "
                    + "(application/fhir+json)"
                    + (messageBack ? "; message backs at GET /v1/referrals/{id}/message-back" : ""));
            out.println("waiting up to " + waitSeconds + " s for " + referrals + " referral(s); the first is answered "
                    + "503 with Retry-After: 1 on purpose, to see it sent again");
            out.flush();
            boolean done = receiver.await(referrals, Duration.ofSeconds(waitSeconds));
            if (!done) {
                out.println("stopped waiting after " + waitSeconds + " s; judging what arrived");
            }
            results = SenderJudge.judge(receiver, waitSeconds);
        }
        results.forEach(r -> RunCommand.line(out, r));
        SuiteResult result = new SuiteResult(
                receiver.url(),
                List.of(Profile.REFERRAL_SENDER),
                0,
                started,
                (System.nanoTime() - t0) / 1_000_000,
                results);
        out.printf("%n%s: %s in %d ms%n", result.passed() ? "PASS" : "FAIL", result.counts(), result.millis());
        if (!result.passed()) {
            out.println("failed requirements: " + String.join(", ", result.failedRequirements()));
        }
        if (result.partial()) {
            out.println("partial: not every required test ran (" + String.join(", ", result.notShown())
                    + "); see the skip reasons");
        }
        try {
            if (report != null) {
                Reports.write(result, report);
                out.println("reports written to " + report.toAbsolutePath());
            } else {
                out.println("no reports written (give --report DIR for the JUnit XML, JSON and HTML reports)");
            }
        } catch (IOException e) {
            err.println("cannot write the reports: " + e.getMessage());
            err.flush();
            return LinkwayKit.USAGE;
        }
        out.flush();
        return result.exitCode();
    }
}
