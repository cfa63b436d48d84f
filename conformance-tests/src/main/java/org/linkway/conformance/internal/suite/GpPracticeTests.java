package org.linkway.conformance.internal.suite;

import static org.linkway.conformance.Profile.FEEDBACK;
import static org.linkway.conformance.internal.TestCase.shall;

import java.util.List;
import org.linkway.conformance.internal.Ctx;
import org.linkway.conformance.internal.Examples;
import org.linkway.conformance.internal.Http;
import org.linkway.conformance.internal.Journey;
import org.linkway.conformance.internal.TestCase;
import tools.jackson.databind.JsonNode;

/**
 * The loop closed at the GP: the person's registered GP practice reads the message back about
 * its patient with its own token, finds it in its list and its events, and sees nothing else of
 * the referral; no other organisation sees it at all. Needs a GP practice token
 * (--token-gp-practice); without one these tests are skipped, not failed.
 */
final class GpPracticeTests {

    /** A referral naming the kit's GP practice, taken to completed, with its message back as the link worker service reads it. */
    record Closed(String path, String id, String sentAt, long eventsBefore, JsonNode messageBack) {}

    private GpPracticeTests() {}

    static List<TestCase> tests() {
        return List.of(
                shall(
                        "FB-06",
                        FEEDBACK,
                        "The registered GP practice reads the message back with its own token",
                        List.of("LW-FBK-006"),
                        GpPracticeTests::gpReads),
                shall(
                        "FB-07",
                        FEEDBACK,
                        "The GP practice finds the message back in its list of message backs and its event in /v1/events",
                        List.of("LW-FBK-007"),
                        GpPracticeTests::gpListsAndEvents),
                shall(
                        "FB-08",
                        FEEDBACK,
                        "Another organisation gets 404 for the message back and finds it in neither its list nor its events",
                        List.of("LW-FBK-008"),
                        GpPracticeTests::otherOrganisation),
                shall(
                        "FB-09",
                        FEEDBACK,
                        "The GP practice sees nothing else of the referral (404) unless it is also the referrer",
                        List.of("LW-FBK-009"),
                        GpPracticeTests::gpSeesNothingElse));
    }

    /** The referral the GP tests share, made once per run. */
    static Closed closed(Ctx ctx) {
        return ctx.once("gp-practice-journey", c -> {
            long before = EventLog.head(c);
            String path = Recipients.refer(c);
            Journey.move(c, path, "accepted", null);
            c.expect(
                    c.http().postJson(path + "/contacts", Examples.json("valid/contact-record--first-call.json")), 201);
            Journey.move(c, path, "in-progress", null);
            Journey.move(c, path, "completed", null);
            Http.Answer m = FeedbackTests.messageBack(c, path);
            String sentAt = m.json().path("sentAt").asString("");
            c.check(!sentAt.isEmpty(), "%s: the message back has no sentAt", m.describe());
            return new Closed(path, Recipients.id(path), sentAt, before, m.json());
        });
    }

    static void gpReads(Ctx ctx) {
        Http gp = Recipients.gp(ctx);
        Closed c = closed(ctx);
        Http.Answer read = gp.get(c.path() + "/message-back", "Accept", "application/json");
        ctx.check(
                read.status() == 200,
                "the GP practice %s reads the message back about its patient: %s",
                Recipients.gpCode(ctx),
                read.describeWithBody());
        String type = read.header("Content-Type");
        ctx.check(type != null && type.startsWith("application/json"), "%s: Content-Type is %s", read.describe(), type);
        JsonNode m = read.json();
        ctx.check(
                "MessageBack".equals(m.path("resourceType").asString(""))
                        && c.id().equals(m.path("referralId").asString(""))
                        && "completed".equals(m.path("outcome").asString("")),
                "%s: not the completed message back of referral %s: %s",
                read.describe(),
                c.id(),
                read.describeWithBody());
        ctx.check(
                Recipients.gpCode(ctx)
                        .equals(m.at("/gpPractice/entries/0/gpPracticeIdentifier")
                                .asString("")),
                "%s: the message back does not name the GP practice %s",
                read.describe(),
                Recipients.gpCode(ctx));
        ctx.emitted("GET /v1/referrals/{id}/message-back as the GP practice", read.body());
    }

