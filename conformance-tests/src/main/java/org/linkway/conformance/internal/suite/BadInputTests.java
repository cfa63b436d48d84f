package org.linkway.conformance.internal.suite;

import static org.linkway.conformance.Profile.REFERRAL_RECEIVER;
import static org.linkway.conformance.internal.TestCase.shall;
import static org.linkway.conformance.internal.TestCase.should;

import java.util.List;
import org.linkway.conformance.internal.Ctx;
import org.linkway.conformance.internal.Examples;
import org.linkway.conformance.internal.Http;
import org.linkway.conformance.internal.Journey;
import org.linkway.conformance.internal.TestCase;
import org.linkway.model.MessageType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every class of bad input a receiver meets, each refused with the right 4xx and nothing written. */
final class BadInputTests {

    private BadInputTests() {}

    static List<TestCase> tests() {
        return List.of(
                shall(
                        "RR-03",
                        REFERRAL_RECEIVER,
                        "A referral with an invalid NHS number is refused with 422 naming the rule and field; nothing is written",
                        List.of("LW-REF-003", "LW-REF-004"),
                        BadInputTests::invalidNhsNumber),
                shall(
                        "RR-04",
                        REFERRAL_RECEIVER,
                        "Every invalid example referral is refused with 422 naming the rule it breaks",
                        List.of("LW-REF-003"),
                        BadInputTests::invalidExamples),
                shall(
                        "RR-05",
                        REFERRAL_RECEIVER,
                        "A body that is not a JSON object is refused with 400",
                        List.of("LW-REF-005"),
                        BadInputTests::malformed),
                shall(
                        "RR-06",
                        REFERRAL_RECEIVER,
                        "A body of another content type is refused with 415",
                        List.of("LW-REF-006"),
                        BadInputTests::wrongContentType),
                shall(
                        "RR-07",
                        REFERRAL_RECEIVER,
                        "An oversized body is refused with 413 from its declared length",
                        List.of("LW-REF-007"),
                        BadInputTests::oversized),
                shall(
                        "RR-08",
                        REFERRAL_RECEIVER,
                        "Unknown properties are neither stored nor echoed; in the receiver's own schemaVersion they are refused",
                        List.of("LW-REF-008"),
                        BadInputTests::unknownNotStored),
                should(
                        "RR-09",
                        REFERRAL_RECEIVER,
                        "A referral of a newer minor version, valid without its unknown properties, is accepted",
                        List.of("LW-REF-009"),
                        BadInputTests::unknownAccepted),
                shall(
                        "RR-10",
                        REFERRAL_RECEIVER,
                        "A posted referral setting server-assigned fields is refused",
                        List.of("LW-REF-010"),
                        BadInputTests::serverAssigned),
                shall(
                        "RR-32",
                        REFERRAL_RECEIVER,
                        "Unsupported methods are 404 or 405, never 2xx or 5xx, and change nothing",
                        List.of("LW-REF-032"),
                        BadInputTests::unsupportedMethods),
                shall(
                        "RR-33",
                        REFERRAL_RECEIVER,
                        "Resources, lists and problems declare their JSON media type",
                        List.of("LW-REF-033"),
                        BadInputTests::mediaTypes));
    }

    static void invalidNhsNumber(Ctx ctx) {
        long before = EventLog.head(ctx);
        ObjectNode referral = Examples.toSend(Examples.FULL_REFERRAL);
        // 9992174430: the example's number with a wrong check digit
        ((ObjectNode) referral.path("personDemographics")).put("nhsNumber", "9992174430");
        Http.Answer refused = ctx.http().postJson("/v1/referrals", referral.toString());
        JsonNode problem = ctx.expectProblem(refused, 422);
        boolean named = false;
        for (JsonNode f : problem.path("findings")) {
            named |= "LW-NHS-NUMBER".equals(f.path("ruleId").asString(""))
                    && f.path("pointer").asString("").endsWith("/nhsNumber");
        }
        ctx.check(
                named,
                "%s: no finding with rule LW-NHS-NUMBER at .../nhsNumber: %s",
                refused.describe(),
                problem.path("findings"));
        long after = EventLog.head(ctx);
        ctx.check(
                "LW-REF-004", after == before, "the refused referral still wrote events (%d after %d)", after, before);
    }

    static void invalidExamples(Ctx ctx) {
        for (String example : Examples.INVALID_REFERRALS) {
            String rule = example.substring("invalid/".length(), example.indexOf("--"));
            ObjectNode tree = Examples.toSend(example);
            Http.Answer a = ctx.http().postJson("/v1/referrals", tree.toString());
            ctx.check(a.status() == 422, "%s: %s", example, a.describeWithBody());
            boolean named = false;
            for (JsonNode f : a.json().path("findings")) {
                named |= rule.equals(f.path("ruleId").asString(""));
            }
            ctx.check(named, "%s: %s does not name rule %s", example, a.describe(), rule);
        }
    }

    static void malformed(Ctx ctx) {
        ctx.expectProblem(ctx.http().postJson("/v1/referrals", "{\"resourceType\":"), 400);
        ctx.expect(ctx.http().postJson("/v1/referrals", "[]"), 400);
        ctx.expect(ctx.http().postJson("/v1/referrals", "\"Referral\""), 400);
        ctx.expect(ctx.http().postJson("/v1/referrals", ""), 400);
    }

    static void wrongContentType(Ctx ctx) {
        ctx.expect(
                ctx.http().post("/v1/referrals", Examples.json(Examples.FULL_REFERRAL), "Content-Type", "text/plain"),
                415);
        ctx.expect(
                ctx.http()
                        .post(
                                "/v1/referrals",
                                Examples.json(Examples.FULL_REFERRAL),
                                "Content-Type",
                                "application/xml"),
                415);
    }

