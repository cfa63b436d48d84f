package org.linkway.conformance.internal.suite;

import static org.linkway.conformance.Profile.PROVIDER;
import static org.linkway.conformance.internal.TestCase.shall;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.linkway.conformance.KitConfig;
import org.linkway.conformance.internal.Ctx;
import org.linkway.conformance.internal.Examples;
import org.linkway.conformance.internal.Http;
import org.linkway.conformance.internal.Journey;
import org.linkway.conformance.internal.TestCase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A charity's side, on its own token: its inbox lists only the onward referrals addressed to its
 * organisation, with working state and time filters, and an onward referral carries the person's
 * details exactly as far as the consent decision covering the charity lists them. Needs the
 * charity's own token ({@code --token-charity}), whose {@code org} claim names the organisation
 * the kit addresses onward referrals to.
 */
final class ProviderInboxTests {

    /** A charity number no real organisation is expected to hold, for the onward referrals that are not the charity's. */
    static final String ANOTHER_CHARITY = "KIT0000";

    private ProviderInboxTests() {}

    static List<TestCase> tests() {
        return List.of(
                shall(
                        "PR-06",
                        PROVIDER,
                        "A charity's inbox lists only the onward referrals addressed to it, page by page, filtered by status and since",
                        List.of("LW-PRV-006"),
                        ProviderInboxTests::inbox),
                shall(
                        "PR-07",
                        PROVIDER,
                        "An onward referral carries the person's contact details when consent lists them, not when it does not, nothing after a withdrawal",
                        List.of("LW-PRV-007"),
                        ProviderInboxTests::contactWithinConsent));
    }

    static void inbox(Ctx ctx) {
        Http charity = charity(ctx);
        String code = code(ctx);
        String referralId = Journey.referId(ctx);
        consent(ctx, referralId, List.of("name-and-contact"));
        String first = send(ctx, referralId, code);
        String second = send(ctx, referralId, code);
        String notMine = send(ctx, referralId, ANOTHER_CHARITY);
        Http.Answer read = ctx.expect(charity.get("/v1/onward-referrals/" + first), 200);
        ctx.expect(
                charity.postJson(
                        "/v1/onward-referrals/" + first + "/transitions",
                        "{\"to\":\"accepted\"}",
                        "If-Match",
                        read.header("ETag")),
                200);

        List<JsonNode> all = walk(ctx, charity, "/v1/onward-referrals?limit=1");
        List<String> ids = ids(all);
        ctx.check(ids.contains(first) && ids.contains(second), "the inbox %s lacks %s or %s", ids, first, second);
        ctx.check(!ids.contains(notMine), "the inbox lists %s, addressed to another organisation", notMine);
        ctx.check(ids.size() == Set.copyOf(ids).size(), "the inbox lists an onward referral twice: %s", ids);
        for (JsonNode item : all) {
            ctx.check(
                    addressedTo(item, code),
                    "the inbox lists %s, whose provider is not %s",
                    item.path("id").asString(""),
                    code);
        }
        List<JsonNode> accepted = walk(ctx, charity, "/v1/onward-referrals?status=accepted");
        ctx.check(ids(accepted).contains(first), "status=accepted does not list %s", first);
        ctx.check(!ids(accepted).contains(second), "status=accepted lists %s, which is sent", second);
        for (JsonNode item : accepted) {
            ctx.check(
                    "accepted".equals(item.path("status").asString("")),
                    "status=accepted lists %s in status %s",
                    item.path("id").asString(""),
                    item.path("status").asString(""));
        }
        List<String> sent = ids(walk(ctx, charity, "/v1/onward-referrals?status=sent&status=declined"));
        ctx.check(sent.contains(second) && !sent.contains(first), "status=sent&status=declined lists %s", sent);
        ctx.check(
                ids(walk(ctx, charity, "/v1/onward-referrals?since=2000-01-01T00:00:00Z"))
                        .containsAll(List.of(first, second)),
                "since=2000-01-01T00:00:00Z leaves out the new onward referrals");
        ctx.check(
                walk(ctx, charity, "/v1/onward-referrals?since=9999-01-01T00:00:00Z")
                        .isEmpty(),
                "since=9999-01-01T00:00:00Z lists onward referrals");
        ctx.expectProblem(charity.get("/v1/onward-referrals?status=waiting"), 400);
        ctx.expectProblem(charity.get("/v1/onward-referrals?since=yesterday"), 400);
    }

