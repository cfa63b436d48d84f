package org.linkway.conformance.broken;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.conformance.Outcome;
import org.linkway.conformance.Profile;
import org.linkway.conformance.SuiteResult;
import org.linkway.server.testing.LinkwayTestServer;

/**
 * LP-40 and LP-41 from both sides: the reference server passes them; a server that reads an
 * appointment back an hour off fails LW-LWP-040 only, and one that lets a cancelled appointment
 * be marked attended fails LW-LWP-041 only.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AppointmentVariantsTest {

    private static final Pattern ONE_APPOINTMENT = Pattern.compile("/v1/referrals/[^/]+/appointments/[^/]+");
    private static final Pattern TRANSITION = Pattern.compile("/v1/referrals/[^/]+/appointments/[^/]+/transitions");

    @RegisterExtension
    static final LinkwayTestServer testServer = LinkwayTestServer.sqlite();

    private SuiteResult run(BreakingProxy.Breakage breakage, String id) {
        return KitRun.through(testServer.server(), breakage, Profile.LINK_WORKER_PRACTICE, id);
    }

    @Test
    void the_reference_server_passes_both() {
        assertThat(KitRun.outcomes(run(Breakages.none(), "LP-40"), "LP-40")).containsExactly(Outcome.PASS);
        assertThat(KitRun.outcomes(run(Breakages.none(), "LP-41"), "LP-41")).containsExactly(Outcome.PASS);
    }

    @Test
    void a_server_that_reads_back_another_time_fails_LW_LWP_040_only() {
        BreakingProxy.Breakage shifted = new BreakingProxy.Breakage() {
            @Override
            public BreakingProxy.Reply after(BreakingProxy.Request r, BreakingProxy.Reply reply, BreakingProxy up) {
                if (!r.method().equals("GET")
                        || !ONE_APPOINTMENT.matcher(r.path()).matches()
                        || reply.status() != 200) {
                    return reply;
                }
                return KitRun.withJson(
                        reply,
                        doc -> doc.put(
                                "start",
                                Instant.parse(doc.path("start").asString())
                                        .plusSeconds(3600)
                                        .toString()));
            }
        };
        BrokenVariantsTest.failsExactlyOn(run(shifted, "LP-40"), "LW-LWP-040", Set.of());
    }

    @Test
    void a_server_that_marks_a_cancelled_appointment_attended_fails_LW_LWP_041_only() {
        BreakingProxy.Breakage anything = new BreakingProxy.Breakage() {
            @Override
            public Object before(BreakingProxy.Request r, BreakingProxy up) {
                String body = r.body() == null ? "" : new String(r.body(), StandardCharsets.UTF_8);
                if (r.method().equals("POST") && TRANSITION.matcher(r.path()).matches() && body.contains("attended")) {
                    return BreakingProxy.Reply.json(200, "{\"status\":\"attended\"}", "application/json");
                }
                return r;
            }
        };
        BrokenVariantsTest.failsExactlyOn(run(anything, "LP-41"), "LW-LWP-041", Set.of());
    }
}
