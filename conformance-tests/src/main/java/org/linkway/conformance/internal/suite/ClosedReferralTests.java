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

/**
 * Closed means closed: once a referral has ended (rejected, declined, unable-to-contact,
 * completed, cancelled) nothing more is recorded on its journey, each attempt refused with 409
 * naming the state; a consent decision is still recorded, because the person may change their
 * mind about sharing after the support ends.
 */
final class ClosedReferralTests {

    static final List<String> TERMINAL = List.of("rejected", "declined", "unable-to-contact", "completed", "cancelled");
    /** Each kind of journey record, with an example to post. */
    static final String[][] RECORDS = {
        {"contacts", "valid/contact-record--first-call.json"},
        {"assessments", "valid/assessment--ons4-baseline.json"},
        {"signposts", "valid/signpost--debt-advice.json"},
        {"onward-referrals", "valid/onward-referral--walking-group-with-feedback.json"}
    };

    private ClosedReferralTests() {}

    static List<TestCase> tests() {
        return List.of(
                shall(
                        "RR-36",
                        REFERRAL_RECEIVER,
                        "Contacts, assessments, signposts, onward referrals and care plan versions on a closed "
                                + "referral are refused with 409 naming its state; nothing is stored",
                        List.of("LW-REF-043"),
                        ClosedReferralTests::refused),
                shall(
                        "RR-37",
                        REFERRAL_RECEIVER,
                        "Consent decisions are still recorded after a referral has closed",
                        List.of("LW-REF-044"),
                        ClosedReferralTests::consentAfterClosing));
    }

    static void refused(Ctx ctx) {
        for (String state : TERMINAL) {
            String path = LifecycleTests.reach(ctx, "received");
            String planEtag = null;
            if ("completed".equals(state)) {
                // a plan made while the referral was open may not be revised after it closed either
                Journey.move(ctx, path, "accepted", null);
                Journey.move(ctx, path, "in-progress", null);
                planEtag = ctx.expect(
                                ctx.http()
                                        .putJson(
                                                path + "/care-plan",
                                                Examples.json("valid/care-plan--goals-and-actions.json"),
                                                "If-None-Match",
                                                "*"),
                                201)
                        .header("ETag");
                Journey.move(ctx, path, "completed", null);
            } else {
                for (String step : LifecycleTests.PATH.get(state)) {
                    Journey.move(
                            ctx,
                            path,
                            step,
                            LifecycleTests.NEEDS_REASON.contains(step) ? "Recorded by the conformance kit" : null);
                }
            }
            for (String[] r : RECORDS) {
                Http http = "onward-referrals".equals(r[0]) ? ctx.http("link-worker") : ctx.http();
                closedRefusal(ctx, state, http.postJson(path + "/" + r[0], Examples.json(r[1])));
                Http.Answer list = ctx.expect(ctx.http().get(path + "/" + r[0]), 200);
                ctx.check(
                        list.json().path("items").isEmpty(),
                        "after the refusal on a %s referral %s lists %d records",
                        state,
                        list.describe(),
                        list.json().path("items").size());
            }
            String plan = Examples.json("valid/care-plan--goals-and-actions.json");
            if (planEtag != null) {
                closedRefusal(ctx, state, ctx.http().putJson(path + "/care-plan", plan, "If-Match", planEtag));
                JsonNode versions = ctx.expect(ctx.http().get(path + "/care-plan/versions"), 200)
                        .json()
                        .path("items");
                ctx.check(
                        versions.size() == 1,
                        "after the refused revision on a %s referral the care plan has %d versions, not 1",
                        state,
                        versions.size());
            } else {
                closedRefusal(ctx, state, ctx.http().putJson(path + "/care-plan", plan, "If-None-Match", "*"));
                ctx.expect(ctx.http().get(path + "/care-plan"), 404);
            }
        }
    }

    /** 409, a problem document, and the referral's state named in it. */
    private static void closedRefusal(Ctx ctx, String state, Http.Answer a) {
        ctx.check(
                a.status() == 409, "a %s referral takes no more records: %s must be 409", state, a.describeWithBody());
        JsonNode problem = ctx.expectProblem(a, 409);
        ctx.check(
                problem.toString().contains(state),
                "%s: the problem does not name the referral's state '%s': %s",
                a.describe(),
                state,
                a.describeWithBody());
    }

    static void consentAfterClosing(Ctx ctx) {
        for (String state : List.of("completed", "rejected")) {
            String path = LifecycleTests.reach(ctx, state);
            Http.Answer recorded =
                    ctx.http().postJson(path + "/consents", Examples.json("valid/consent--withdrawn.json"));
            ctx.check(
                    recorded.status() == 201,
                    "a consent decision on a %s referral must still be recorded: %s",
                    state,
                    recorded.describeWithBody());
            String id = recorded.json().path("id").asString("");
            JsonNode items =
                    ctx.expect(ctx.http().get(path + "/consents"), 200).json().path("items");
            ctx.check(
                    items.findValuesAsString("id").contains(id),
                    "the consent recorded on the %s referral (%s) is not listed",
                    state,
                    id);
        }
    }
}