    static void contactWithinConsent(Ctx ctx) {
        Http charity = charity(ctx);
        String code = code(ctx);
        String shared = Journey.referId(ctx);
        consent(ctx, shared, List.of("name-and-contact"));
        String withDetails = send(ctx, shared, code);
        JsonNode read = ctx.expect(charity.get("/v1/onward-referrals/" + withDetails), 200)
                .json();
        JsonNode person = Examples.tree(Examples.FULL_REFERRAL).path("personDemographics");
        ctx.check(
                read.path("personName").equals(person.path("name")),
                "the person's name, consented, is not carried as the referral records it: %s",
                read.path("personName"));
        ctx.check(
                read.path("contactDetails").equals(person.path("contactDetails")),
                "the person's contact details, consented, are not carried as the referral records them: %s",
                read.path("contactDetails"));
        for (String absent : List.of("individualRequirements", "aboutMe", "risks", "personDemographics")) {
            ctx.check(!read.has(absent), "%s is carried although consent does not list it", absent);
        }

        String notShared = Journey.referId(ctx);
        consent(ctx, notShared, null);
        JsonNode bare = ctx.expect(charity.get("/v1/onward-referrals/" + send(ctx, notShared, code)), 200)
                .json();
        ctx.check(
                !bare.has("personName") && !bare.has("contactDetails"),
                "the person's name or contact details are carried although consent lists none");

        ObjectNode withdrawal = Examples.toSend("valid/consent--withdrawn.json");
        ctx.expect(
                ctx.http("link-worker").postJson("/v1/referrals/" + shared + "/consents", withdrawal.toString()), 201);
        ctx.expect(charity.get("/v1/onward-referrals/" + withDetails), 404);
        ctx.check(
                !ids(walk(ctx, charity, "/v1/onward-referrals")).contains(withDetails),
                "the inbox still lists %s after consent was withdrawn",
                withDetails);
    }

    static Http charity(Ctx ctx) {
        return ctx.config()
                .ownToken(KitConfig.CHARITY_ROLE)
                .map(t -> ctx.http().as(t))
                .orElseThrow(
                        () -> ctx.skip("no charity token given (--token-charity): its inbox cannot be read as it"));
    }

    static String code(Ctx ctx) {
        return ctx.config()
                .charityCode()
                .orElseThrow(() ->
                        ctx.skip("the charity's organisation is not known: its token is not a JWT with an org claim"));
    }

    /** Consent given to share with any onward provider, listing {@code shares} (null: none listed). */
    static void consent(Ctx ctx, String referralId, List<String> shares) {
        ObjectNode consent = Examples.toSend("valid/consent--given-gp-and-provider.json");
        consent.remove("onwardProvider");
        consent.remove("expiresAt");
        if (shares != null) {
            shares.forEach(consent.putArray("shareWithProvider")::add);
        }
        ctx.expect(
                ctx.http("link-worker").postJson("/v1/referrals/" + referralId + "/consents", consent.toString()), 201);
    }

    /** An onward referral to the organisation known by {@code code}; its id. */
    static String send(Ctx ctx, String referralId, String code) {
        ObjectNode onward = Examples.toSend("valid/onward-referral--walking-group-with-feedback.json");
        onward.remove("feedback");
        ObjectNode provider = (ObjectNode) onward.get("provider");
        provider.remove("charityNumber");
        provider.remove("organisation");
        if (code.matches("[A-Z0-9]{3}|[A-Z0-9]{5,6}")) {
            provider.putObject("organisation").put("code", code).put("text", "The charity under test");
        } else {
            // not an ODS code's shape: a registered charity number
            provider.put("charityNumber", code);
            provider.putObject("organisation").put("text", "The charity under test");
        }
        Http.Answer sent = ctx.expect(
                ctx.http("link-worker")
                        .postJson("/v1/referrals/" + referralId + "/onward-referrals", onward.toString()),
                201);
        return sent.json().path("id").asString();
    }

    static boolean addressedTo(JsonNode onward, String code) {
        JsonNode p = onward.path("provider");
        return code.equals(p.at("/organisation/code").asString(null))
                || code.equals(p.path("charityNumber").asString(null));
    }

    static List<JsonNode> walk(Ctx ctx, Http as, String first) {
        List<JsonNode> out = new ArrayList<>();
        String next = null;
        for (int page = 0; page < 500; page++) {
            String path = next == null ? first : first + (first.contains("?") ? "&" : "?") + "cursor=" + next;
            Http.Answer a = ctx.expect(as.get(path), 200);
            a.json().path("items").forEach(out::add);
            next = a.json().path("nextCursor").asString(null);
            if (next == null) {
                return out;
            }
        }
        ctx.check(false, "the listing did not end within 500 pages: %s", first);
        return out;
    }

    static List<String> ids(List<JsonNode> items) {
        return items.stream().map(i -> i.path("id").asString("")).toList();
    }
}
