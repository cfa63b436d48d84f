package org.linkway.conformance.internal.suite;

import static org.linkway.conformance.Profile.REFERRAL_RECEIVER;
import static org.linkway.conformance.internal.TestCase.shall;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.linkway.conformance.internal.Ctx;
import org.linkway.conformance.internal.Http;
import org.linkway.conformance.internal.Journey;
import org.linkway.conformance.internal.TestCase;

/**
 * The referral lifecycle: received, accepted, in-progress, completed, with rejected, declined,
 * unable-to-contact and cancelled as other endings. Every move it does not allow is tried.
 */
final class LifecycleTests {

    static final List<String> STATES = List.of(
            "received",
            "accepted",
            "rejected",
            "in-progress",
            "declined",
            "unable-to-contact",
            "completed",
            "cancelled");
    static final Map<String, Set<String>> ALLOWED = Map.of(
            "received",
            Set.of("accepted", "rejected", "cancelled"),
            "accepted",
            Set.of("in-progress", "declined", "unable-to-contact", "cancelled"),
            "in-progress",
            Set.of("completed", "cancelled"),
            "rejected",
            Set.of(),
            "declined",
            Set.of(),
            "unable-to-contact",
            Set.of(),
            "completed",
            Set.of(),
            "cancelled",
            Set.of());
    /** How to reach each state from received. */
    static final Map<String, List<String>> PATH = Map.of(
            "received", List.of(),
            "accepted", List.of("accepted"),
            "rejected", List.of("rejected"),
            "in-progress", List.of("accepted", "in-progress"),
            "declined", List.of("accepted", "declined"),
            "unable-to-contact", List.of("accepted", "unable-to-contact"),
            "completed", List.of("accepted", "in-progress", "completed"),
            "cancelled", List.of("cancelled"));

    static final Set<String> NEEDS_REASON = Set.of("rejected", "declined", "unable-to-contact", "cancelled");

    private LifecycleTests() {}

    static List<TestCase> tests() {
        return List.of(
                shall(
                        "RR-14",
                        REFERRAL_RECEIVER,
                        "A transition without If-Match is refused with 428",
                        List.of("LW-REF-014"),
                        LifecycleTests::ifMatchRequired),
                shall(
                        "RR-15",
                        REFERRAL_RECEIVER,
                        "A transition with a stale If-Match is refused with 412 and changes nothing",
                        List.of("LW-REF-015"),
                        LifecycleTests::staleIfMatch),
                shall(
                        "RR-16",
                        REFERRAL_RECEIVER,
                        "Two writers with the same If-Match: exactly one wins",
                        List.of("LW-REF-016"),
                        LifecycleTests::twoWriters),
                shall(
                        "RR-17",
                        REFERRAL_RECEIVER,
                        "Every transition the lifecycle does not allow is refused with 409, status unchanged",
                        List.of("LW-REF-017"),
                        LifecycleTests::illegalTransitions),
                shall(
                        "RR-18",
                        REFERRAL_RECEIVER,
                        "Endings that need a reason are refused with 422 without one",
                        List.of("LW-REF-018"),
                        LifecycleTests::reasonsRequired),
                shall(
                        "RR-19",
                        REFERRAL_RECEIVER,
                        "A referral moves received, accepted, in-progress, completed and reports each status",
                        List.of("LW-REF-019"),
                        LifecycleTests::forwardPath));
    }

    static String reach(Ctx ctx, String state) {
        String path = "/v1/referrals/" + Journey.referId(ctx);
        for (String step : PATH.get(state)) {
            Journey.move(ctx, path, step, NEEDS_REASON.contains(step) ? "Recorded by the conformance kit" : null);
        }
        return path;
    }

    static void ifMatchRequired(Ctx ctx) {
        String path = reach(ctx, "received");
        ctx.expect(ctx.http().postJson(path + "/transitions", "{\"to\":\"accepted\"}"), 428);
    }

    static void staleIfMatch(Ctx ctx) {
        String path = reach(ctx, "received");
        String first = Journey.etag(ctx, path);
        Journey.move(ctx, path, "accepted", null);
        ctx.expect(ctx.http().postJson(path + "/transitions", "{\"to\":\"in-progress\"}", "If-Match", first), 412);
        String status = ctx.http().get(path).json().path("status").asString("");
        ctx.check("accepted".equals(status), "after a stale If-Match the referral is '%s', not accepted", status);
    }

    static void twoWriters(Ctx ctx) {
        for (int round = 0; round < 3; round++) {
            String path = reach(ctx, "received");
            String etag = Journey.etag(ctx, path);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<CompletableFuture<Http.Answer>> writers = new ArrayList<>();
                for (String to : List.of("accepted", "cancelled")) {
                    String body = "accepted".equals(to)
                            ? "{\"to\":\"accepted\"}"
                            : "{\"to\":\"cancelled\",\"reason\":\"Sent twice\"}";
                    writers.add(CompletableFuture.supplyAsync(
                            () -> {
                                await(start);
                                return ctx.http().postJson(path + "/transitions", body, "If-Match", etag);
                            },
                            pool));
                }
                start.countDown();
                List<Http.Answer> answers =
                        writers.stream().map(CompletableFuture::join).toList();
                long won = answers.stream().filter(a -> a.status() == 200).count();
                long lost = answers.stream()
                        .filter(a -> a.status() == 412 || a.status() == 409)
                        .count();
                ctx.check(
                        won == 1 && lost == 1,
                        "two writers with If-Match %s: %s and %s; exactly one must win (200), the other 412 or 409",
                        etag,
                        answers.get(0).describe(),
                        answers.get(1).describe());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void illegalTransitions(Ctx ctx) {
        for (String from : STATES) {
            String path = reach(ctx, from);
            for (String to : STATES) {
                if (ALLOWED.get(from).contains(to)) {
                    continue;
                }
                Http.Answer a = Journey.attempt(ctx, path, to, "Recorded by the conformance kit");
                ctx.check(a.status() == 409, "%s -> %s must be refused with 409: %s", from, to, a.describeWithBody());
                String now = ctx.http().get(path).json().path("status").asString("");
                ctx.check(from.equals(now), "after the refused move %s -> %s the status is '%s'", from, to, now);
            }
        }
    }

    static void reasonsRequired(Ctx ctx) {
        for (String ending : List.of("rejected", "cancelled")) {
            String path = reach(ctx, "received");
            ctx.expect(Journey.attempt(ctx, path, ending, null), 422);
        }
        for (String ending : List.of("declined", "unable-to-contact")) {
            String path = reach(ctx, "accepted");
            ctx.expect(Journey.attempt(ctx, path, ending, null), 422);
            String now = ctx.http().get(path).json().path("status").asString("");
            ctx.check("accepted".equals(now), "after %s without a reason the status is '%s'", ending, now);
        }
    }

    static void forwardPath(Ctx ctx) {
        String path = reach(ctx, "received");
        for (String step : List.of("accepted", "in-progress", "completed")) {
            Http.Answer moved = Journey.move(ctx, path, step, null);
            ctx.check(
                    step.equals(moved.json().path("status").asString("")),
                    "%s: the answer's status is '%s', not %s",
                    moved.describe(),
                    moved.json().path("status").asString(""),
                    step);
            String read = ctx.http().get(path).json().path("status").asString("");
            ctx.check(step.equals(read), "after moving to %s the referral reads '%s'", step, read);
        }
    }
}
