package org.linkway.conformance.internal.suite;

import static org.linkway.conformance.Profile.SECURITY;
import static org.linkway.conformance.internal.TestCase.shall;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.linkway.conformance.KitConfig;
import org.linkway.conformance.internal.Ctx;
import org.linkway.conformance.internal.Examples;
import org.linkway.conformance.internal.Http;
import org.linkway.conformance.internal.Journey;
import org.linkway.conformance.internal.TestCase;

/**
 * Authentication and organisation scoping. Needs tokens: without any, these tests are skipped
 * (a development server with no authentication cannot show them); the cross-organisation tests
 * also need a token of a second organisation (--token-other-org).
 */
final class SecurityTests {

    private SecurityTests() {}

    static List<TestCase> tests() {
        return List.of(
                shall(
                        "SE-01",
                        SECURITY,
                        "A request without credentials is refused with 401",
                        List.of("LW-SEC-001"),
                        SecurityTests::noCredentials),
                shall(
                        "SE-02",
                        SECURITY,
                        "A request with an invalid token is refused with 401",
                        List.of("LW-SEC-002"),
                        SecurityTests::badToken),
                shall(
                        "SE-03",
                        SECURITY,
                        "Another organisation's referral is 404 on every route under it",
                        List.of("LW-SEC-003"),
                        SecurityTests::crossOrganisation),
                shall(
                        "SE-04",
                        SECURITY,
                        "Another organisation's referrals are not listed",
                        List.of("LW-SEC-004"),
                        SecurityTests::notListed),
                shall(
                        "SE-05",
                        SECURITY,
                        "Tokens forged from a real one (alg none, signature removed, claims changed, signed by an untrusted key) are refused with 401",
                        List.of("LW-SEC-006"),
                        SecurityTests::forgedTokens));
    }

    private static void needTokens(Ctx ctx) {
        if (!ctx.config().hasTokens()) {
            throw ctx.skip("no tokens given (--token): authentication cannot be shown");
        }
    }

    private static Http otherOrg(Ctx ctx) {
        needTokens(ctx);
        return ctx.config()
                .token(KitConfig.OTHER_ORG_ROLE)
                .map(t -> ctx.http().as(t))
                .orElseThrow(() -> ctx.skip("no token of a second organisation given (--token-other-org)"));
    }

    static void noCredentials(Ctx ctx) {
        needTokens(ctx);
        ctx.expect(ctx.anonymous().get("/v1/referrals?limit=1"), 401);
        ctx.expect(ctx.anonymous().postJson("/v1/referrals", Examples.json(Examples.FULL_REFERRAL)), 401);
        ctx.expect(ctx.anonymous().get("/v1/events?after=0"), 401);
    }

    static void badToken(Ctx ctx) {
        needTokens(ctx);
        Http forged = ctx.http().as("not-a-token-" + ctx.config().seed());
        ctx.expect(forged.get("/v1/referrals?limit=1"), 401);
        ctx.expect(forged.postJson("/v1/referrals", Examples.json(Examples.FULL_REFERRAL)), 401);
    }

    static void forgedTokens(Ctx ctx) {
        needTokens(ctx);
        String real = ctx.config().token(KitConfig.DEFAULT_ROLE).orElseThrow();
        ctx.expect(ctx.http().get("/v1/referrals?limit=1"), 200);
        Map<String, String> forged = ForgedTokens.from(real, ctx.config().seed())
                .orElseThrow(() -> ctx.skip("the token given is not a JWT: the kit cannot forge variants of it"));
        forged.forEach((what, token) -> {
            Http.Answer a = ctx.http().as(token).get("/v1/referrals?limit=1");
            ctx.check(a.status() == 401, "a token with %s was not refused with 401: %s", what, a.describe());
        });
    }

    static void crossOrganisation(Ctx ctx) {
        Http other = otherOrg(ctx);
        String path = "/v1/referrals/" + Journey.referId(ctx);
        ctx.expect(other.get(path), 404);
        ctx.expect(other.get(path + "/events"), 404);
        ctx.expect(other.get(path + "/message-back"), 404);
        ctx.expect(other.get(path + "/consents"), 404);
        // every sub-resource, not only the referral: a route that forgets the owner's check leaks here
        for (String sub : List.of(
                "/contacts", "/assessments", "/signposts", "/onward-referrals", "/care-plan", "/care-plan/versions")) {
            Http.Answer a = other.get(path + sub);
            ctx.check(a.status() == 404, "another organisation read %s%s: %s", path, sub, a.describe());
        }
        Http.Answer contact =
                other.postJson(path + "/contacts", Examples.json("valid/contact-record--first-call.json"));
        ctx.check(contact.status() == 404, "another organisation added a contact to %s: %s", path, contact.describe());
        ctx.expect(
                other.postJson(path + "/transitions", "{\"to\":\"accepted\"}", "If-Match", Journey.etag(ctx, path)),
                404);
        String status = ctx.http().get(path).json().path("status").asString("");
        ctx.check("received".equals(status), "another organisation changed the referral to '%s'", status);
    }

    static void notListed(Ctx ctx) {
        Http other = otherOrg(ctx);
        String id = Journey.referId(ctx);
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            Http.Answer a =
                    ctx.expect(other.get("/v1/referrals?limit=100" + (cursor == null ? "" : "&cursor=" + cursor)), 200);
            ctx.check(
                    !a.json().path("items").findValuesAsString("id").contains(id),
                    "%s lists another organisation's referral %s",
                    a.describe(),
                    id);
            if (!a.json().path("nextCursor").isString()) {
                return;
            }
            cursor = URLEncoder.encode(a.json().path("nextCursor").asString(), StandardCharsets.UTF_8);
        }
    }
}
