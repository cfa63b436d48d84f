package org.linkway.conformance.internal.suite;

import java.util.List;
import org.linkway.conformance.internal.Ctx;
import org.linkway.conformance.internal.Examples;
import org.linkway.conformance.internal.Http;
import org.linkway.conformance.internal.Journey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One referral taken through everything a link worker records, then closed, for the message
 * back content tests. Every record is built from the schemas' examples, with a marker in the
 * free text so the kit can tell its records from anything else the server holds.
 */
final class ContentJourney {

    /** The provider of the onward referral, as the example names it. */
    static final String PROVIDER = "Eastmere Strollers";

    static final String FIRST_REVIEW = "2026-05-07";
    static final String AGREED_REVIEW = "2026-06-18";
    static final String UNAGREED_REVIEW = "2026-07-30";
    /** ONS4 answers per item, baseline then follow-up: life satisfaction, worthwhile, happiness, anxiety. */
    static final int[][] ONS4_SCORES = {{4, 9}, {5, 8}, {3, 4}, {7, 1}};

    private static final String[] ONS4_ITEMS = {
        "life-satisfaction", "worthwhile", "happiness-yesterday", "anxiety-yesterday"
    };

    /** What was recorded and the message back the link worker service read after closing. */
    record Done(
            String path,
            String id,
            JsonNode referral,
            JsonNode messageBack,
            List<JsonNode> contacts,
            JsonNode signpost,
            String feedbackText) {}

    private ContentJourney() {}

    static Done run(Ctx ctx) {
        String marker = "kit " + Long.toString(System.nanoTime() % 2_176_782_336L, 36);
        String path = Recipients.refer(ctx);
        JsonNode referral = ctx.expect(ctx.http().get(path), 200).json();
        Journey.move(ctx, path, "accepted", null);
        ctx.expect(
                ctx.http().postJson(path + "/consents", Examples.json("valid/consent--given-gp-and-provider.json")),
                201);
        ObjectNode firstCall = contact(null, null, "First telephone contact: introduced the service (" + marker + ")");
        ObjectNode visit =
                contact("2026-03-12T10:30:00Z", "01", "Home visit: what matters conversation (" + marker + ")");
        for (ObjectNode c : List.of(firstCall, visit)) {
            ctx.expect(ctx.http().postJson(path + "/contacts", c.toString()), 201);
        }
        Journey.move(ctx, path, "in-progress", null);
        ctx.expect(
                ctx.http()
                        .postJson(
                                path + "/assessments",
                                ons4("baseline", "2026-03-12T10:50:00Z", 0).toString()),
                201);
        ObjectNode signpost = Examples.toSend("valid/signpost--debt-advice.json");
        ctx.expect(ctx.http().postJson(path + "/signposts", signpost.toString()), 201);
        carePlans(ctx, path);
        String feedback = onwardReferral(ctx, path, marker);
        ctx.expect(
                ctx.http()
                        .postJson(
                                path + "/assessments",
                                ons4("review", "2026-06-04T11:15:00+01:00", 1).toString()),
                201);
        Journey.move(ctx, path, "completed", null);
        Http.Answer m = FeedbackTests.messageBack(ctx, path);
        return new Done(
                path,
                Recipients.id(path),
                referral,
                m.json(),
                List.of(firstCall.path("contact"), visit.path("contact")),
                signpost.path("signpost"),
                feedback);
    }

    static ObjectNode contact(String at, String method, String type) {
        ObjectNode c = Examples.toSend("valid/contact-record--first-call.json");
        ObjectNode contact = (ObjectNode) c.path("contact");
        if (at != null) {
            contact.put("dateAndTimeOfContact", at);
            contact.put("consultationMethod", method);
        }
        contact.put("contactType", type);
        return c;
    }

    /** The ONS4 example with the baseline (column 0) or follow-up (column 1) answers, its stated subscale results agreeing. */
    static ObjectNode ons4(String timepoint, String at, int column) {
        ObjectNode a = Examples.toSend("valid/assessment--ons4-baseline.json");
        a.put("timepoint", timepoint).put("administeredAt", at);
        ArrayNode answers = a.putArray("itemResponses");
        ArrayNode subscales = (ArrayNode) a.at("/assessment/structuredAssessment/subscaleResult");
        for (int i = 0; i < ONS4_ITEMS.length; i++) {
            answers.addObject().put("item", ONS4_ITEMS[i]).put("value", ONS4_SCORES[i][column]);
            ((ObjectNode) subscales.get(i)).put("value", ONS4_SCORES[i][column]);
        }
        ((ObjectNode) a.path("assessment"))
                .put("assessmentSummary", "ONS4 at the " + timepoint + ", recorded by the conformance kit");
        return a;
    }

    /** Three versions: agreed, agreed again with a new review date, then a draft the person has not agreed. */
    private static void carePlans(Ctx ctx, String path) {
        String plan = path + "/care-plan";
        ObjectNode first = carePlan(FIRST_REVIEW, true);
        Http.Answer v1 = ctx.expect(ctx.http().putJson(plan, first.toString(), "If-None-Match", "*"), 201);
        Http.Answer v2 = ctx.expect(
                ctx.http().putJson(plan, carePlan(AGREED_REVIEW, true).toString(), "If-Match", v1.header("ETag")), 200);
        ctx.expect(
                ctx.http().putJson(plan, carePlan(UNAGREED_REVIEW, false).toString(), "If-Match", v2.header("ETag")),
                200);
    }

    static ObjectNode carePlan(String review, boolean agreed) {
        ObjectNode p = Examples.toSend("valid/care-plan--goals-and-actions.json");
        ObjectNode plan = (ObjectNode) p.path("careAndSupportPlan");
        plan.put("plannedReviewDate", review);
        if (!agreed) {
            ObjectNode by = (ObjectNode) plan.path("agreedWithPersonOrLegitimateRepresentative");
            by.put("personOrLegitimateRepresentative", false);
            by.remove("personFullName");
        }
        return p;
    }

    /** An onward referral the provider accepts, reports attendance and feedback on, and completes; returns the feedback text. */
    static String onwardReferral(Ctx ctx, String path, String marker) {
        Http.Answer sent = ctx.expect(
                ctx.http("link-worker")
                        .postJson(
                                path + "/onward-referrals",
                                Examples.json("valid/onward-referral--walking-group-with-feedback.json")),
                201);
        ctx.check(sent.header("Location") != null, "%s: no Location", sent.describe());
        String onward = JourneyTests.relative(sent.header("Location"));
        Journey.move(ctx, onward, "accepted", null);
        Journey.move(ctx, onward, "attended", null);
        String text = "Walks with the group every Tuesday and stays for tea (" + marker + ")";
        ctx.expect(
                ctx.http("provider")
                        .postJson(
                                onward + "/feedback",
                                "{\"at\":\"2026-06-05\",\"attendance\":\"attended\",\"text\":\"" + text + "\"}"),
                201);
        Journey.move(ctx, onward, "completed", null);
        return text;
    }
}
