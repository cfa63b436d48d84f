package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.server.appointments.AppointmentSettings;
import org.linkway.server.security.Role;
import org.linkway.server.security.SubjectTokens;
import org.linkway.server.testing.LinkwayTestServer;

/**
 * Reminders: raised once per appointment start, the lead time before it, by the sweeper on the
 * server's clock (moved by the test, never waited for); again after a reschedule, never for a
 * cancelled appointment, and not again by a second server process on the same database.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AppointmentRemindersTest {

    static final SettableClock CLOCK = new SettableClock(Instant.parse("2027-02-01T08:00:00Z"));

    @RegisterExtension
    static final LinkwayTestServer server = LinkwayTestServer.sqlite()
            .clock(CLOCK)
            // the sweeper's own timer is slow here: the test sweeps when it wants to
            .configure(c -> c.withAppointments(new AppointmentSettings(Duration.ofHours(24), Duration.ofHours(1))));

    static String referralId;

    @BeforeAll
    static void referral() {
        referralId = new ApiClient(server.port())
                .postJson("/v1/referrals", ReferralApiContract.example(ReferralApiContract.FULL))
                .json()
                .path("id")
                .asString();
    }

    static ApiClient lw() {
        return new ApiClient(server.port(), SubjectTokens.mint(server.port(), Role.LINK_WORKER, "8EC41", "bo@8EC41"));
    }

    static ApiClient.Answer book(Instant start) {
        return lw().postJson(
                        "/v1/referrals/" + referralId + "/appointments",
                        "{\"start\":\"" + start + "\",\"durationMinutes\":30,\"method\":\"video\"}");
    }

    static List<String> reminders() {
        return new ApiClient(server.port())
                .get("/v1/referrals/" + referralId + "/events")
                .json()
                .path("items")
                .valueStream()
                .filter(e -> e.path("type").asString().equals("appointment.reminder"))
                .map(e -> e.path("resourceId").asString() + "@"
                        + e.path("data").path("start").asString())
                .toList();
    }

    @Test
    void once_per_start_again_after_a_reschedule_never_when_cancelled_and_not_after_a_restart() throws Exception {
        Instant now = CLOCK.instant();
        ApiClient.Answer kept = book(now.plus(Duration.ofHours(48)));
        String keptId = kept.json().path("id").asString();
        ApiClient.Answer cancelled = book(now.plus(Duration.ofHours(47)));
        assertThat(lw().send(
                                "POST",
                                cancelled.header("Location") + "/transitions",
                                "{\"to\":\"cancelled\",\"reason\":\"clash with a hospital appointment\"}",
                                "Content-Type",
                                "application/json",
                                "If-Match",
                                "\"1\"")
                        .status())
                .isEqualTo(200);

        assertThat(server.server().sweepAppointmentReminders()).isZero(); // two days ahead: not yet
        CLOCK.advance(Duration.ofHours(25)); // 23 hours before the kept one starts
        assertThat(server.server().sweepAppointmentReminders()).isEqualTo(1);
        assertThat(server.server().sweepAppointmentReminders()).isZero();
        assertThat(reminders()).containsExactly(keptId + "@" + now.plus(Duration.ofHours(48)));

        // a second process on the same database (as after a restart) finds it raised
        Path other = Files.createTempDirectory("linkway-restart");
        try (LinkwayServer again =
                LinkwayServer.start(ServerConfig.forTests(other).withDatabaseUrl(server.databaseUrl()), CLOCK)) {
            assertThat(again.sweepAppointmentReminders()).isZero();
        }
        assertThat(reminders()).hasSize(1);

        // rescheduled to a day later: a new start, so a new reminder when it falls due
        Instant later = now.plus(Duration.ofHours(72));
        assertThat(lw().send(
                                "PATCH",
                                kept.header("Location"),
                                "{\"start\":\"" + later + "\"}",
                                "Content-Type",
                                "application/json",
                                "If-Match",
                                "\"1\"")
                        .status())
                .isEqualTo(200);
        assertThat(server.server().sweepAppointmentReminders()).isZero();
        CLOCK.advance(Duration.ofHours(24));
        assertThat(server.server().sweepAppointmentReminders()).isEqualTo(1);
        assertThat(reminders()).containsExactly(keptId + "@" + now.plus(Duration.ofHours(48)), keptId + "@" + later);
        CLOCK.advance(Duration.ofHours(48)); // past every start: nothing more
        assertThat(server.server().sweepAppointmentReminders()).isZero();
    }
}
