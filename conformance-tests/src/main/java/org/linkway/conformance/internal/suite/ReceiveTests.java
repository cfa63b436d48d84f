package org.linkway.conformance.internal.suite;

import static org.linkway.conformance.Profile.REFERRAL_RECEIVER;
import static org.linkway.conformance.internal.TestCase.shall;
import static org.linkway.conformance.internal.TestCase.should;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.linkway.conformance.internal.Ctx;
import org.linkway.conformance.internal.Examples;
import org.linkway.conformance.internal.Http;
import org.linkway.conformance.internal.Journey;
import org.linkway.conformance.internal.TestCase;
import tools.jackson.databind.JsonNode;

/** Receiving a referral and reading it back: the first thing a link worker service does. */
final class ReceiveTests {

    private ReceiveTests() {}

    static List<TestCase> tests() {
        return List.of(
                shall(
                        "RR-01",
                        REFERRAL_RECEIVER,
                        "A valid referral is received with 201, Location, ETag and status received",
                        List.of("LW-REF-001"),
                        ReceiveTests::received),
                shall(
                        "RR-02",
                        REFERRAL_RECEIVER,
                        "Each example referral reads back unchanged",
                        List.of("LW-REF-002"),
                        ReceiveTests::readBack),
                shall(
                        "RR-11",
                        REFERRAL_RECEIVER,
                        "Unknown referral ids are 404 on every route under them",
                        List.of("LW-REF-011"),
                        ReceiveTests::unknownIds),
                shall(
                        "RR-12",
                        REFERRAL_RECEIVER,
                        "A repeated Idempotency-Key replays the first answer and creates nothing more",
                        List.of("LW-REF-012"),
                        ReceiveTests::idempotentReplay),
                shall(
                        "RR-13",
                        REFERRAL_RECEIVER,
                        "An Idempotency-Key reused with a different body is refused with 422",
                        List.of("LW-REF-013"),
                        ReceiveTests::idempotencyKeyReuse),
                shall(
                        "RR-20",
                        REFERRAL_RECEIVER,
                        "Referrals list in pages with a cursor, filter by status, and bad parameters are 400",
                        List.of("LW-REF-020"),
                        ReceiveTests::listing),
                should(
                        "RR-21",
                        REFERRAL_RECEIVER,
                        "A conditional read with the current ETag answers 304",
                        List.of("LW-REF-021"),
                        ReceiveTests::conditionalRead),
                should(
                        "RR-22",
                        REFERRAL_RECEIVER,
                        "Answers carry X-Request-Id and problems repeat it",
                        List.of("LW-REF-022"),
                        ReceiveTests::requestIds));
    }

    static void received(Ctx ctx) {
        Http.Answer created =
                ctx.expect(ctx.http().postJson("/v1/referrals", Examples.json(Examples.FULL_REFERRAL)), 201);
        JsonNode body = created.json();
        String id = body.path("id").asString("");
        ctx.check(!id.isEmpty(), "%s: the answer has no id", created.describe());
        String location = created.header("Location");
        ctx.check(
                location != null && location.endsWith("/v1/referrals/" + id),
                "%s: Location is %s, not the new referral",
                created.describe(),
                location);
        ctx.check(created.header("ETag") != null, "%s: no ETag", created.describe());
        ctx.check(
                "received".equals(body.path("status").asString("")),
                "%s: status is '%s', not received",
                created.describe(),
                body.path("status").asString(""));
        ctx.emitted("POST /v1/referrals", created.body());
    }

    static void readBack(Ctx ctx) {
        for (String example : List.of(Examples.FULL_REFERRAL, Examples.MINIMAL_REFERRAL, Examples.CARER_REFERRAL)) {
            JsonNode sent = Examples.toSend(example);
            JsonNode created = Journey.refer(ctx, example);
            Http.Answer read = ctx.expect(
                    ctx.http().get("/v1/referrals/" + created.path("id").asString()), 200);
            ctx.check(read.json().equals(created), "%s: differs from the 201 answer", read.describe());
            ctx.emitted("GET /v1/referrals/{id}", read.body());
            Diff.sentFieldsKept(ctx, example, sent, read.json());
        }
    }

