package org.linkway.conformance.broken;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.conformance.ConformanceSuite;
import org.linkway.conformance.DevAdmin;
import org.linkway.conformance.KitConfig;
import org.linkway.conformance.Outcome;
import org.linkway.conformance.Profile;
import org.linkway.conformance.SuiteResult;
import org.linkway.conformance.TestResult;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.LinkwayServer;
import org.linkway.server.testing.LinkwayTestServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** EV-08 from both sides: the reference server's feed has every record; a status-only feed fails LW-EVT-011 only. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StatusOnlyFeedVariantTest {

    @RegisterExtension
    static final LinkwayTestServer testServer = LinkwayTestServer.sqlite();

    private SuiteResult run(BreakingProxy.Breakage breakage) {
        LinkwayServer server = testServer.server();
        try (BreakingProxy proxy =
                new BreakingProxy("http://127.0.0.1:" + server.port(), DevAdmin.token(server), breakage)) {
            return ConformanceSuite.run(KitConfig.builder(proxy.url())
                    .profiles(EnumSet.of(Profile.EVENTS))
                    .only(List.of("EV-08"))
                    .build());
        }
    }

    @Test
    void the_reference_server_feed_has_every_record() {
        assertThat(run(Breakages.none()).results())
                .filteredOn(r -> r.id().equals("EV-08"))
                .extracting(TestResult::outcome)
                .containsExactly(Outcome.PASS);
    }

    @Test
    void a_feed_of_status_changes_only_fails_LW_EVT_011_only() {
        BreakingProxy.Breakage statusOnly = new BreakingProxy.Breakage() {
            @Override
            public BreakingProxy.Reply after(BreakingProxy.Request r, BreakingProxy.Reply reply, BreakingProxy up) {
                if (!r.method().equals("GET") || !r.path().startsWith("/v1/events") || reply.status() != 200) {
                    return reply;
                }
                ObjectNode page = (ObjectNode) LinkwayJson.mapper().readTree(reply.body());
                ArrayNode kept = LinkwayJson.mapper().createArrayNode();
                for (JsonNode e : page.path("items")) {
                    if (e.path("type").asString("").startsWith("referral.")) {
                        kept.add(e);
                    }
                }
                page.set("items", kept);
                return new BreakingProxy.Reply(
                        reply.status(),
                        reply.headers(),
                        LinkwayJson.mapper().writeValueAsString(page).getBytes(StandardCharsets.UTF_8));
            }
        };
        SuiteResult result = run(statusOnly);
        BrokenVariantsTest.failsExactlyOn(result, "LW-EVT-011", Set.of());
    }
}
