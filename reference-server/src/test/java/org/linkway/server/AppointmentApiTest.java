package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.server.security.Role;
import org.linkway.server.security.SubjectTokens;
import org.linkway.server.testing.LinkwayTestServer;
import tools.jackson.databind.JsonNode;

/**
 * Appointments over real HTTP, as the link worker's case management system would book and record
 * them: booking, validation, If-Match, idempotency, cancelling, outcomes only after the start,
 * who may see them, and the events each change raises.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AppointmentApiTest {

    static final Instant T0 = Instant.parse("2027-01-11T09:00:00Z");
    static final SettableClock CLOCK = new SettableClock(T0);

    @RegisterExtension
    static final LinkwayTestServer server = LinkwayTestServer.sqlite().clock(CLOCK);

    static String referralId;

    @BeforeAll
    static void referral() {
        referralId = new ApiClient(server.port())
                .postJson("/v1/referrals", ReferralApiContract.example(ReferralApiContract.FULL))
                .json()
                .path("id")
                .asString();
    }

    /** The link worker Ada of the service the referral is addressed to (8EC41), with a token minted at the clock's now. */
    static ApiClient ada() {
        return new ApiClient(server.port(), SubjectTokens.mint(server.port(), Role.LINK_WORKER, "8EC41", "ada@8EC41"));
    }

    static String path() {
        return "/v1/referrals/" + referralId + "/appointments";
    }

    static String booking(Instant start, String extra) {
        return "{\"start\":\"" + start + "\",\"durationMinutes\":45,\"method\":\"telephone\"" + extra + "}";
    }

    @Test
    void book_then_read_back_with_its_derived_codes_and_event() {
        Instant start = CLOCK.instant().plus(Duration.ofDays(3));
        ApiClient.Answer booked = ada().postJson(
                        path(),
                        "{\"start\":\"" + start + "\",\"end\":\"" + start.plus(Duration.ofMinutes(60))
                                + "\",\"method\":\"home-visit\",\"notes\":\"bring the leaflet on walking groups\"}");
        assertThat(booked.status()).isEqualTo(201);
        assertThat(booked.header("ETag")).isEqualTo("\"1\"");
        JsonNode a = booked.json();
        assertThat(a.path("status").asString()).isEqualTo("booked");
        assertThat(a.path("linkWorker").asString()).isEqualTo("ada@8EC41");
        assertThat(a.path("consultationMethod").asString()).isEqualTo("01");
        assertThat(a.path("locationType").asString()).isEqualTo("A01");
        assertThat(a.path("durationMinutes").asInt()).isEqualTo(60);
        assertThat(a.path("sequence").asInt()).isZero();

        ApiClient.Answer read = ada().get(booked.header("Location"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(a);
        assertThat(ada().get(path()).json().path("items").findValuesAsString("id"))
                .contains(a.path("id").asString());
        assertThat(eventTypes(a.path("id").asString())).containsExactly("appointment.booked");
    }

    @Test
    void every_broken_rule_is_a_finding_naming_the_member_and_nothing_is_written() {
        Instant start = CLOCK.instant().plus(Duration.ofDays(2));
        int before = ada().get(path() + "?limit=500").json().path("items").size();
        ApiClient.Answer bad = ada().postJson(
                        path(),
                        "{\"start\":\"" + start + "\",\"end\":\"" + start.minus(Duration.ofMinutes(30))
                                + "\",\"method\":\"carrier-pigeon\",\"notes\":\"" + "x".repeat(2001)
                                + "\",\"colour\":\"red\"}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().path("type").asString()).endsWith("invalid-appointment");
        List<String> pointers = bad.json().path("findings").findValuesAsString("pointer");
        assertThat(pointers).contains("/end", "/method", "/notes", "/colour");
        assertThat(bad.json().path("findings").findValuesAsString("ruleId"))
                .contains(
                        "LW-APPOINTMENT-END",
                        "LW-APPOINTMENT-METHOD",
                        "LW-APPOINTMENT-NOTES",
                        "LW-APPOINTMENT-UNKNOWN-MEMBER");

        ApiClient.Answer noAddress = ada().postJson(
                        path(), "{\"start\":\"" + start + "\",\"durationMinutes\":30,\"method\":\"face-to-face\"}");
        assertThat(noAddress.status()).isEqualTo(422);
        assertThat(noAddress.json().path("findings").findValuesAsString("pointer"))
                .containsExactly("/address");

        ApiClient.Answer tooLong = ada().postJson(path(), booking(start, "").replace("45", "600"));
        assertThat(tooLong.json().path("findings").findValuesAsString("ruleId"))
                .containsExactly("LW-APPOINTMENT-DURATION");
        ApiClient.Answer noTime = ada().postJson(path(), "{\"method\":\"video\",\"durationMinutes\":30}");
        assertThat(noTime.json().path("findings").findValuesAsString("pointer")).containsExactly("/start");
        assertThat(ada().get(path() + "?limit=500").json().path("items").size()).isEqualTo(before);
    }

    @Test
    void a_reschedule_needs_the_etag_and_raises_the_sequence() {
        Instant start = CLOCK.instant().plus(Duration.ofDays(5));
        ApiClient.Answer booked = ada().postJson(path(), booking(start, ""));
        String at = booked.header("Location");
        String id = booked.json().path("id").asString();

        String later = "{\"start\":\"" + start.plus(Duration.ofDays(1)) + "\"}";
        assertThat(ada().send("PATCH", at, later, "Content-Type", "application/json")
                        .status())
                .isEqualTo(428);
        ApiClient.Answer moved =
                ada().send("PATCH", at, later, "Content-Type", "application/json", "If-Match", "\"1\"");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().path("sequence").asInt()).isEqualTo(1);
        assertThat(moved.json().path("end").asString())
                .isEqualTo(start.plus(Duration.ofDays(1))
                        .plus(Duration.ofMinutes(45))
                        .toString());
        ApiClient.Answer stale =
                ada().send("PATCH", at, "{\"notes\":\"n\"}", "Content-Type", "application/json", "If-Match", "\"1\"");
        assertThat(stale.status()).isEqualTo(412);

        ApiClient.Answer noted =
                ada().send("PATCH", at, "{\"notes\":\"n\"}", "Content-Type", "application/json", "If-Match", "\"2\"");
        assertThat(noted.status()).isEqualTo(200);
        assertThat(noted.json().path("sequence").asInt()).isEqualTo(1);
        assertThat(eventTypes(id))
                .containsExactly("appointment.booked", "appointment.rescheduled", "appointment.updated");
    }

    @Test
    void cancelled_is_final_and_outcomes_wait_for_the_start() {
        Instant start = CLOCK.instant().plus(Duration.ofHours(2));
        ApiClient.Answer first = ada().postJson(path(), booking(start, ""));
        String at = first.header("Location");
        String id = first.json().path("id").asString();

        ApiClient.Answer early = transition(at, "\"1\"", "{\"to\":\"attended\"}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(transition(at, "\"1\"", "{\"to\":\"cancelled\"}").status()).isEqualTo(422);
        ApiClient.Answer cancelled =
                transition(at, "\"1\"", "{\"to\":\"cancelled\",\"reason\":\"the person asked to rearrange\"}");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.json().path("sequence").asInt()).isEqualTo(1);
        assertThat(transition(at, "\"2\"", "{\"to\":\"attended\"}").status()).isEqualTo(409);
        assertThat(ada().send("PATCH", at, "{\"notes\":\"n\"}", "Content-Type", "application/json", "If-Match", "\"2\"")
                        .status())
                .isEqualTo(409);

        String other = ada().postJson(path(), booking(start, "")).header("Location");
        CLOCK.advance(Duration.ofHours(3));
        try {
            ApiClient.Answer attended = transition(other, "\"1\"", "{\"to\":\"did-not-attend\"}");
            assertThat(attended.status()).isEqualTo(200);
            assertThat(attended.json().path("outcome").path("by").asString()).isEqualTo("ada@8EC41");
            assertThat(transition(other, "\"2\"", "{\"to\":\"attended\"}").status())
                    .isEqualTo(409);
        } finally {
            CLOCK.advance(Duration.ofHours(-3));
        }
        assertThat(eventTypes(id)).containsExactly("appointment.booked", "appointment.cancelled");
    }

    @Test
    void a_retried_booking_with_the_same_key_books_once() {
        String body = booking(CLOCK.instant().plus(Duration.ofDays(9)), "");
        ApiClient.Answer one = ada().postJson(path(), body, "Idempotency-Key", "cms-7f3a-appt-1");
        ApiClient.Answer two = ada().postJson(path(), body, "Idempotency-Key", "cms-7f3a-appt-1");
        assertThat(two.status()).isEqualTo(201);
        assertThat(two.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(two.json().path("id").asString())
                .isEqualTo(one.json().path("id").asString());
        ApiClient.Answer other = ada().postJson(
                        path(),
                        booking(CLOCK.instant().plus(Duration.ofDays(10)), ""),
                        "Idempotency-Key",
                        "cms-7f3a-appt-1");
        assertThat(other.status()).isEqualTo(422);
    }

    @Test
    void another_organisation_sees_nothing_and_the_referrer_may_not_book() {
        String booked = ada().postJson(path(), booking(CLOCK.instant().plus(Duration.ofDays(4)), ""))
                .header("Location");
        ApiClient otherService = new ApiClient(server.port(), server.token(Role.LINK_WORKER, "9ZZ99"));
        assertThat(otherService.get(booked).status()).isEqualTo(404);
        assertThat(otherService.get(path()).status()).isEqualTo(404);
        assertThat(otherService
                        .postJson(path(), booking(CLOCK.instant().plus(Duration.ofDays(4)), ""))
                        .status())
                .isEqualTo(404);
        ApiClient referrer = new ApiClient(server.port(), server.token(Role.REFERRER, "Y03146"));
        assertThat(referrer.postJson(path(), booking(CLOCK.instant().plus(Duration.ofDays(4)), ""))
                        .status())
                .isEqualTo(403);
        ApiClient provider = new ApiClient(server.port(), server.token(Role.PROVIDER, "1187342"));
        assertThat(provider.get(booked).status()).isEqualTo(404);
        ApiClient commissioner = new ApiClient(server.port(), server.token(Role.COMMISSIONER, "QEM"));
        assertThat(commissioner.get(booked).status()).isIn(403, 404);
    }

    private static ApiClient.Answer transition(String at, String etag, String body) {
        return ada().send("POST", at + "/transitions", body, "Content-Type", "application/json", "If-Match", etag);
    }

    static List<String> eventTypes(String appointmentId) {
        return new ApiClient(server.port())
                .get("/v1/referrals/" + referralId + "/events")
                .json()
                .path("items")
                .valueStream()
                .filter(e -> appointmentId.equals(e.path("resourceId").asString()))
                .map(e -> e.path("type").asString())
                .toList();
    }
}
