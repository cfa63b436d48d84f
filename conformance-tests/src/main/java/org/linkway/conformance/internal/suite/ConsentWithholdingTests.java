package org.linkway.conformance.internal.suite;

import static org.linkway.conformance.Profile.FEEDBACK;
import static org.linkway.conformance.internal.TestCase.shall;

import java.util.List;
import java.util.Locale;
import org.linkway.conformance.internal.Ctx;
import org.linkway.conformance.internal.Examples;
import org.linkway.conformance.internal.Http;
import org.linkway.conformance.internal.Journey;
import org.linkway.conformance.internal.TestCase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Consent at the last step: when the person refused sharing with the GP practice (or the
 * referrer) before the referral closed, that recipient learns only that the referral closed and
 * that details were withheld, in the message back, its list and its event, while the other
 * recipient still gets the whole message back.
 */
final class ConsentWithholdingTests {

    private ConsentWithholdingTests() {}

    static List<TestCase> tests() {
        return List.of(
                shall(
                        "FB-16",
                        FEEDBACK,
                        "A refusal to share with the GP practice leaves it a minimal message back and event; the referrer gets it whole",
                        List.of("LW-FBK-016"),
                        ConsentWithholdingTests::refusedForGp),
                shall(
                        "FB-17",
                        FEEDBACK,
                        "A refusal to share with the referrer leaves it a minimal message back and event; the GP practice gets it whole",
                        List.of("LW-FBK-017"),
                        ConsentWithholdingTests::refusedForReferrer));
    }

    static void refusedForGp(Ctx ctx) {
        Http gp = Recipients.gp(ctx);
        Http whole = ctx.config().ownToken("referrer").isPresent()
                        && ctx.config().referrerCode().isPresent()
                ? Recipients.referrer(ctx)
                : ctx.http();
        withheld(ctx, "gp", "the GP practice", gp, whole);
    }

    static void refusedForReferrer(Ctx ctx) {
        Http referrer = Recipients.referrer(ctx);
        Http whole = ctx.config().ownToken("gp-practice").isPresent()
                        && ctx.config().gpPracticeCode().isPresent()
                ? Recipients.gp(ctx)
                : ctx.http();
        withheld(ctx, "referrer", "the referrer", referrer, whole);
    }

    /** A journey with a refusal for {@code scope} recorded before closing, read by the refused recipient and by another. */
    private static void withheld(Ctx ctx, String scope, String who, Http refused, Http whole) {
        String marker = "kit " + Long.toString(System.nanoTime() % 2_176_782_336L, 36);
        long before = EventLog.head(ctx);
        String path = Recipients.refer(ctx);
        String id = Recipients.id(path);
        Journey.move(ctx, path, "accepted", null);
        ctx.expect(
                ctx.http().postJson(path + "/consents", Examples.json("valid/consent--given-gp-and-provider.json")),
                201);
        ctx.expect(
                ctx.http()
                        .postJson(
                                path + "/contacts",
                                ContentJourney.contact(null, null, "First telephone contact (" + marker + ")")
                                        .toString()),
                201);
        Journey.move(ctx, path, "in-progress", null);
        ctx.expect(ctx.http().postJson(path + "/signposts", Examples.json("valid/signpost--debt-advice.json")), 201);
        ctx.expect(
                ctx.http()
                        .postJson(
                                path + "/assessments",
                                ContentJourney.ons4("baseline", "2026-03-12T10:50:00Z", 0)
                                        .toString()),
                201);
        ctx.expect(
                ctx.http()
                        .putJson(
                                path + "/care-plan",
                                ContentJourney.carePlan(ContentJourney.FIRST_REVIEW, true)
                                        .toString(),
                                "If-None-Match",
                                "*"),
                201);
        ContentJourney.onwardReferral(ctx, path, marker);
        ctx.expect(ctx.http().postJson(path + "/consents", refusal(scope).toString()), 201);
        Journey.move(ctx, path, "completed", null);

        Http.Answer full = ctx.expect(whole.get(path + "/message-back"), 200);
        ctx.check(
                full.body().contains(marker) && full.json().has("contactsWithProfessionals"),
                "%s: the recipient the person did not refuse gets the message back without its contacts: %s",
                full.describe(),
                full.describeWithBody());

        Http.Answer read = refused.get(path + "/message-back");
        ctx.check(
                read.status() == 200,
                "%s is still told the referral closed (200 with a minimal message back): %s",
                who,
                read.describeWithBody());
        minimal(ctx, who, "GET /v1/referrals/{id}/message-back", read.json(), read.body(), id, marker);
        JsonNode listed =
                Recipients.listed(ctx, refused, full.json().path("sentAt").asString(""), id);
        if (listed != null) {
            minimal(ctx, who, "GET /v1/message-backs", listed, listed.toString(), id, marker);
        }
        List<JsonNode> issued = Recipients.issued(Recipients.events(ctx, refused, before, id));
        ctx.check(!issued.isEmpty(), "GET /v1/events as %s: no message-back.issued event for referral %s", who, id);
        for (JsonNode e : issued) {
            ctx.check(
                    !e.toString().contains(marker)
                            && !e.path("data").has("recipients")
                            && !e.path("data").has("reason"),
                    "the message-back.issued event %s reads says more than that the referral closed: %s",
                    who,
                    e);
        }
    }

    /** Only that the referral closed and that details were withheld for lack of consent. */
    private static void minimal(Ctx ctx, String who, String where, JsonNode m, String body, String id, String marker) {
        ctx.check(
                id.equals(m.path("referralId").asString(""))
                        && "completed".equals(m.path("outcome").asString("")),
                "%s as %s: not the message back of referral %s with its outcome: %s",
                where,
                who,
                id,
                body);
        for (String section : Recipients.JOURNEY_SECTIONS) {
            ctx.check(
                    !m.has(section), "%s as %s, who the person refused sharing with, carries %s", where, who, section);
        }
        ctx.check(
                !body.contains(marker),
                "%s as %s carries what the link worker recorded (a contact and provider feedback marked '%s')",
                where,
                who,
                marker);
        String summary = m.at("/clinicalSummary/clinicalSummary").asString("").toLowerCase(Locale.ROOT);
        ctx.check(
                summary.contains("consent"),
                "%s as %s does not say details were withheld for lack of consent: clinical summary '%s'",
                where,
                who,
                summary);
    }

    /** The person refuses sharing with one party; recorded by the link worker before closing. */
    static ObjectNode refusal(String scope) {
        ObjectNode c = Examples.toSend("valid/consent--withdrawn.json");
        c.put("decision", "refused");
        c.putArray("scope").add(scope);
        c.put("method", "verbal");
        c.put(
                "consentForInformationSharing",
                "Asked at the review that nothing of the support is shared with the "
                        + ("gp".equals(scope) ? "GP practice" : "organisation that referred"));
        return c;
    }
}
