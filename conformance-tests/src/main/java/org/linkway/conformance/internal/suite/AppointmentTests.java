package org.linkway.conformance.internal.suite;

import static org.linkway.conformance.Profile.LINK_WORKER_PRACTICE;
import static org.linkway.conformance.internal.TestCase.shall;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.linkway.conformance.internal.Ctx;
import org.linkway.conformance.internal.Http;
import org.linkway.conformance.internal.TestCase;
import tools.jackson.databind.JsonNode;

/**
 * The optional link-worker-practice profile, appointments: a session booked under a referral
 * reads back as booked, and a cancelled one cannot then be marked attended. The kit books in the
 * future (two days from now) so its runs never depend on the server's clock being moved.
 */
final class AppointmentTests {

    private AppointmentTests() {}

    static List<TestCase> tests() {
        return List.of(
                shall(
                        "LP-40",
                        LINK_WORKER_PRACTICE,
                        "A booked appointment reads back, at its Location, booked with the times and method sent",
                        List.of("LW-LWP-040"),
                        AppointmentTests::bookAndReadBack),
                shall(
                        "LP-41",
                        LINK_WORKER_PRACTICE,
                        "A cancelled appointment cannot be marked attended: 409, and it stays cancelled",
                        List.of("LW-LWP-041"),
                        AppointmentTests::cancelledIsFinal));
    }

    static Instant start() {
        return Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
    }

    /** Books a 45-minute telephone session on a new referral; answers the booking's answer. */
    static Http.Answer book(Ctx ctx, Instant start) {
        String referral = LifecycleTests.reach(ctx, "received");
        String body = "{\"start\":\"" + start + "\",\"end\":\"" + start.plus(Duration.ofMinutes(45))
                + "\",\"method\":\"telephone\"}";
        return ctx.expect(ctx.http().postJson(referral + "/appointments", body), 201);
    }

    static void bookAndReadBack(Ctx ctx) {
        Instant start = start();
        Http.Answer booked = book(ctx, start);
        String location = booked.header("Location");
        ctx.check(location != null, "%s has no Location", booked.describe());
        ctx.check(booked.header("ETag") != null, "%s has no ETag", booked.describe());
        JsonNode read = ctx.expect(ctx.http().get(location), 200).json();
        ctx.check(
                "booked".equals(read.path("status").asString(null)),
                "GET %s: status is %s, not booked",
                location,
                read.path("status"));
        ctx.check(
                same(read.path("start"), start),
                "GET %s: start is %s, not the %s booked",
                location,
                read.path("start"),
                start);
        ctx.check(
                same(read.path("end"), start.plus(Duration.ofMinutes(45))),
                "GET %s: end is %s, not 45 minutes after the start",
                location,
                read.path("end"));
        ctx.check(
                "telephone".equals(read.path("method").asString(null)),
                "GET %s: method is %s, not telephone",
                location,
                read.path("method"));
    }

    static void cancelledIsFinal(Ctx ctx) {
        Http.Answer booked = book(ctx, start());
        String location = booked.header("Location");
        Http.Answer cancelled = ctx.expect(
                ctx.http()
                        .postJson(
                                location + "/transitions",
                                "{\"to\":\"cancelled\",\"reason\":\"Cancelled by the conformance kit\"}",
                                "If-Match",
                                booked.header("ETag")),
                200);
        Http.Answer attended = ctx.http()
                .postJson(location + "/transitions", "{\"to\":\"attended\"}", "If-Match", cancelled.header("ETag"));
        ctx.expectProblem(attended, 409);
        JsonNode read = ctx.expect(ctx.http().get(location), 200).json();
        ctx.check(
                "cancelled".equals(read.path("status").asString(null)),
                "after the refused 'attended', GET %s says %s, not cancelled",
                location,
                read.path("status"));
    }

    private static boolean same(JsonNode value, Instant expected) {
        try {
            return value.isString()
                    && java.time.OffsetDateTime.parse(value.asString())
                            .toInstant()
                            .equals(expected);
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }
}
