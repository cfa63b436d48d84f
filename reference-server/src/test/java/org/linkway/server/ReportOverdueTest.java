package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linkway.server.TimeRuleFixtures.SERVICE;
import static org.linkway.server.TimeRuleFixtures.contactAt;
import static org.linkway.server.TimeRuleFixtures.create;
import static org.linkway.server.TimeRuleFixtures.referralDated;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;
import tools.jackson.databind.JsonNode;

/**
 * The process measures a commissioner reads after a link worker's fortnight, with the server's
 * clock moved by hand: overdue counts come from the time rules' raised events, and time to first
 * contact from the dates the record holds (the referral's date, the contact's date), not from
 * when anything was typed in.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ReportOverdueTest {

    private static final int REFERRALS = 16;

    @Test
    void overdue_counts_and_days_to_first_contact_follow_the_clinical_dates() {
        MovableClock clock = TimeRuleFixtures.startingNow();
        try (LinkwayTestServer s = LinkwayTestServer.sqlite().clock(clock).start()) {
            clock.set("2026-03-02T12:00:00Z");
            ApiClient lw = new ApiClient(s.port(), s.token(Role.LINK_WORKER, SERVICE));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < REFERRALS; i++) {
                ids.add(create(lw, referralDated("2026-03-02T10:41:00Z")));
            }
            // Friday 6 March: the third working day has passed with no contact recorded for any of them
            clock.set("2026-03-06T00:00:00Z");
            s.server().sweepTimeRules();

            // on 20 March the link worker types in the calls made on 3 March, for half of them
            clock.set("2026-03-20T09:00:00Z");
            ApiClient lwLater = new ApiClient(s.port(), s.token(Role.LINK_WORKER, SERVICE));
            for (String id : ids.subList(0, REFERRALS / 2)) {
                assertThat(lwLater.postJson("/v1/referrals/" + id + "/contacts", contactAt("2026-03-03T10:00:00Z"))
                                .status())
                        .isEqualTo(201);
            }

            ApiClient commissioner = new ApiClient(s.port(), s.token(Role.COMMISSIONER, "QEM"));
            ApiClient.Answer report = commissioner.get("/v1/reports/process-measures?from=2026-03&to=2026-03");
            assertThat(report.status()).as(report.body()).isEqualTo(200);
            JsonNode overdue = section(report.json(), "process.overdue");
            // 16 first contacts overdue, published rounded to the nearest 5
            assertThat(overdue.path("totals")
                            .path("cells")
                            .path("first-contact")
                            .asLong())
                    .isEqualTo(15);
            assertThat(overdue.path("totals").path("cells").path("follow-up").asLong())
                    .isZero();
            assertThat(overdue.path("rows"))
                    .allSatisfy(r -> assertThat(r.path("period").asString()).isEqualTo("2026-03"));

            JsonNode days = section(report.json(), "process.days-to-first-contact")
                    .path("totals")
                    .path("cells");
            // contacted a day after the referral's date (8, shown as 10), although typed in 18 days later
            assertThat(days.path("0-2").asLong()).isEqualTo(10);
            assertThat(days.path("15-28").asLong()).isZero();
            assertThat(days.path("no-contact-yet").asLong()).isEqualTo(10);

            // the referral's codes, not its words: a GP's coded role, and the registered practice from its section
            JsonNode source =
                    section(report.json(), "process.source").path("totals").path("cells");
            assertThat(source.path("general-practice").asLong()).isEqualTo(15);
            assertThat(report.json().path("suppression").path("method").asString())
                    .isEqualTo("nhs-small-numbers-1-7-round-5");
            ApiClient.Answer mds = commissioner.get("/v1/reports/minimum-dataset?from=2026-03&to=2026-03");
            JsonNode practices = section(mds.json(), "demographics.gp-practice")
                    .path("totals")
                    .path("cells");
            assertThat(practices.path("Y03146").asLong()).isEqualTo(15);
            assertThat(practices.path("not-recorded").asLong()).isZero();
        }
    }

    private static JsonNode section(JsonNode report, String id) {
        for (JsonNode s : report.path("sections")) {
            if (s.path("id").asString().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no section " + id + " in " + report);
    }
}
