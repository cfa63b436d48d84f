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

/**
 * The journey records under a referral held to what a referral is held to: an implementation
 * that validates and de-duplicates {@code POST /v1/referrals} often forgets the routes below it.
 * Each record kind is tried, and the listing under the referral shows whether anything was written.
 */
final class RecordDepthTests {

    /** A journey record route, an example it accepts and one that breaks a rule (named before "--"). */
    record Kind(String route, String valid, String invalid) {}

    static final List<Kind> KINDS = List.of(
            new Kind(
                    "/contacts",
                    "valid/contact-record--first-call.json",
                    "invalid/LW-VALUE-NOT-ALLOWED--attempt-emailed.contact-record.json"),
            new Kind(
                    "/consents",
                    "valid/consent--given-gp-and-provider.json",
                    "invalid/LW-DATE-ORDER--expires-before-recorded.consent.json"),
            new Kind(
                    "/assessments",
                    "valid/assessment--ons4-baseline.json",
                    "invalid/LW-DATE-FUTURE--administered-in-2099.assessment.json"),
            new Kind(
                    "/signposts",
                    "valid/signpost--debt-advice.json",
                    "invalid/LW-MAX-LENGTH--reason-for-signpost-151-chars.signpost.json"),
            new Kind(
                    "/onward-referrals",
                    "valid/onward-referral--walking-group-with-feedback.json",
                    "invalid/LW-ODS-CODE--provider-code-two-chars.onward-referral.json"));

    private RecordDepthTests() {}

    static List<TestCase> tests() {
        return List.of(
                shall(
                        "RR-40",
                        REFERRAL_RECEIVER,
                        "Every journey record route honours Idempotency-Key: a repeat replays the first answer and adds nothing",
                        List.of("LW-REF-047"),
                        RecordDepthTests::idempotent),
                shall(
                        "RR-41",
                        REFERRAL_RECEIVER,
                        "Every journey record route refuses a record that breaks a rule with 422 naming the rule, and records nothing",
                        List.of("LW-REF-048"),
                        RecordDepthTests::validated));
    }

    static void idempotent(Ctx ctx) {
        String path = "/v1/referrals/" + Journey.referId(ctx);
        for (Kind k : KINDS) {
            String key = "lw-kit-" + ctx.config().seed() + "-" + System.nanoTime();
            int before = count(ctx, path + k.route());
            Http.Answer first = ctx.expect(
                    ctx.http("link-worker")
                            .postJson(path + k.route(), Examples.json(k.valid()), "Idempotency-Key", key),
                    201);
            Http.Answer again = ctx.http("link-worker")
                    .postJson(path + k.route(), Examples.json(k.valid()), "Idempotency-Key", key);
            ctx.check(
                    again.status() == first.status()
                            && again.json().path("id").equals(first.json().path("id")),
                    "%s: the repeat with the same Idempotency-Key answered %s with id %s, the first %d with id %s",
                    k.route(),
                    again.describe(),
                    again.json().path("id"),
                    first.status(),
                    first.json().path("id"));
            int after = count(ctx, path + k.route());
            ctx.check(
                    after == before + 1,
                    "%s: %d records after one create and its repeat, %d before",
                    k.route(),
                    after,
                    before);
        }
    }

    static void validated(Ctx ctx) {
        String path = "/v1/referrals/" + Journey.referId(ctx);
        for (Kind k : KINDS) {
            String rule = k.invalid().substring("invalid/".length(), k.invalid().indexOf("--"));
            int before = count(ctx, path + k.route());
            Http.Answer refused = ctx.http("link-worker").postJson(path + k.route(), Examples.json(k.invalid()));
            ctx.check(refused.status() == 422, "%s with a record breaking %s: %s", k.route(), rule, refused.describe());
            ctx.check(
                    refused.body().contains(rule),
                    "%s: the 422 does not name the rule %s: %s",
                    k.route(),
                    rule,
                    refused.describeWithBody());
            int after = count(ctx, path + k.route());
            ctx.check(
                    after == before, "%s: a refused record was kept (%d records, %d before)", k.route(), after, before);
        }
    }

    /** Records listed under the referral, read to the end of its pages. */
    private static int count(Ctx ctx, String route) {
        int n = 0;
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            Http.Answer a =
                    ctx.expect(ctx.http("link-worker").get(route + (cursor == null ? "" : "?cursor=" + cursor)), 200);
            JsonNode items = a.json().path("items");
            n += items.size();
            cursor = a.json().path("nextCursor").isString()
                    ? a.json().path("nextCursor").asString()
                    : null;
            if (cursor == null) {
                return n;
            }
        }
        return n;
    }
}