    static void gpListsAndEvents(Ctx ctx) {
        Http gp = Recipients.gp(ctx);
        Closed c = closed(ctx);
        JsonNode listed = Recipients.listed(ctx, gp, c.sentAt(), c.id());
        ctx.check(
                listed != null,
                "GET /v1/message-backs?since=... as the GP practice %s does not list the message back of referral %s",
                Recipients.gpCode(ctx),
                c.id());
        ctx.check(
                "completed".equals(listed.path("outcome").asString("")),
                "the listed message back of %s has outcome '%s'",
                c.id(),
                listed.path("outcome").asString(""));
        List<JsonNode> issued = Recipients.issued(Recipients.events(ctx, gp, c.eventsBefore(), c.id()));
        ctx.check(
                issued.size() == 1,
                "GET /v1/events as the GP practice %s shows %d message-back.issued events for referral %s, not 1",
                Recipients.gpCode(ctx),
                issued.size(),
                c.id());
    }

    static void otherOrganisation(Ctx ctx) {
        Http other = Recipients.otherOrg(ctx);
        Closed c = closed(ctx);
        ctx.expect(other.get(c.path() + "/message-back"), 404);
        ctx.expect(other.get(c.path() + "/message-back", "Accept", "application/fhir+json"), 404);
        if (Recipients.fhirServed(ctx)) {
            ctx.expect(other.get(FhirTests.BASE + "/Bundle/" + c.id(), "Accept", "application/fhir+json"), 404);
        }
        ctx.check(
                Recipients.listed(ctx, other, c.sentAt(), c.id()) == null,
                "GET /v1/message-backs lists the message back of referral %s to another organisation",
                c.id());
        List<JsonNode> events = Recipients.events(ctx, other, c.eventsBefore(), c.id());
        ctx.check(
                events.isEmpty(),
                "GET /v1/events shows another organisation %d events of referral %s: %s",
                events.size(),
                c.id(),
                events.stream().map(e -> e.path("type").asString("")).toList());
    }

    static void gpSeesNothingElse(Ctx ctx) {
        Http gp = Recipients.gp(ctx);
        if (ctx.config().referrerCode().filter(Recipients.gpCode(ctx)::equals).isPresent()) {
            throw ctx.skip("the GP practice is also the referrer (" + Recipients.gpCode(ctx)
                    + "): it may see its own referral");
        }
        String open = Recipients.refer(ctx);
        ctx.expect(gp.get(open), 404);
        ctx.expect(gp.get(open + "/message-back"), 404);
        Closed c = closed(ctx);
        for (String route : List.of(
                "",
                "/events",
                "/contacts",
                "/consents",
                "/assessments",
                "/signposts",
                "/onward-referrals",
                "/care-plan")) {
            ctx.expect(gp.get(c.path() + route), 404);
        }
        ctx.expect(
                gp.postJson(
                        open + "/transitions",
                        "{\"to\":\"cancelled\",\"reason\":\"Sent in error\"}",
                        "If-Match",
                        Journey.etag(ctx, open)),
                404);
        String status = ctx.http().get(open).json().path("status").asString("");
        ctx.check("received".equals(status), "the GP practice changed a referral it did not send to '%s'", status);
        List<String> types = Recipients.events(ctx, gp, c.eventsBefore(), c.id()).stream()
                .map(e -> e.path("type").asString(""))
                .filter(t -> !t.startsWith("message-back."))
                .toList();
        ctx.check(
                types.isEmpty(),
                "GET /v1/events shows the GP practice the referral's own events %s, not only its message back",
                types);
        Http.Answer listed = ctx.expect(gp.get("/v1/referrals?limit=100"), 200);
        ctx.check(
                !listed.json().path("items").findValuesAsString("id").contains(c.id())
                        && !listed.json().path("items").findValuesAsString("id").contains(Recipients.id(open)),
                "%s lists to the GP practice a referral it did not send",
                listed.describe());
    }
}
