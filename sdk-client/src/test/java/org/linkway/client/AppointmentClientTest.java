package org.linkway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.client.error.IllegalTransitionException;
import org.linkway.client.error.NotFoundException;
import org.linkway.client.error.StaleVersionException;
import org.linkway.client.error.ValidationException;
import org.linkway.server.security.Role;

/**
 * Sessions with the link worker through the client against the real reference server, as the
 * link workers of the service the referral is addressed to: book (once, however often the same
 * key is sent), reschedule, cancel, record attended and did not attend, list; and the calendar
 * feed, read as a calendar program reads it (the URL alone), follows the referral when it is
 * reassigned.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AppointmentClientTest {

    static final String SERVICE = "8EC41";
    static final Instant NOW = Instant.parse("2027-03-08T08:00:00Z");
    static final HttpClient CALENDAR_PROGRAM =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @RegisterExtension
    static final TestServer server = clocked();

    private static TestServer clocked() {
        TestServer s = TestServer.sqlite();
        s.clock(new MovableClock(NOW));
        return s;
    }

    static LinkwayClient worker(String subject) {
        String token = server.token(Role.LINK_WORKER, SERVICE, subject, false);
        return LinkwayClient.builder()
                .baseUrl(server.url())
                .tokenProvider(() -> token)
                .requestTimeout(Duration.ofSeconds(20))
                .build();
    }

    static String referral() {
        return server.client()
                .referrals()
                .create(Fixtures.personReferral(Fixtures.newNhsNumber(), "Y03146", SERVICE))
                .value()
                .getId();
    }

    static AppointmentRequest telephone(Instant start) {
        return AppointmentRequest.builder()
                .start(start)
                .duration(Duration.ofMinutes(30))
                .method(Appointment.Method.TELEPHONE)
                .notes("Call on the mobile number")
                .build();
    }

    static String calendar(URI url) throws Exception {
        HttpResponse<String> answer = CALENDAR_PROGRAM.send(
                HttpRequest.newBuilder(url)
                        .timeout(Duration.ofSeconds(20))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() + "\n" + answer.body();
    }

    @Test
    void a_link_worker_books_reschedules_cancels_and_records_sessions() {
        LinkwayClient fay = worker("fay@eastmere");
        String referralId = referral();
        Appointments appointments = fay.appointments();

        Versioned<Appointment> booked =
                appointments.book(referralId, telephone(NOW.plus(Duration.ofDays(2))), "book-1");
        Versioned<Appointment> again = appointments.book(referralId, telephone(NOW.plus(Duration.ofDays(2))), "book-1");
        assertThat(again.replayed()).isTrue();
        assertThat(again.value().id()).isEqualTo(booked.value().id());
        Appointment a = booked.value();
        assertThat(a.status()).isEqualTo(Appointment.Status.BOOKED);
        assertThat(a.linkWorker()).isEqualTo("fay@eastmere");
        assertThat(a.durationMinutes()).isEqualTo(30);
        assertThat(a.consultationMethod()).isEqualTo("02");
        assertThat(a.sequence()).isZero();

        Versioned<Appointment> moved = appointments.reschedule(booked, NOW.plus(Duration.ofDays(3)));
        assertThat(moved.value().start()).isEqualTo(NOW.plus(Duration.ofDays(3)));
        assertThat(moved.value().durationMinutes()).isEqualTo(30);
        assertThat(moved.value().sequence()).isEqualTo(1);
        assertThatThrownBy(() -> appointments.reschedule(booked, NOW.plus(Duration.ofDays(4))))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> appointments.recordAttended(moved)).isInstanceOf(IllegalTransitionException.class);

        Versioned<Appointment> cancelled = appointments.cancel(moved, "The person asked to move it");
        assertThat(cancelled.value().status()).isEqualTo(Appointment.Status.CANCELLED);
        assertThat(cancelled.value().cancelled().orElseThrow().reason()).isEqualTo("The person asked to move it");
        assertThat(cancelled.value().cancellation().by()).isEqualTo("fay@eastmere");

        // sessions already held: one attended, one missed
        Versioned<Appointment> held = appointments.book(referralId, telephone(NOW.minus(Duration.ofDays(1))));
        Versioned<Appointment> missed = appointments.book(
                referralId,
                AppointmentRequest.builder()
                        .start(NOW.minus(Duration.ofDays(2)))
                        .end(NOW.minus(Duration.ofDays(2)).plus(Duration.ofMinutes(45)))
                        .method(Appointment.Method.FACE_TO_FACE)
                        .address("Eastmere Library, Mill Lane")
                        .build());
        assertThat(appointments.recordAttended(held).value().status()).isEqualTo(Appointment.Status.ATTENDED);
        Versioned<Appointment> dna = appointments.recordDidNotAttend(missed, "No answer at the door");
        assertThat(dna.value().status()).isEqualTo(Appointment.Status.DID_NOT_ATTEND);
        assertThat(dna.value().outcome().reason()).isEqualTo("No answer at the door");

        assertThat(fay.referral(referralId).appointments().stream().map(Appointment::id))
                .containsExactlyInAnyOrder(
                        a.id(), held.value().id(), missed.value().id());
        assertThat(appointments.get(referralId, a.id()).value().status()).isEqualTo(Appointment.Status.CANCELLED);

        // a face-to-face session without its address is refused whole, naming the member
        assertThatThrownBy(() -> appointments.book(
                        referralId,
                        AppointmentRequest.builder()
                                .start(NOW.plus(Duration.ofDays(5)))
                                .duration(Duration.ofMinutes(30))
                                .method(Appointment.Method.FACE_TO_FACE)
                                .build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("address");
        assertThat(fay.referral(referralId).appointments().stream().count()).isEqualTo(3);
    }

    @Test
    void the_calendar_feed_follows_the_referral_to_its_new_link_worker() throws Exception {
        LinkwayClient gus = worker("gus@eastmere");
        LinkwayClient hal = worker("hal@eastmere");
        String referralId = referral();
        gus.caseload().assign(referralId, "gus@eastmere");
        Appointment session = gus.referral(referralId)
                .book(telephone(NOW.plus(Duration.ofDays(1))))
                .value();
        String uid = "UID:" + session.id() + "@appointments.linkway";

        CalendarFeed gusFeed = gus.calendarFeeds().create();
        CalendarFeed halFeed = hal.calendarFeeds().create();
        URI gusUrl = gusFeed.url().orElseThrow();
        URI halUrl = halFeed.url().orElseThrow();
        assertThat(gus.calendarFeeds().list()).extracting(CalendarFeed::id).containsExactly(gusFeed.id());
        assertThat(gus.calendarFeeds().list().get(0).url()).isEmpty(); // shown once only

        assertThat(calendar(gusUrl)).startsWith("200").contains(uid);
        assertThat(calendar(halUrl)).startsWith("200").doesNotContain(uid);

        gus.caseload()
                .reassign(gus.referral(referralId).assignment().get(), "hal@eastmere", "Gus moves to the north team");
        assertThat(calendar(halUrl)).startsWith("200").contains(uid);
        assertThat(calendar(gusUrl)).startsWith("200").doesNotContain(uid);

        gus.calendarFeeds().revoke(gusFeed.id());
        assertThat(calendar(gusUrl)).startsWith("404");
        assertThat(gus.calendarFeeds().list()).isEmpty();
        assertThatThrownBy(() -> gus.calendarFeeds().revoke(gusFeed.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(
                        () -> hal.calendarFeeds().revoke(List.of(halFeed).get(0).id() + "-not"))
                .isInstanceOf(NotFoundException.class);
    }
}