    static void oversized(Ctx ctx) {
        String[] answer = ctx.http().postDeclaringLength("/v1/referrals", 64L * 1024 * 1024);
        ctx.check("413".equals(answer[0]), "POST /v1/referrals declaring 64 MiB -> %s, expected 413", answer[0]);
    }

    /**
     * A referral with members its schema does not define, declaring {@code schemaVersion}: a newer
     * minor may hold members added since (ignored with a warning); the receiver's own version may not.
     */
    private static ObjectNode withUnknown(String schemaVersion) {
        ObjectNode referral = Examples.toSend(Examples.FULL_REFERRAL);
        referral.put("schemaVersion", schemaVersion);
        referral.put("favouriteColour", "teal");
        ((ObjectNode) referral.path("personDemographics")).putObject("shoeSize").put("uk", 7);
        return referral;
    }

    /** A minor version newer than the kit's own, as a sender upgraded before the receiver would send. */
    private static String newerMinor() {
        String[] ours = MessageType.SCHEMA_VERSION.split("\\.");
        return ours[0] + "." + (Integer.parseInt(ours[1]) + 1) + ".0";
    }

    static void unknownNotStored(Ctx ctx) {
        Http.Answer a =
                ctx.http().postJson("/v1/referrals", withUnknown(newerMinor()).toString());
        ctx.check(a.status() == 201 || (a.status() >= 400 && a.status() < 500), "%s", a.describeWithBody());
        ctx.check(
                !a.body().contains("favouriteColour") && !a.body().contains("shoeSize"),
                "%s echoes unknown properties",
                a.describe());
        if (a.status() == 201) {
            Http.Answer read =
                    ctx.http().get("/v1/referrals/" + a.json().path("id").asString());
            ctx.check(
                    !read.body().contains("favouriteColour") && !read.body().contains("shoeSize"),
                    "%s stored unknown properties",
                    read.describe());
        }
        // in the version both sides know, an unknown member is a mistake: refused, naming the member
        Http.Answer own = ctx.http()
                .postJson(
                        "/v1/referrals", withUnknown(MessageType.SCHEMA_VERSION).toString());
        ctx.check(
                own.status() == 422,
                "unknown members in schemaVersion %s: %s",
                MessageType.SCHEMA_VERSION,
                own.describeWithBody());
        boolean named = false;
        if (own.status() == 422) {
            for (JsonNode f : own.json().path("findings")) {
                named |= "LW-UNKNOWN-PROPERTY".equals(f.path("ruleId").asString(""))
                        && "/favouriteColour".equals(f.path("pointer").asString(""));
            }
            ctx.check(named, "%s: no LW-UNKNOWN-PROPERTY finding at /favouriteColour", own.describe());
        }
    }

    static void unknownAccepted(Ctx ctx) {
        ctx.expect(
                ctx.http().postJson("/v1/referrals", withUnknown(newerMinor()).toString()), 201);
    }

    static void unsupportedMethods(Ctx ctx) {
        String id = Journey.referId(ctx);
        String path = "/v1/referrals/" + id;
        String before = ctx.expect(ctx.http().get(path), 200).body();
        for (Http.Answer a : List.of(
                ctx.http().delete(path),
                ctx.http().putJson(path, Examples.json(Examples.FULL_REFERRAL)),
                ctx.http().delete("/v1/referrals"),
                ctx.http().putJson("/v1/events", "{}"))) {
            ctx.check(
                    a.status() == 404 || a.status() == 405,
                    "%s: an unsupported method must be 404 or 405",
                    a.describeWithBody());
        }
        String after = ctx.expect(ctx.http().get(path), 200).body();
        ctx.check(before.equals(after), "the referral changed after unsupported methods were refused");
    }

    static void mediaTypes(Ctx ctx) {
        String id = Journey.referId(ctx);
        List<Http.Answer> json = List.of(
                ctx.http().get("/v1/referrals/" + id),
                ctx.http().get("/v1/referrals?limit=2"),
                ctx.http().get("/v1/events?after=0&limit=2"),
                ctx.http().get("/v1/referrals/" + id + "/events"));
        for (Http.Answer a : json) {
            ctx.expect(a, 200);
            String type = a.header("Content-Type");
            ctx.check(
                    type != null && type.startsWith("application/json"),
                    "%s: Content-Type is %s, not application/json",
                    a.describe(),
                    type);
        }
        List<Http.Answer> problems = List.of(
                ctx.http().get("/v1/referrals/no-such-referral"),
                ctx.http().get("/v1/referrals?limit=0"),
                ctx.http().postJson("/v1/referrals", "{}"),
                ctx.http().get("/v1/referrals/" + id + "/message-back"));
        for (Http.Answer a : problems) {
            String type = a.header("Content-Type");
            ctx.check(
                    a.status() >= 400 && type != null && type.startsWith("application/problem+json"),
                    "%s: Content-Type is %s, not application/problem+json",
                    a.describe(),
                    type);
        }
    }

    static void serverAssigned(Ctx ctx) {
        for (String field : List.of("id", "status")) {
            ObjectNode referral = Examples.toSend(Examples.FULL_REFERRAL);
            referral.put(field, "id".equals(field) ? "chosen-by-sender" : "completed");
            Http.Answer a = ctx.http().postJson("/v1/referrals", referral.toString());
            ctx.check(
                    a.status() >= 400 && a.status() < 500,
                    "posting a referral with %s set: %s",
                    field,
                    a.describeWithBody());
        }
    }
}
