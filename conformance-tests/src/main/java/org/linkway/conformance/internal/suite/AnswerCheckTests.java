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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Outcome answers are checked against their instrument before they are stored: an answer off
 * the item's scale, a missing item, an instrument nobody knows, a stated total the answers do
 * not give. Each is refused with 422 naming the item, and nothing is stored.
 */
final class AnswerCheckTests {

    static final String[] UCLA_ITEMS = {"lack-companionship", "feel-left-out", "feel-isolated"};

    private AnswerCheckTests() {}

    static List<TestCase> tests() {
        return List.of(
                shall(
                        "RR-34",
                        REFERRAL_RECEIVER,
                        "Answers off the scale, missing items and unknown instruments are refused with 422 naming "
                                + "the item; nothing is stored",
                        List.of("LW-REF-041"),
                        AnswerCheckTests::badAnswers),
                shall(
                        "RR-35",
                        REFERRAL_RECEIVER,
                        "A stated total the answers do not give is refused with 422 naming it; nothing is stored",
                        List.of("LW-REF-042"),
                        AnswerCheckTests::statedTotal));
    }

    static void badAnswers(Ctx ctx) {
        String assessments = "/v1/referrals/" + Journey.referId(ctx) + "/assessments";
        ObjectNode ons4 = Examples.toSend("valid/assessment--ons4-baseline.json");
        ((ObjectNode) ons4.at("/itemResponses/1")).put("value", 11);
        // no stated scores beside the answers, so the answer off the scale is the only thing wrong
        ((ObjectNode) ons4.at("/assessment/structuredAssessment")).remove("subscaleResult");
        refused(
                ctx,
                assessments,
                "ONS4 'worthwhile' answered 11 (scale 0 to 10)",
                ons4,
                "/itemResponses/1",
                "worthwhile");
        refused(
                ctx,
                assessments,
                "UCLA-3 'feel-left-out' answered 4 (scale 1 to 3)",
                ucla3(new int[] {3, 4, 1}, null),
                "/itemResponses/1",
                "feel-left-out");
        ObjectNode twoOfThree = ucla3(new int[] {3, 2, 1}, null);
        ((ArrayNode) twoOfThree.path("itemResponses")).remove(2);
        refused(
                ctx,
                assessments,
                "UCLA-3 with 'feel-isolated' not answered",
                twoOfThree,
                "/itemResponses/2",
                "feel-isolated");
        ObjectNode unknown = ucla3(new int[] {3, 2, 1}, null);
        unknown.put("instrument", "kit-unheard-of-scale");
        refused(ctx, assessments, "an instrument no catalogue knows", unknown, "/instrument", "kit-unheard-of-scale");
        nothingStored(ctx, assessments, 0);
    }

    static void statedTotal(Ctx ctx) {
        String assessments = "/v1/referrals/" + Journey.referId(ctx) + "/assessments";
        refused(
                ctx,
                assessments,
                "UCLA-3 answered 3, 2, 1 with a stated total of 7",
                ucla3(new int[] {3, 2, 1}, 7),
                "/assessment/structuredAssessment/assessmentResult",
                "total");
        nothingStored(ctx, assessments, 0);
        // the same answers with the total they give are accepted: the refusal was about the total
        ctx.expect(
                ctx.http().postJson(assessments, ucla3(new int[] {3, 2, 1}, 6).toString()), 201);
        nothingStored(ctx, assessments, 1);
    }

    /** A UCLA-3 loneliness assessment with these answers and, if not null, a stated total. */
    static ObjectNode ucla3(int[] answers, Integer total) {
        ObjectNode a = Examples.toSend("valid/assessment--ons4-baseline.json");
        a.put("instrument", "ucla-3");
        ArrayNode items = a.putArray("itemResponses");
        for (int i = 0; i < answers.length; i++) {
            items.addObject().put("item", UCLA_ITEMS[i]).put("value", answers[i]);
        }
        ObjectNode assessment = a.putObject("assessment");
        assessment.put("assessmentType", "Loneliness outcome measure");
        assessment.put(
                "assessmentSummary",
                "Three-item UCLA loneliness scale at the first home visit, recorded by the conformance kit");
        ObjectNode structured = assessment.putObject("structuredAssessment");
        structured.putObject("structuredAssessmentName").put("text", "Three-item UCLA loneliness scale");
        if (total != null) {
            ObjectNode result = structured.putObject("assessmentResult");
            result.putObject("assessmentScore").put("text", "UCLA-3 total (3 to 9, lower is better)");
            result.put("value", total).put("unitsOfMeasure", "{score}");
        }
        return a;
    }

    /** 422 with a problem document whose findings name the item: by a pointer under {@code at}, or by {@code name} in the message. */
    private static void refused(Ctx ctx, String path, String what, ObjectNode body, String at, String name) {
        Http.Answer a = ctx.http().postJson(path, body.toString());
        ctx.check(a.status() == 422, "%s must be refused with 422: %s", what, a.describeWithBody());
        JsonNode problem = ctx.expectProblem(a, 422);
        boolean named = false;
        for (JsonNode f : problem.path("findings")) {
            named |= f.path("pointer").asString("").startsWith(at)
                    || f.path("message").asString("").contains(name);
        }
        ctx.check(
                named,
                "%s: %s, but no finding names %s (a pointer under %s or '%s' in its message): %s",
                what,
                a.describe(),
                name,
                at,
                name,
                problem.path("findings"));
    }

    private static void nothingStored(Ctx ctx, String path, int expected) {
        Http.Answer list = ctx.expect(ctx.http().get(path), 200);
        ctx.check(
                list.json().path("items").size() == expected,
                "%s lists %d assessments; %d were accepted, the refused ones must not be stored",
                list.describe(),
                list.json().path("items").size(),
                expected);
    }
}
