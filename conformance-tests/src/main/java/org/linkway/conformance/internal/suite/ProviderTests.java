package org.linkway.conformance.internal.suite;

import static org.linkway.conformance.Profile.PROVIDER;
import static org.linkway.conformance.internal.TestCase.shall;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linkway.conformance.internal.Ctx;
import org.linkway.conformance.internal.Examples;
import org.linkway.conformance.internal.Http;
import org.linkway.conformance.internal.Journey;
import org.linkway.conformance.internal.TestCase;

/** The VCSE provider's side: its inbox of onward referrals, their lifecycle and its feedback. */
final class ProviderTests {

    static final Map<String, Set<String>> ALLOWED = Map.of(
            "sent",
            Set.of("accepted", "declined"),
            "accepted",
            Set.of("attended", "did-not-attend"),
            "attended",
            Set.of("completed"),
            "did-not-attend",
            Set.of("completed"),
            "declined",
            Set.of(),
            "completed",
            Set.of());
    static final List<String> STATES =
            List.of("sent", "accepted", "declined", "attended", "did-not-attend", "completed");
    static final Map<String, List<String>> PATH = Map.of(
            "sent",
            List.of(),
            "accepted",
            List.of("accepted"),
            "declined",
            List.of("declined"),
            "attended",
            List.of("accepted", "attended"),
            "did-not-attend",
            List.of("accepted", "did-not-attend"),
            "completed",
            List.of("accepted", "attended", "completed"));

    private ProviderTests() {}

    static List<TestCase> tests() {
        return List.of(
                shall(
                        "PR-01",
                        PROVIDER,
                        "An onward referral is received with 201, Location and status sent, and reads back",
                        List.of("LW-PRV-001"),
                        ProviderTests::received),
                shall(
                        "PR-02",
                        PROVIDER,
                        "Onward-referral transitions need If-Match and every move its lifecycle does not allow is 409",
                        List.of("LW-PRV-002"),
                        ProviderTests::lifecycle),
                shall(
                        "PR-03",
                        PROVIDER,
                        "Declined and did-not-attend need a reason (422 without)",
                        List.of("LW-PRV-003"),
                        ProviderTests::reasons),
                shall(
                        "PR-04",
                        PROVIDER,
                        "Feedback is appended; feedback without text, or with a member the schema does not know, is 422 and changes nothing",
                        List.of("LW-PRV-004"),
                        ProviderTests::feedback),
                shall(
                        "PR-05",
                        PROVIDER,
                        "The onward referrals of a referral are listed",
                        List.of("LW-PRV-005"),
                        ProviderTests::listed));
    }

    static String send(Ctx ctx, String referralId) {
        Http.Answer sent = ctx.expect(
                ctx.http("link-worker")
                        .postJson(
                                "/v1/referrals/" + referralId + "/onward-referrals",
                                Examples.json("valid/onward-referral--walking-group-with-feedback.json")),
                201);
        ctx.check(sent.header("Location") != null, "%s: no Location", sent.describe());
        ctx.emitted("POST /v1/referrals/{id}/onward-referrals", sent.body());
        return JourneyTests.relative(sent.header("Location"));
    }

    static String reach(Ctx ctx, String state) {
        String path = send(ctx, Journey.referId(ctx));
        for (String step : PATH.get(state)) {
            Journey.move(
                    ctx,
                    path,
                    step,
                    Set.of("declined", "did-not-attend").contains(step) ? "Recorded by the conformance kit" : null);
        }
        return path;
    }

    static void received(Ctx ctx) {
        String referralId = Journey.referId(ctx);
        Http.Answer sent = ctx.expect(
                ctx.http("link-worker")
                        .postJson(
                                "/v1/referrals/" + referralId + "/onward-referrals",
                                Examples.json("valid/onward-referral--walking-group-with-feedback.json")),
                201);
        ctx.check(
                "sent".equals(sent.json().path("status").asString("")),
                "%s: status is '%s', not sent",
                sent.describe(),
                sent.json().path("status").asString(""));
        String location = sent.header("Location");
        ctx.check(location != null, "%s: no Location", sent.describe());
        Http.Answer read = ctx.expect(ctx.http("provider").get(JourneyTests.relative(location)), 200);
        ctx.check(read.json().equals(sent.json()), "%s differs from the 201 answer", read.describe());
        ctx.expect(
                ctx.http("link-worker")
                        .postJson(
                                "/v1/referrals/no-such-referral/onward-referrals",
                                Examples.json("valid/onward-referral--walking-group-with-feedback.json")),
                404);
    }

    static void lifecycle(Ctx ctx) {
        String fresh = reach(ctx, "sent");
        ctx.expect(ctx.http("provider").postJson(fresh + "/transitions", "{\"to\":\"accepted\"}"), 428);
        for (String from : STATES) {
            String path = reach(ctx, from);
            for (String to : STATES) {
                if (ALLOWED.get(from).contains(to)) {
                    continue;
                }
                Http.Answer a = Journey.attempt(ctx, path, to, "Recorded by the conformance kit");
                ctx.check(
                        a.status() == 409,
                        "onward %s -> %s must be refused with 409: %s",
                        from,
                        to,
                        a.describeWithBody());
            }
        }
    }

    static void reasons(Ctx ctx) {
        ctx.expect(Journey.attempt(ctx, reach(ctx, "sent"), "declined", null), 422);
        ctx.expect(Journey.attempt(ctx, reach(ctx, "accepted"), "did-not-attend", null), 422);
    }

    static void feedback(Ctx ctx) {
        String path = reach(ctx, "attended");
        int before = ctx.http().get(path).json().path("feedback").size();
        Http.Answer added = ctx.expect(
                ctx.http("provider")
                        .postJson(
                                path + "/feedback",
                                "{\"at\":\"2026-11-20\",\"attendance\":\"attended\",\"text\":\"Came to the Thursday walk twice.\"}"),
                201);
        ctx.check(
                added.json().path("feedback").size() == before + 1,
                "%s: %d feedback entries, expected %d",
                added.describe(),
                added.json().path("feedback").size(),
                before + 1);
        ctx.expectProblem(ctx.http("provider").postJson(path + "/feedback", "{\"at\":\"2026-11-21\"}"), 422);
        // a member the schema does not know is refused, not stored for the link worker to be shown
        ctx.expectProblem(
                ctx.http("provider")
                        .postJson(
                                path + "/feedback",
                                "{\"at\":\"2026-11-21\",\"text\":\"Came again.\",\"injected\":\"<script>alert(1)</script>\"}"),
                422);
        int after = ctx.http().get(path).json().path("feedback").size();
        ctx.check(
                after == before + 1,
                "refused feedback changed the onward referral (%d entries, expected %d)",
                after,
                before + 1);
    }

    static void listed(Ctx ctx) {
        String referralId = Journey.referId(ctx);
        send(ctx, referralId);
        send(ctx, referralId);
        Http.Answer list = ctx.expect(ctx.http().get("/v1/referrals/" + referralId + "/onward-referrals"), 200);
        ctx.check(
                list.json().path("items").size() == 2,
                "%s lists %d onward referrals, 2 were sent",
                list.describe(),
                list.json().path("items").size());
    }
}
