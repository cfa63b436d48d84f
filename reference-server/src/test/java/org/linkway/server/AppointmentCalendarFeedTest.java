package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.server.security.Role;
import org.linkway.server.security.SubjectTokens;
import org.linkway.server.testing.LinkwayTestServer;
import tools.jackson.databind.JsonNode;

/**
 * The calendar feed from the calendar program's side: it has only the URL the link worker
 * pasted in, sends no Authorization header, and reads iCalendar with ical4j. One event per
 * appointment of that link worker, a stable UID, SEQUENCE up at a reschedule, STATUS:CANCELLED,
 * no NHS number or name; refused once revoked. Also: attended and DNA counts in the report.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AppointmentCalendarFeedTest {

    static final SettableClock CLOCK = new SettableClock(Instant.parse("2027-03-08T08:00:00Z"));

    @RegisterExtension
    static final LinkwayTestServer server = LinkwayTestServer.sqlite().clock(CLOCK);

    static String referralId;
    static final HttpClient CALENDAR_PROGRAM =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void referral() {
        referralId = new ApiClient(server.port())
                .postJson("/v1/referrals", ReferralApiContract.example(ReferralApiContract.FULL))
                .json()
                .path("id")
                .asString();
    }

    static ApiClient as(String subject) {
        return new ApiClient(server.port(), SubjectTokens.mint(server.port(), Role.LINK_WORKER, "8EC41", subject));
    }

    static ApiClient.Answer book(ApiClient who, Instant start, String method, String extra) {
        return who.postJson(
                "/v1/referrals/" + referralId + "/appointments",
                "{\"start\":\"" + start + "\",\"durationMinutes\":60,\"method\":\"" + method + "\"" + extra + "}");
    }

    static HttpResponse<String> fetch(String url) throws Exception {
        return CALENDAR_PROGRAM.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(20))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_calendar_program_subscribes_with_the_url_alone_until_it_is_revoked() throws Exception {
        ApiClient cy = as("cy@8EC41");
        Instant start = CLOCK.instant().plus(Duration.ofDays(2));
        ApiClient.Answer venue = book(
                cy,
                start,
                "face-to-face",
                ",\"address\":\"Eastmere Library, Mill Lane\",\"notes\":\"prefers mornings\"");
        ApiClient.Answer moved = book(cy, start.plus(Duration.ofDays(1)), "telephone", "");
        ApiClient.Answer dropped = book(cy, start.plus(Duration.ofDays(2)), "home-visit", "");
        book(as("dee@8EC41"), start, "video", ""); // another link worker's: not in cy's calendar
        assertThat(cy.send(
                                "PATCH",
                                moved.header("Location"),
                                "{\"start\":\"" + start.plus(Duration.ofDays(3)) + "\"}",
                                "Content-Type",
                                "application/json",
                                "If-Match",
                                "\"1\"")
                        .status())
                .isEqualTo(200);
        assertThat(cy.send(
                                "POST",
                                dropped.header("Location") + "/transitions",
                                "{\"to\":\"cancelled\",\"reason\":\"the person is in hospital\"}",
                                "Content-Type",
                                "application/json",
                                "If-Match",
                                "\"1\"")
                        .status())
                .isEqualTo(200);

        ApiClient.Answer created = cy.post("/v1/calendar-feeds", null);
        assertThat(created.status()).isEqualTo(201);
        String url = created.json().path("url").asString();
        assertThat(url).startsWith(server.url() + "/v1/appointments.ics?token=");

        HttpResponse<String> answer = fetch(url);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(answer.body()));
        List<VEvent> events = calendar.getComponents("VEVENT");
        Map<String, VEvent> byUid = events.stream().collect(Collectors.toMap(e -> value(e, Property.UID), e -> e));
        assertThat(byUid).hasSize(3);
        VEvent atVenue = byUid.get(uid(venue));
        assertThat(value(atVenue, Property.LOCATION)).isEqualTo("Eastmere Library, Mill Lane");
        assertThat(value(atVenue, Property.SUMMARY)).contains("MA");
        assertThat(value(atVenue, Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(atVenue, Property.DTSTART)).isEqualTo("20270310T080000Z");
        assertThat(value(byUid.get(uid(moved)), Property.SEQUENCE)).isEqualTo("1");
        assertThat(value(byUid.get(uid(dropped)), Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(answer.body())
                .doesNotContain("9992174439")
                .doesNotContain("Ashdown")
                .doesNotContain("Maureen")
                .doesNotContain("prefers mornings");

        // the same URL again: the same UIDs, so the program updates rather than duplicates
        Calendar again = new CalendarBuilder().build(new StringReader(fetch(url).body()));
        assertThat(again.<VEvent>getComponents("VEVENT").stream().map(e -> value(e, Property.UID)))
                .containsExactlyInAnyOrderElementsOf(byUid.keySet());

        assertThat(fetch(server.url() + "/v1/appointments.ics?token=not-a-feed").statusCode())
                .isEqualTo(404);
        JsonNode listed = cy.get("/v1/calendar-feeds").json().path("items");
        assertThat(listed.findValuesAsString("id"))
                .containsExactly(created.json().path("id").asString());
        assertThat(listed.toString()).doesNotContain(url.substring(url.indexOf('=') + 1));
        assertThat(as("dee@8EC41")
                        .delete("/v1/calendar-feeds/"
                                + created.json().path("id").asString())
                        .status())
                .isEqualTo(404); // only its owner revokes it
        assertThat(cy.delete("/v1/calendar-feeds/" + created.json().path("id").asString())
                        .status())
                .isEqualTo(204);
        HttpResponse<String> revoked = fetch(url);
        assertThat(revoked.statusCode()).isEqualTo(404);
        assertThat(revoked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void only_a_link_worker_makes_a_feed() {
        ApiClient referrer = new ApiClient(server.port(), server.token(Role.REFERRER, "Y03146"));
        assertThat(referrer.post("/v1/calendar-feeds", null).status()).isEqualTo(403);
        assertThat(new ApiClient(server.port(), null)
                        .post("/v1/calendar-feeds", null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void attended_and_missed_sessions_are_counted_in_the_report_with_small_numbers_hidden() {
        ApiClient eve = as("eve@8EC41");
        Instant start = CLOCK.instant().plus(Duration.ofHours(1));
        List<String> attended = new java.util.ArrayList<>();
        List<String> missed = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            attended.add(book(eve, start, "telephone", "").header("Location"));
        }
        for (int i = 0; i < 9; i++) {
            missed.add(book(eve, start, "telephone", "").header("Location"));
        }
        String cancelled = book(eve, start, "telephone", "").header("Location");
        eve.send(
                "POST",
                cancelled + "/transitions",
                "{\"to\":\"cancelled\",\"reason\":\"unwell\"}",
                "Content-Type",
                "application/json",
                "If-Match",
                "\"1\"");
        CLOCK.advance(Duration.ofHours(2));
        attended.forEach(
                at -> assertThat(outcome(as("eve@8EC41"), at, "attended")).isEqualTo(200));
        missed.subList(0, 2)
                .forEach(at -> assertThat(outcome(as("eve@8EC41"), at, "did-not-attend"))
                        .isEqualTo(200));

        // 10 and 2 under the disclosure method: the 2 is hidden, the 10 shown (rounded to 5s, it stays 10), and the row
        // total is the sum of what is shown, so it gives the 2 away no more than the cells do
        JsonNode report = reportJson();
        JsonNode cells = appointmentRow(report).path("cells");
        assertThat(cells.path("attended").asLong()).isEqualTo(10);
        assertThat(cells.path("did-not-attend").asString()).isEqualTo("*");
        assertThat(appointmentRow(report).path("total").asLong()).isEqualTo(10);

        missed.subList(2, 9)
                .forEach(at -> assertThat(outcome(as("eve@8EC41"), at, "did-not-attend"))
                        .isEqualTo(200));
        cells = appointmentRow(reportJson()).path("cells");
        assertThat(cells.path("attended").asLong()).isEqualTo(10);
        // 9 missed (the cancelled one counts in neither), published rounded to the nearest 5
        assertThat(cells.path("did-not-attend").asLong()).isEqualTo(10);
    }

    private static JsonNode reportJson() {
        ApiClient commissioner = new ApiClient(server.port(), server.token(Role.COMMISSIONER, "QEM"));
        return commissioner
                .get("/v1/reports/process-measures?from=2027-03&to=2027-03")
                .json();
    }

    private static JsonNode appointmentRow(JsonNode report) {
        JsonNode section = report.path("sections")
                .valueStream()
                .filter(s -> s.path("id").asString().equals("process.appointments"))
                .findFirst()
                .orElseThrow();
        assertThat(section.path("rows")).hasSize(1);
        return section.path("rows").path(0);
    }

    private static int outcome(ApiClient who, String at, String to) {
        return who.send(
                        "POST",
                        at + "/transitions",
                        "{\"to\":\"" + to + "\"}",
                        "Content-Type",
                        "application/json",
                        "If-Match",
                        "\"1\"")
                .status();
    }

    private static String uid(ApiClient.Answer booked) {
        return booked.json().path("id").asString() + "@appointments.linkway";
    }

    private static String value(VEvent e, String name) {
        return e.getProperty(name).map(Property::getValue).orElse(null);
    }
}
