package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linkway.server.TimeRuleFixtures.SERVICE;
import static org.linkway.server.TimeRuleFixtures.create;
import static org.linkway.server.TimeRuleFixtures.overdue;
import static org.linkway.server.TimeRuleFixtures.referralDated;
import static org.linkway.server.WebhookReceiver.eventually;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linkway.server.security.DevTokens;
import org.linkway.server.security.Role;
import org.linkway.server.timerules.TimeRuleSettings;
import tools.jackson.databind.JsonNode;

/**
 * A restart on the same data neither repeats an overdue already raised nor loses one that fell
 * due while the server was down: the sweep at start finds it. Webhook subscribers receive them.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TimeRulesRestartTest {

    @TempDir
    Path data;

    private static ApiClient linkWorker(LinkwayServer s) {
        return new ApiClient(s.port(), DevTokens.forPort(s.port()).orElseThrow().mint(Role.LINK_WORKER, SERVICE));
    }

    @Test
    void a_restart_neither_repeats_nor_loses_an_overdue() {
        MovableClock clock = TimeRuleFixtures.startingNow();
        ServerConfig manual = ServerConfig.forTests(data);
        String raisedBefore;
        String dueWhileDown;
        try (LinkwayServer one = LinkwayServer.start(manual, clock)) {
            clock.set("2026-03-04T12:00:00Z");
            raisedBefore = create(linkWorker(one), referralDated("2026-03-02T10:41:00Z")); // due by Thursday 5 March
            dueWhileDown = create(linkWorker(one), referralDated("2026-03-04T09:00:00Z")); // due by Monday 9 March
            clock.set("2026-03-06T00:00:00Z");
            one.sweepTimeRules();
            assertThat(overdue(new ApiClient(one.port()), raisedBefore)).hasSize(1);
            assertThat(overdue(new ApiClient(one.port()), dueWhileDown)).isEmpty();
            clock.set("2026-03-10T08:00:00Z"); // the second falls due while no server sweeps
        }
        ServerConfig sweeping = manual.withTimeRules(TimeRuleSettings.DEFAULTS.sweepingEvery(Duration.ofMillis(100)));
        try (LinkwayServer two = LinkwayServer.start(sweeping, clock)) {
            eventually(
                    "the sweep at start raises what fell due while the server was down",
                    () -> overdue(new ApiClient(two.port()), dueWhileDown).size() == 1);
            two.sweepTimeRules();
            two.sweepTimeRules();
            JsonNode late = overdue(new ApiClient(two.port()), dueWhileDown).get(0);
            assertThat(late.path("dueDate").asString()).isEqualTo("2026-03-09");
            assertThat(overdue(new ApiClient(two.port()), dueWhileDown)).hasSize(1);
            assertThat(overdue(new ApiClient(two.port()), raisedBefore)).hasSize(1);
        }
    }

    @Test
    void an_overdue_is_delivered_by_webhook_like_every_event() throws Exception {
        MovableClock clock = TimeRuleFixtures.startingNow();
        try (WebhookReceiver receiver = WebhookReceiver.start();
                LinkwayServer s =
                        LinkwayServer.start(ServerConfig.forTests(data).withWebhooks(WebhookContract.FAST), clock)) {
            clock.set("2026-03-02T12:00:00Z");
            ApiClient admin = new ApiClient(s.port());
            assertThat(admin.postJson("/v1/subscriptions", "{\"url\":\"" + receiver.url() + "\",\"after\":0}")
                            .status())
                    .isEqualTo(201);
            String id = create(linkWorker(s), referralDated("2026-03-02T10:41:00Z"));
            clock.set("2026-03-06T00:00:00Z");
            s.sweepTimeRules();
            eventually(
                    "the overdue event delivered",
                    () -> WebhookContract.delivered(receiver).values().stream()
                            .anyMatch(e -> e.path("type").asString().equals("referral.overdue")
                                    && e.path("referralId").asString().equals(id)
                                    && e.path("data").path("rule").asString().equals("first-contact")));
        }
    }
}
