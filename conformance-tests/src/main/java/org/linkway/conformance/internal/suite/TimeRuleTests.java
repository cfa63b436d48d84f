package org.linkway.conformance.internal.suite;

import static org.linkway.conformance.Profile.LINK_WORKER_PRACTICE;
import static org.linkway.conformance.internal.TestCase.shall;

import java.util.ArrayList;
import java.util.List;
import org.linkway.conformance.internal.Ctx;
import org.linkway.conformance.internal.Examples;
import org.linkway.conformance.internal.Http;
import org.linkway.conformance.internal.TestCase;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The time rules of the optional link-worker-practice profile, as far as a kit can see them: it
 * cannot move the server's clock, so it checks what is observable now. The rules read back as
 * set (and are put back as they were); bad rules are refused whole; and a referral whose PRSB
 * referral date is years past, with no contact, is listed by {@code ?overdue=true} while one
 * referred today is not.
 */
final class TimeRuleTests {

    static final String RULES = "/v1/time-rules";
    /** The link worker service the kit's example referrals are addressed to (an admin token names it). */
    private static final String SERVICE = "8EC41";

    private TimeRuleTests() {}

    static List<TestCase> tests() {
        return List.of(
                shall(
                        "TR-01",
                        LINK_WORKER_PRACTICE,
                        "The link worker service's time rules read back as set, versioned by ETag and If-Match",
                        List.of("LW-LWP-020"),
                        TimeRuleTests::readBack),
                shall(
                        "TR-02",
                        LINK_WORKER_PRACTICE,
                        "Invalid time rules are refused with 422 naming each member, and nothing changes",
                        List.of("LW-LWP-021"),
                        TimeRuleTests::invalid),
                shall(
                        "TR-03",
                        LINK_WORKER_PRACTICE,
                        "?overdue=true lists a referral long past its first contact, not one received today",
                        List.of("LW-LWP-022"),
                        TimeRuleTests::overdueListing));
    }

    /** The path of the caller's rules: its own, or, for a token that must name one (an admin's), the kit's service. */
    private static String path(Ctx ctx) {
        return ctx.once("time-rules-path", c -> {
            Http.Answer own = c.http().get(RULES);
            c.optionalEndpoint(own, LINK_WORKER_PRACTICE);
            return own.status() == 400 ? RULES + "?organisation=" + SERVICE : RULES;
        });
    }

    static void readBack(Ctx ctx) {
        String path = path(ctx);
        Http.Answer before = ctx.expect(ctx.http().get(path), 200);
        String etag = before.header("ETag");
        ctx.check(etag != null, "%s: no ETag", before.describe());
        ObjectNode changed = rules(before.json());
        int within = before.json().path("followUp").path("within").asInt(28) == 27 ? 26 : 27;
        ((ObjectNode) changed.path("followUp")).put("within", within);
        ctx.expect(ctx.http().putJson(path, changed.toString()), 428);
        Http.Answer set = ctx.expect(ctx.http().putJson(path, changed.toString(), "If-Match", etag), 200);
        try {
            Http.Answer read = ctx.expect(ctx.http().get(path), 200);
            ctx.check(
                    read.json().path("followUp").path("within").asInt() == within,
                    "%s: followUp.within reads back as %s, not the %d set",
                    read.describe(),
                    read.json().path("followUp").path("within"),
                    within);
            ctx.check(
                    !etag.equals(read.header("ETag"))
                            && String.valueOf(read.header("ETag")).equals(set.header("ETag")),
                    "%s: the ETag did not move on with the change (%s before, %s after)",
                    read.describe(),
                    etag,
                    read.header("ETag"));
            ctx.expect(ctx.http().putJson(path, changed.toString(), "If-Match", etag), 412);
        } finally {
            // put the service's rules back as they were
            ctx.http().putJson(path, rules(before.json()).toString(), "If-Match", String.valueOf(set.header("ETag")));
        }
    }

    static void invalid(Ctx ctx) {
        String path = path(ctx);
        Http.Answer before = ctx.expect(ctx.http().get(path), 200);
        ObjectNode bad = rules(before.json());
        ((ObjectNode) bad.path("firstContact")).put("within", -3);
        ((ObjectNode) bad.path("followUp")).put("unit", "fortnights");
        JsonNode problem =
                ctx.expectProblem(ctx.http().putJson(path, bad.toString(), "If-Match", before.header("ETag")), 422);
        List<String> pointers = new ArrayList<>();
        problem.path("findings").forEach(f -> pointers.add(f.path("pointer").asString("")));
        ctx.check(
                pointers.contains("/firstContact/within") && pointers.contains("/followUp/unit"),
                "the 422 does not name both /firstContact/within and /followUp/unit: %s",
                pointers);
        Http.Answer after = ctx.expect(ctx.http().get(path), 200);
        ctx.check(
                after.json().equals(before.json()),
                "refused rules changed what is stored: %s became %s",
                before.body(),
                after.body());
    }

    static void overdueListing(Ctx ctx) {
        path(ctx); // the profile's endpoint, or omitted
        ObjectNode late = Examples.toSend("valid/referral--full-gp-loneliness.json");
        ObjectNode fresh = late.deepCopy();
        ((ObjectNode) late.path("referralDetails").path("entries").path(0)).put("date", "2024-01-08T10:00:00Z");
        ((ObjectNode) fresh.path("referralDetails").path("entries").path(0)).remove("date");
        String lateId = ctx.expect(ctx.http().postJson("/v1/referrals", late.toString()), 201)
                .json()
                .path("id")
                .asString();
        String freshId = ctx.expect(ctx.http().postJson("/v1/referrals", fresh.toString()), 201)
                .json()
                .path("id")
                .asString();
        List<String> listed = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Http.Answer page = ctx.expect(
                    ctx.http()
                            .get("/v1/referrals?overdue=true&limit=100" + (cursor == null ? "" : "&cursor=" + cursor)),
                    200);
            page.json().path("items").forEach(r -> {
                listed.add(r.path("id").asString());
                ctx.check(
                        !List.of("rejected", "declined", "unable-to-contact", "completed", "cancelled")
                                .contains(r.path("status").asString()),
                        "?overdue=true lists referral %s, which is %s (closed)",
                        r.path("id").asString(),
                        r.path("status").asString());
            });
            JsonNode next = page.json().path("nextCursor");
            cursor = next.isString() ? next.asString() : null;
        } while (cursor != null && ++pages < 200);
        ctx.check(
                listed.contains(lateId),
                "?overdue=true does not list %s, referred on 2024-01-08 and never contacted",
                lateId);
        ctx.check(!listed.contains(freshId), "?overdue=true lists %s, received just now", freshId);
    }

    /** The rules as a PUT body: the three rules, as read. */
    private static ObjectNode rules(JsonNode read) {
        ObjectNode body = LinkwayJson.mapper().createObjectNode();
        for (String rule : List.of("firstContact", "followUp", "review")) {
            body.set(rule, read.path(rule).deepCopy());
        }
        return body;
    }
}
