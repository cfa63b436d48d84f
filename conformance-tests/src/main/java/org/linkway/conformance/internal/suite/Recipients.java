package org.linkway.conformance.internal.suite;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.linkway.conformance.KitConfig;
import org.linkway.conformance.internal.CheckFailed;
import org.linkway.conformance.internal.Ctx;
import org.linkway.conformance.internal.Examples;
import org.linkway.conformance.internal.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The organisations a message back is addressed to, as the kit plays them: the person's
 * registered GP practice and the referrer, each with its own token and ODS code, and how each
 * reads what is addressed to it (its message back, its list of message backs, its events).
 */
final class Recipients {

    private Recipients() {}

    /** The GP practice's token, or a skip saying which option is missing. */
    static Http gp(Ctx ctx) {
        Http http = ctx.config()
                .ownToken(KitConfig.GP_PRACTICE_ROLE)
                .map(t -> ctx.http().as(t))
                .orElseThrow(
                        () -> ctx.skip(
                                "no GP practice token given (--token-gp-practice): the message back cannot be read as the GP practice"));
        gpCode(ctx);
        return http;
    }

    static String gpCode(Ctx ctx) {
        return ctx.config()
                .gpPracticeCode()
                .orElseThrow(
                        () -> ctx.skip(
                                "the GP practice's ODS code is not known: its token is not a JWT with an org claim; give --gp-practice-code"));
    }

    /** The referrer's own token (never the default one), or a skip saying which option is missing. */
    static Http referrer(Ctx ctx) {
        Http http = ctx.config()
                .ownToken(KitConfig.REFERRER_ROLE)
                .map(t -> ctx.http().as(t))
                .orElseThrow(() -> ctx.skip(
                        "no referrer token given (--token-referrer): the message back cannot be read as the referrer"));
        referrerCode(ctx);
        return http;
    }

    static String referrerCode(Ctx ctx) {
        return ctx.config()
                .referrerCode()
                .orElseThrow(
                        () -> ctx.skip(
                                "the referrer's ODS code is not known: its token is not a JWT with an org claim; give --referrer-code"));
    }

    static Http otherOrg(Ctx ctx) {
        return ctx.config()
                .ownToken(KitConfig.OTHER_ORG_ROLE)
                .map(t -> ctx.http().as(t))
                .orElseThrow(() -> ctx.skip("no token of a second organisation given (--token-other-org)"));
    }

    /**
     * The full example referral naming the kit's GP practice as the person's registered practice,
     * and the kit's referrer as the referring organisation when its code is known (else the
     * example's referrer, which has no code: then only the GP practice is a coded recipient).
     */
    static ObjectNode referral(Ctx ctx) {
        ObjectNode referral = Examples.toSend(Examples.FULL_REFERRAL);
        ctx.config()
                .gpPracticeCode()
                .ifPresent(
                        code -> ((ObjectNode) referral.at("/gpPractice/entries/0")).put("gpPracticeIdentifier", code));
        ctx.config()
                .referrerCode()
                .ifPresent(code -> ((ObjectNode) referral.at("/referralDetails/entries/0/referrerDetails/organisation"))
                        .put("code", code));
        return referral;
    }

    /** Posts {@link #referral} with the default token and returns its path. */
    static String refer(Ctx ctx) {
        Http.Answer created =
                ctx.expect(ctx.http().postJson("/v1/referrals", referral(ctx).toString()), 201);
        ctx.emitted("POST /v1/referrals", created.body());
        return "/v1/referrals/" + created.json().path("id").asString();
    }

    static String id(String referralPath) {
        return referralPath.substring(referralPath.lastIndexOf('/') + 1);
    }

    /** Every event of one referral that {@code reader} sees in /v1/events after {@code after}, in order. */
    static List<JsonNode> events(Ctx ctx, Http reader, long after, String referralId) {
        List<JsonNode> out = new ArrayList<>();
        long from = after;
        for (int page = 0; page < 200; page++) {
            Http.Answer a = ctx.expect(reader.get("/v1/events?after=" + from + "&limit=1000"), 200);
            JsonNode body = a.json();
            for (JsonNode e : body.path("items")) {
                if (referralId.equals(e.path("referralId").asString(""))) {
                    out.add(e);
                }
            }
            // a reader's page may be cut down to what it may see, so the end is where the cursor stops moving
            long next = body.path("next").asLong(from);
            if (next <= from) {
                return out;
            }
            from = next;
        }
        throw new CheckFailed("the event log did not end after 200 pages");
    }

    /** The message-back.issued events among {@code events}. */
    static List<JsonNode> issued(List<JsonNode> events) {
        return events.stream()
                .filter(e -> "message-back.issued".equals(e.path("type").asString("")))
                .toList();
    }

    /**
     * The message back of {@code referralId} in {@code reader}'s list of message backs issued or
     * changed since a minute before {@code sentAt} (the server's own clock), or null if absent.
     */
    static JsonNode listed(Ctx ctx, Http reader, String sentAt, String referralId) {
        String since = URLEncoder.encode(
                OffsetDateTime.parse(sentAt).minusMinutes(1).toInstant().toString(), StandardCharsets.UTF_8);
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            Http.Answer a = ctx.expect(
                    reader.get("/v1/message-backs?since=" + since + "&limit=100"
                            + (cursor == null ? "" : "&cursor=" + cursor)),
                    200);
            ctx.check(a.json().path("items").isArray(), "%s: no items array: %s", a.describe(), a.describeWithBody());
            for (JsonNode m : a.json().path("items")) {
                if (referralId.equals(m.path("referralId").asString(""))) {
                    return m;
                }
            }
            JsonNode next = a.json().path("nextCursor");
            if (!next.isString()) {
                return null;
            }
            cursor = URLEncoder.encode(next.asString(), StandardCharsets.UTF_8);
        }
        return null;
    }

    /** The sections that tell the journey: none of them may reach a recipient the person refused sharing with. */
    static final List<String> JOURNEY_SECTIONS =
            List.of("contactsWithProfessionals", "assessments", "signpostDetails", "careAndSupportPlan");

    /** Whether the FHIR facade answers at all (its absence is the fhir profile's business, not the GP tests'). */
    static boolean fhirServed(Ctx ctx) {
        return ctx.http()
                        .get(FhirTests.BASE + "/metadata", "Accept", "application/fhir+json")
                        .status()
                == 200;
    }
}
