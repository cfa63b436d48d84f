package org.linkway.conformance.internal.sender;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.linkway.conformance.HttpExchange;
import org.linkway.conformance.Level;
import org.linkway.conformance.Outcome;
import org.linkway.conformance.Profile;
import org.linkway.conformance.TestResult;
import org.linkway.conformance.internal.Redaction;
import org.linkway.conformance.internal.TestCase;

/**
 * Turns what a sender did at the kit's receiving service into results, one test per requirement
 * (SR-01 to SR-08, LW-SND-001 to 008). Each test looks at one thing only, so a sender broken in
 * one way fails exactly the requirement it breaks: an invalid NHS number is SR-03's alone, not
 * also SR-01's, and a message refused for its content type is still judged on its content.
 */
public final class SenderJudge {

    /** One sender test: a verdict from the analysis, or null for a pass. */
    private record Check(String id, String requirement, String title, Function<SenderAnalysis, String> judge) {}

    private static final List<Check> CHECKS = List.of(
            new Check(
                    "SR-01",
                    "LW-SND-001",
                    "Every referral sent is a referral under the standard: no schema or PRSB rule error",
                    SenderAnalysis::otherFindings),
            new Check(
                    "SR-02",
                    "LW-SND-002",
                    "Every referral sent carries the PRSB mandatory elements",
                    SenderAnalysis::mandatoryFindings),
            new Check(
                    "SR-03",
                    "LW-SND-003",
                    "Every NHS number sent is 10 digits with a valid modulus 11 check digit",
                    SenderAnalysis::nhsNumberFindings),
            new Check(
                    "SR-04",
                    "LW-SND-004",
                    "Every referral is posted with an Idempotency-Key",
                    SenderAnalysis::withoutKey),
            new Check(
                    "SR-05",
                    "LW-SND-005",
                    "A referral answered 503 is sent again with the same Idempotency-Key and the same body",
                    SenderAnalysis::retry),
            new Check(
                    "SR-06",
                    "LW-SND-006",
                    "Referrals are posted as application/json (Linkway) or application/fhir+json (FHIR)",
                    SenderAnalysis::contentTypes),
            new Check("SR-07", "LW-SND-007", "Every request presents the bearer token", SenderAnalysis::tokens),
            new Check(
                    "SR-08",
                    "LW-SND-008",
                    "The message back of each referral accepted is fetched",
                    SenderAnalysis::messageBacksFetched));

    private SenderJudge() {}

    /** The sender tests as catalogue entries; the {@code receive} command runs them, not {@code run}. */
    public static List<TestCase> tests() {
        List<TestCase> list = new ArrayList<>();
        for (Check c : CHECKS) {
            list.add(TestCase.shall(c.id(), Profile.REFERRAL_SENDER, c.title(), List.of(c.requirement()), ctx -> {
                throw ctx.omit("a sender is judged by the receive command, not by run");
            }));
        }
        return list;
    }

    /** Judges everything the receiver saw. */
    public static List<TestResult> judge(SenderReceiver receiver, long waitedSeconds) {
        List<Received> all = receiver.received();
        SenderAnalysis analysis =
                new SenderAnalysis(all, receiver.token(), receiver.messageBacks(), receiver.accepted());
        Set<String> secrets = new HashSet<>();
        if (receiver.token() != null) {
            secrets.add(receiver.token());
        }
        Redaction redaction = new Redaction(secrets);
        List<HttpExchange> exchanges = new ArrayList<>();
        for (Received r : all.subList(0, Math.min(all.size(), 100))) {
            exchanges.add(new HttpExchange(
                    r.method(),
                    redaction.text(receiver.url() + r.path()),
                    r.status(),
                    redaction.headers(r.headers()),
                    redaction.body(r.body()),
                    java.util.Map.of(),
                    redaction.body(r.answer())));
        }
        int leftOut = Math.max(0, all.size() - 100);
        List<TestResult> results = new ArrayList<>();
        for (Check c : CHECKS) {
            long t0 = System.nanoTime();
            Outcome outcome;
            String message;
            if (analysis.referrals().isEmpty()) {
                outcome = Outcome.FAIL;
                message = "no referral arrived at " + receiver.url() + " within " + waitedSeconds + " s";
            } else {
                try {
                    message = c.judge().apply(analysis);
                    outcome = message == null ? Outcome.PASS : Outcome.FAIL;
                } catch (SenderAnalysis.NotShown e) {
                    outcome = Outcome.SKIP;
                    message = e.getMessage();
                }
            }
            results.add(new TestResult(
                    c.id(),
                    c.title(),
                    Profile.REFERRAL_SENDER,
                    Level.SHALL,
                    List.of(c.requirement()),
                    true,
                    outcome,
                    message == null ? "" : redaction.text(message),
                    (System.nanoTime() - t0) / 1_000_000,
                    null,
                    exchanges,
                    leftOut));
        }
        return results;
    }

    /** The token of an {@code Authorization: Bearer} value; null when there is none. */
    static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String t = authorization.substring(7).strip();
        return t.isEmpty() ? null : t;
    }
}
