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
import tools.jackson.databind.node.ObjectNode;

/** What the link worker records under a referral: contacts, consents, assessments, signposts, the care plan. */
final class RecordTests {

    private RecordTests() {}

    static List<TestCase> tests() {
        return List.of(
                shall(
                        "RR-23",
                        REFERRAL_RECEIVER,
                        "Contacts, consents, assessments and signposts are recorded under their referral",
                        List.of("LW-REF-023"),
                        RecordTests::records),
                shall(
                        "RR-24",
                        REFERRAL_RECEIVER,
                        "A message of the wrong type on a sub-resource is refused with 422",
                        List.of("LW-REF-024"),
                        RecordTests::wrongType),
                shall(
                        "RR-25",
                        REFERRAL_RECEIVER,
                        "A withdrawal of consent is recorded and is the referral's latest consent",
                        List.of("LW-REF-025"),
                        RecordTests::consentWithdrawal),
                shall(
                        "RR-26",
                        REFERRAL_RECEIVER,
                        "The care plan is created once, replaced only with If-Match, every version kept",
                        List.of("LW-REF-026"),
                        RecordTests::carePlan));
    }

    static void records(Ctx ctx) {
        String id = Journey.referId(ctx);
        String[][] kinds = {
            {"contacts", "valid/contact-record--first-call.json"},
            {"consents", "valid/consent--given-gp-and-provider.json"},
            {"assessments", "valid/assessment--ons4-baseline.json"},
            {"signposts", "valid/signpost--debt-advice.json"}
        };
        for (String[] k : kinds) {
            String base = "/v1/referrals/" + id + "/" + k[0];
            Http.Answer created = ctx.expect(ctx.http().postJson(base, Examples.json(k[1])), 201);
            JsonNode body = created.json();
            ctx.check(
                    id.equals(body.path("referralId").asString("")),
                    "%s: referralId is not %s",
                    created.describe(),
                    id);
            String location = created.header("Location");
            ctx.check(
                    location != null
                            && location.endsWith(base + "/" + body.path("id").asString()),
                    "%s: Location is %s",
                    created.describe(),
                    location);
            Http.Answer read =
                    ctx.expect(ctx.http().get(base + "/" + body.path("id").asString()), 200);
            ctx.check(read.json().equals(body), "%s differs from the 201 answer", read.describe());
            Diff.sentFieldsKept(ctx, k[1], Examples.toSend(k[1]), read.json());
            Http.Answer list = ctx.expect(ctx.http().get(base), 200);
            ctx.check(
                    list.json().path("items").size() == 1,
                    "%s lists %d records, 1 was posted",
                    list.describe(),
                    list.json().path("items").size());
            ctx.emitted("GET " + base + "/{id}", read.body());
        }
    }

    static void wrongType(Ctx ctx) {
        String id = Journey.referId(ctx);
        ctx.expectProblem(
                ctx.http().postJson("/v1/referrals/" + id + "/contacts", Examples.json(Examples.FULL_REFERRAL)), 422);
        ctx.expectProblem(
                ctx.http()
                        .postJson("/v1/referrals/" + id + "/signposts", Examples.json("valid/consent--withdrawn.json")),
                422);
    }

    static void consentWithdrawal(Ctx ctx) {
        String id = Journey.referId(ctx);
        String base = "/v1/referrals/" + id + "/consents";
        ctx.expect(ctx.http().postJson(base, Examples.json("valid/consent--given-gp-and-provider.json")), 201);
        Http.Answer withdrawn =
                ctx.expect(ctx.http().postJson(base, Examples.json("valid/consent--withdrawn.json")), 201);
        JsonNode items = ctx.expect(ctx.http().get(base), 200).json().path("items");
        ctx.check(items.size() == 2, "GET %s lists %d consents, 2 were recorded", base, items.size());
        JsonNode latest = items.get(items.size() - 1);
        ctx.check(
                latest.path("id").equals(withdrawn.json().path("id")),
                "the latest consent listed is not the withdrawal");
        String sent = Examples.toSend("valid/consent--withdrawn.json").toString();
        String at = Diff.firstDifference(Examples.toSend("valid/consent--withdrawn.json"), latest, "");
        ctx.check(at == null, "the withdrawal reads back differently at %s (sent %s)", at, sent.length());
    }

    static void carePlan(Ctx ctx) {
        String id = Journey.referId(ctx);
        String path = "/v1/referrals/" + id + "/care-plan";
        String plan = Examples.json("valid/care-plan--goals-and-actions.json");
        ctx.expect(ctx.http().putJson(path, plan), 428);
        Http.Answer first = ctx.expect(ctx.http().putJson(path, plan, "If-None-Match", "*"), 201);
        ctx.check(first.header("ETag") != null, "%s: no ETag", first.describe());
        ctx.expect(ctx.http().putJson(path, plan, "If-None-Match", "*"), 412);
        ObjectNode revised = Examples.toSend("valid/care-plan--goals-and-actions.json");
        ((ObjectNode) revised.path("careAndSupportPlan")).put("plannedReviewDate", "2026-12-24");
        Http.Answer second =
                ctx.expect(ctx.http().putJson(path, revised.toString(), "If-Match", first.header("ETag")), 200);
        ctx.check(
                "2026-12-24"
                        .equals(second.json()
                                .at("/careAndSupportPlan/plannedReviewDate")
                                .asString("")),
                "%s: the replacement was not kept",
                second.describe());
        ctx.expect(ctx.http().putJson(path, plan, "If-Match", first.header("ETag")), 412);
        Http.Answer read = ctx.expect(ctx.http().get(path), 200);
        ctx.check(read.json().equals(second.json()), "%s differs from the last write", read.describe());
        JsonNode versions =
                ctx.expect(ctx.http().get(path + "/versions"), 200).json().path("items");
        ctx.check(versions.size() == 2, "GET %s/versions lists %d versions, 2 were written", path, versions.size());
        ctx.emitted("GET " + path, read.body());
    }
}
