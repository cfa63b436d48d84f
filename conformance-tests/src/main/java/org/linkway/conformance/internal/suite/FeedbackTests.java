package org.linkway.conformance.internal.suite;

import static org.linkway.conformance.Profile.FEEDBACK;
import static org.linkway.conformance.internal.TestCase.shall;
import static org.linkway.conformance.internal.TestCase.should;

import java.util.List;
import org.linkway.conformance.internal.Ctx;
import org.linkway.conformance.internal.Http;
import org.linkway.conformance.internal.Journey;
import org.linkway.conformance.internal.TestCase;
import org.linkway.validation.MessageValidator;
import org.linkway.validation.ValidationResult;
import tools.jackson.databind.JsonNode;

/** The message back: what the referrer and the GP are told when a referral closes. */
final class FeedbackTests {

    private FeedbackTests() {}

    static List<TestCase> tests() {
        return List.of(
                shall(
                        "FB-01",
                        FEEDBACK,
                        "No message back while the referral is open (409)",
                        List.of("LW-FBK-001"),
                        FeedbackTests::notWhileOpen),
                shall(
                        "FB-02",
                        FEEDBACK,
                        "Each closing that tells the referrer issues a valid message back naming the referral and outcome",
                        List.of("LW-FBK-002"),
                        FeedbackTests::issuedOnClose),
                shall(
                        "FB-03",
                        FEEDBACK,
                        "The reason for an ending is in the message back's clinical summary",
                        List.of("LW-FBK-003"),
                        FeedbackTests::reasonCarried),
                shall(
                        "FB-04",
                        FEEDBACK,
                        "The message back carries the referral's risks and safeguarding unchanged",
                        List.of("LW-FBK-004"),
                        FeedbackTests::risksCarried),
                should(
                        "FB-05",
                        FEEDBACK,
                        "The message back is addressed to the referrer and the GP practice",
                        List.of("LW-FBK-005"),
                        FeedbackTests::addressed));
    }

    static void notWhileOpen(Ctx ctx) {
        for (String state : List.of("received", "accepted", "in-progress")) {
            String path = LifecycleTests.reach(ctx, state);
            ctx.expect(ctx.http().get(path + "/message-back"), 409);
        }
    }

    static Http.Answer messageBack(Ctx ctx, String path) {
        Http.Answer m = ctx.http().get(path + "/message-back");
        ctx.check(m.status() == 200, "the referral closed but %s", m.describeWithBody());
        ctx.emitted("GET /v1/referrals/{id}/message-back", m.body());
        return m;
    }

    static void issuedOnClose(Ctx ctx) {
        MessageValidator validator = MessageValidator.create();
        for (String ending : List.of("completed", "declined", "rejected", "unable-to-contact")) {
            String path = LifecycleTests.reach(ctx, ending);
            Http.Answer m = messageBack(ctx, path);
            JsonNode body = m.json();
            String id = path.substring(path.lastIndexOf('/') + 1);
            ctx.check(
                    "MessageBack".equals(body.path("resourceType").asString("")),
                    "%s: resourceType is '%s'",
                    m.describe(),
                    body.path("resourceType").asString(""));
            ctx.check(
                    id.equals(body.path("referralId").asString("")),
                    "%s: referralId is '%s', not %s",
                    m.describe(),
                    body.path("referralId").asString(""),
                    id);
            ctx.check(
                    ending.equals(body.path("outcome").asString("")),
                    "%s: outcome is '%s', not %s",
                    m.describe(),
                    body.path("outcome").asString(""),
                    ending);
            ValidationResult result = validator.validate(m.body());
            ctx.check(result.isValid(), "%s is not valid under the standard: %s", m.describe(), result.errors());
        }
    }

    static void reasonCarried(Ctx ctx) {
        String path = LifecycleTests.reach(ctx, "accepted");
        String reason = "Three calls and a letter, no reply";
        Journey.move(ctx, path, "unable-to-contact", reason);
        Http.Answer m = messageBack(ctx, path);
        ctx.check(
                m.json().at("/clinicalSummary/clinicalSummary").asString("").contains(reason),
                "%s: the clinical summary does not carry the reason '%s'",
                m.describe(),
                reason);
    }

    static void risksCarried(Ctx ctx) {
        String path = LifecycleTests.reach(ctx, "completed");
        JsonNode referral = ctx.expect(ctx.http().get(path), 200).json();
        JsonNode m = messageBack(ctx, path).json();
        ctx.check(
                m.path("risks").equals(referral.path("risks")), "the message back's risks differ from the referral's");
        ctx.check(
                m.path("safeguarding").equals(referral.path("safeguarding")),
                "the message back's safeguarding differs from the referral's");
    }

    static void addressed(Ctx ctx) {
        String path = LifecycleTests.reach(ctx, "completed");
        messageBack(ctx, path);
        JsonNode events =
                ctx.expect(ctx.http().get(path + "/events"), 200).json().path("items");
        JsonNode issued = null;
        for (JsonNode e : events) {
            if ("message-back.issued".equals(e.path("type").asString(""))) {
                issued = e;
            }
        }
        ctx.check(issued != null, "no message-back.issued event for the closed referral");
        String roles = issued.at("/data/recipients").findValuesAsString("role").toString();
        ctx.check(
                roles.contains("referrer") && roles.contains("gp-practice"),
                "the message back goes to %s, not the referrer and GP",
                roles);
    }
}
