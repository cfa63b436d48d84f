package org.linkway.conformance.internal.suite;

import static org.linkway.conformance.Profile.REFERRAL_RECEIVER;
import static org.linkway.conformance.internal.TestCase.shall;

import java.util.List;
import org.linkway.conformance.internal.Ctx;
import org.linkway.conformance.internal.Examples;
import org.linkway.conformance.internal.Http;
import org.linkway.conformance.internal.Journey;
import org.linkway.conformance.internal.TestCase;
import tools.jackson.databind.JsonNode;

/** The whole journey in one go, the way a real referral travels. */
final class JourneyTests {

    private JourneyTests() {}

    static List<TestCase> tests() {
        return List.of(shall(
                "RR-27",
                REFERRAL_RECEIVER,
                "End to end: refer, accept, contact, care plan, onward referral, provider feedback, assessment, close, message back",
                List.of("LW-REF-027", "LW-PRV-001", "LW-PRV-004", "LW-FBK-002"),
                JourneyTests::endToEnd));
    }

    static void endToEnd(Ctx ctx) {
        String id = Journey.referId(ctx);
        String referral = "/v1/referrals/" + id;
        Journey.move(ctx, referral, "accepted", null);
        ctx.expect(
                ctx.http().postJson(referral + "/contacts", Examples.json("valid/contact-record--first-call.json")),
                201);
        Journey.move(ctx, referral, "in-progress", null);
        ctx.expect(
                ctx.http()
                        .putJson(
                                referral + "/care-plan",
                                Examples.json("valid/care-plan--goals-and-actions.json"),
                                "If-None-Match",
                                "*"),
                201);
        String onwardPath = ctx.about("LW-PRV-001", () -> {
            Http.Answer onward = ctx.expect(
                    ctx.http("link-worker")
                            .postJson(
                                    referral + "/onward-referrals",
                                    Examples.json("valid/onward-referral--walking-group-with-feedback.json")),
                    201);
            ctx.check(onward.header("Location") != null, "%s: no Location", onward.describe());
            return relative(onward.header("Location"));
        });
        Journey.move(ctx, onwardPath, "accepted", null);
        Journey.move(ctx, onwardPath, "attended", null);
        ctx.requirement("LW-PRV-004", () -> {
            int before = ctx.http().get(onwardPath).json().path("feedback").size();
            ctx.expect(
                    ctx.http("provider")
                            .postJson(
                                    onwardPath + "/feedback",
                                    "{\"at\":\"2026-11-20\",\"attendance\":\"attended\",\"text\":\"Came to the Thursday walk twice.\"}"),
                    201);
            int after = ctx.http().get(onwardPath).json().path("feedback").size();
            ctx.check(
                    after == before + 1,
                    "the provider's feedback was not appended (%d entries before, %d after)",
                    before,
                    after);
        });
        ctx.expect(
                ctx.http().postJson(referral + "/assessments", Examples.json("valid/assessment--swemwbs-review.json")),
                201);
        Journey.move(ctx, referral, "completed", null);
        ctx.requirement("LW-FBK-002", () -> {
            Http.Answer message = ctx.expect(ctx.http().get(referral + "/message-back"), 200);
            JsonNode m = message.json();
            ctx.check(
                    "MessageBack".equals(m.path("resourceType").asString(""))
                            && id.equals(m.path("referralId").asString("")),
                    "%s: not the message back of referral %s: %s",
                    message.describe(),
                    id,
                    message.describeWithBody());
            ctx.check(
                    "completed".equals(m.path("outcome").asString("")),
                    "%s: outcome is '%s', not completed",
                    message.describe(),
                    m.path("outcome").asString(""));
            ctx.emitted("GET " + referral + "/message-back", message.body());
        });
    }

    /** A Location may be absolute; the kit only ever follows it on the server under test. */
    static String relative(String location) {
        int v1 = location.indexOf("/v1/");
        return v1 < 0 ? location : location.substring(v1);
    }
}
