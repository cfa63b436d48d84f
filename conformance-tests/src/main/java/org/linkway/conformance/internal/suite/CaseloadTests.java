package org.linkway.conformance.internal.suite;

import static org.linkway.conformance.Profile.LINK_WORKER_PRACTICE;
import static org.linkway.conformance.internal.TestCase.shall;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.linkway.conformance.KitConfig;
import org.linkway.conformance.internal.Ctx;
import org.linkway.conformance.internal.Examples;
import org.linkway.conformance.internal.Http;
import org.linkway.conformance.internal.Journey;
import org.linkway.conformance.internal.TestCase;
import org.linkway.model.json.LinkwayJson;
import org.linkway.validation.checks.NhsNumber;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The optional link-worker-practice profile, caseload and the same person: a referral assigned to
 * the caller's own link worker (the token's subject) is in its caseload, and a second referral of
 * the same person is answered with the first as a possible duplicate. The kit acts as the link
 * worker service with its one token; it invents the people it refers (999-range NHS numbers).
 */
final class CaseloadTests {

    static final String CASELOAD = "/v1/caseload";
    static final String DUPLICATES = "Linkway-Possible-Duplicates";
    private static final int MAX_PAGES = 50;

    private CaseloadTests() {}

    static List<TestCase> tests() {
        return List.of(
                shall(
                        "LP-01",
                        LINK_WORKER_PRACTICE,
                        "A referral assigned to the caller's own link worker is listed in its caseload",
                        List.of("LW-LWP-001", "LW-LWP-002"),
                        CaseloadTests::assignThenCaseload),
                shall(
                        "LP-02",
                        LINK_WORKER_PRACTICE,
                        "A second referral for the same NHS number is answered with the first as a possible duplicate",
                        List.of("LW-LWP-008", "LW-LWP-009"),
                        CaseloadTests::secondReferralReportsTheFirst));
    }

    /** The token's subject ({@code sub}), read from its claims without verifying it (the server does that). */
    static String subject(Ctx ctx) {
        String token = ctx.config().token(KitConfig.DEFAULT_ROLE).orElse(null);
        if (token == null) {
            throw ctx.skip("needs --token (the link worker's service): the caseload is its subject's");
        }
        String[] parts = token.split("\\.");
        try {
            JsonNode claims = LinkwayJson.mapper()
                    .readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            String sub = claims.path("sub").asString(null);
            if (sub != null && !sub.isBlank()) {
                return sub;
            }
        } catch (RuntimeException e) {
            // not a JWT the kit can read: said below
        }
        throw ctx.skip("the --token is not a JWT whose 'sub' claim the kit can read; the caseload is its subject's");
    }

    static void assignThenCaseload(Ctx ctx) {
        String sub = subject(ctx);
        String id = Journey.referId(ctx);
        ObjectNode body = LinkwayJson.mapper().createObjectNode().put("linkWorker", sub);
        Http.Answer assigned =
                ctx.http().putJson("/v1/referrals/" + id + "/assignment", body.toString(), "If-None-Match", "*");
        ctx.optionalEndpoint(assigned, LINK_WORKER_PRACTICE);
        ctx.expect(assigned, 201);
        ctx.check(assigned.header("ETag") != null, "%s: no ETag on the assignment", assigned.describe());
        ctx.check(
                sub.equals(assigned.json().path("linkWorker").asString(null)),
                "%s: the assignment names %s, not %s",
                assigned.describe(),
                assigned.json().path("linkWorker"),
                sub);
        List<String> caseload = ctx.about("LW-LWP-002", () -> caseload(ctx));
        ctx.check(
                "LW-LWP-002",
                caseload.contains(id),
                "referral %s was assigned to %s (the token's subject) but GET %s does not list it",
                id,
                sub,
                CASELOAD);
    }

    /** Every referral of the caller's caseload, page by page. */
    static List<String> caseload(Ctx ctx) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Http.Answer a = ctx.http().get(CASELOAD + "?limit=100" + (cursor == null ? "" : "&cursor=" + cursor));
            ctx.optionalEndpoint(a, LINK_WORKER_PRACTICE);
            JsonNode json = ctx.expect(a, 200).json();
            ctx.check(json.path("items").isArray(), "%s: 'items' must be an array", a.describe());
            json.path("items").forEach(i -> ids.add(i.path("id").asString()));
            if (!json.path("nextCursor").isString()) {
                return ids;
            }
            cursor = json.path("nextCursor").asString();
        }
        throw ctx.skip("the caseload has more than " + MAX_PAGES + " pages; the kit reads no further");
    }

    /** An invented NHS number from the 999 range, different for each run. */
    static String inventedNhsNumber(Random random) {
        while (true) {
            try {
                return NhsNumber.withCheckDigit(String.format("999%06d", random.nextInt(1_000_000)));
            } catch (IllegalArgumentException impossible) {
                // no check digit for these nine digits: draw again
            }
        }
    }

    static void secondReferralReportsTheFirst(Ctx ctx) {
        String nhs =
                inventedNhsNumber(new Random(System.nanoTime() ^ ctx.config().seed()));
        ObjectNode referral = Examples.toSend(Examples.FULL_REFERRAL);
        ((ObjectNode) referral.path("personDemographics")).put("nhsNumber", nhs);
        Http.Answer first = ctx.expect(ctx.http().postJson("/v1/referrals", referral.toString()), 201);
        String firstId = first.json().path("id").asString();
        Http.Answer second = ctx.expect(ctx.http().postJson("/v1/referrals", referral.toString()), 201);
        String named = second.header(DUPLICATES);
        ctx.check(
                named != null && List.of(named.split(",\\s*")).contains(firstId),
                "%s: a second referral of the person with NHS number %s to the same service must name the first (%s) "
                        + "in %s; it says %s",
                second.describe(),
                nhs,
                firstId,
                DUPLICATES,
                named);
    }
}