    static void unknownIds(Ctx ctx) {
        String missing = "/v1/referrals/no-such-referral-" + ctx.config().seed();
        ctx.expect(ctx.http().get(missing), 404);
        ctx.expect(ctx.http().postJson(missing + "/transitions", "{\"to\":\"accepted\"}", "If-Match", "\"1\""), 404);
        ctx.expect(ctx.http().get(missing + "/message-back"), 404);
        ctx.expect(ctx.http().get(missing + "/events"), 404);
        ctx.expect(
                ctx.http().postJson(missing + "/contacts", Examples.json("valid/contact-record--first-call.json")),
                404);
        ctx.expect(ctx.http().get(missing + "/care-plan"), 404);
    }

    static void idempotentReplay(Ctx ctx) {
        String key = "lw-kit-" + ctx.config().seed() + "-" + System.nanoTime();
        Http.Answer first = ctx.expect(
                ctx.http().postJson("/v1/referrals", Examples.json(Examples.FULL_REFERRAL), "Idempotency-Key", key),
                201);
        Http.Answer again =
                ctx.http().postJson("/v1/referrals", Examples.json(Examples.FULL_REFERRAL), "Idempotency-Key", key);
        ctx.check(
                again.status() == first.status(),
                "the repeat answered %s, the first %d",
                again.describe(),
                first.status());
        ctx.check(
                again.json().path("id").equals(first.json().path("id")),
                "the repeat created another referral: %s then %s",
                first.json().path("id"),
                again.json().path("id"));
    }

    static void idempotencyKeyReuse(Ctx ctx) {
        String key = "lw-kit-reuse-" + ctx.config().seed() + "-" + System.nanoTime();
        ctx.expect(
                ctx.http().postJson("/v1/referrals", Examples.json(Examples.FULL_REFERRAL), "Idempotency-Key", key),
                201);
        Http.Answer reused =
                ctx.http().postJson("/v1/referrals", Examples.json(Examples.MINIMAL_REFERRAL), "Idempotency-Key", key);
        ctx.expectProblem(reused, 422);
    }

    static void listing(Ctx ctx) {
        for (int i = 0; i < 3; i++) {
            Journey.refer(ctx, Examples.MINIMAL_REFERRAL);
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            Http.Answer page = ctx.expect(
                    ctx.http()
                            .get("/v1/referrals?status=received&limit=2" + (cursor == null ? "" : "&cursor=" + cursor)),
                    200);
            for (JsonNode r : page.json().path("items")) {
                ctx.check(
                        "received".equals(r.path("status").asString("")),
                        "%s: a %s referral in a status=received list",
                        page.describe(),
                        r.path("status").asString(""));
                ctx.check(
                        seen.add(r.path("id").asString("")),
                        "%s: referral %s listed twice",
                        page.describe(),
                        r.path("id").asString(""));
            }
            JsonNode next = page.json().path("nextCursor");
            cursor = next.isString() ? URLEncoder.encode(next.asString(), StandardCharsets.UTF_8) : null;
            pages++;
        } while (cursor != null && pages < 50);
        ctx.check(seen.size() >= 3, "paging found %d received referrals, at least 3 were just created", seen.size());
        ctx.expect(ctx.http().get("/v1/referrals?status=sleeping"), 400);
        ctx.expect(ctx.http().get("/v1/referrals?limit=0"), 400);
    }

    static void conditionalRead(Ctx ctx) {
        String id = Journey.referId(ctx);
        String etag = Journey.etag(ctx, "/v1/referrals/" + id);
        ctx.expect(ctx.http().get("/v1/referrals/" + id, "If-None-Match", etag), 304);
    }

    static void requestIds(Ctx ctx) {
        Http.Answer missing = ctx.http().get("/v1/referrals/no-such-referral");
        String requestId = missing.header("X-Request-Id");
        ctx.check(requestId != null && !requestId.isBlank(), "%s: no X-Request-Id", missing.describe());
        ctx.check(
                requestId.equals(missing.json().path("requestId").asString("")),
                "%s: the problem's requestId is not %s",
                missing.describe(),
                requestId);
    }
}
