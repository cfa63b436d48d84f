package org.linkway.conformance.broken;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.conformance.Outcome;
import org.linkway.conformance.Profile;
import org.linkway.conformance.SuiteResult;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.testing.LinkwayTestServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** EV-08 from both sides: the reference server's feed has every record; a status-only feed fails LW-EVT-011 only. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StatusOnlyFeedVariantTest {

    @RegisterExtension
    static final LinkwayTestServer testServer = LinkwayTestServer.sqlite();

    private SuiteResult run(BreakingProxy.Breakage breakage) {
        return KitRun.through(testServer.server(), breakage, Profile.EVENTS, "EV-08");
    }

    @Test
    void the_reference_server_feed_has_every_record() {
        assertThat(KitRun.outcomes(run(Breakages.none()), "EV-08")).containsExactly(Outcome.PASS);
    }

    @Test
    void a_feed_of_status_changes_only_fails_LW_EVT_011_only() {
        BreakingProxy.Breakage statusOnly = new BreakingProxy.Breakage() {
            @Override
            public BreakingProxy.Reply after(BreakingProxy.Request r, BreakingProxy.Reply reply, BreakingProxy up) {
                if (!r.method().equals("GET") || !r.path().startsWith("/v1/events") || reply.status() != 200) {
                    return reply;
                }
                return KitRun.withJson(reply, page -> {
                    ArrayNode kept = LinkwayJson.mapper().createArrayNode();
                    for (JsonNode e : page.path("items")) {
                        if (e.path("type").asString("").startsWith("referral.")) {
                            kept.add(e);
                        }
                    }
                    page.set("items", kept);
                });
            }
        };
        SuiteResult result = run(statusOnly);
        BrokenVariantsTest.failsExactlyOn(result, "LW-EVT-011", Set.of());
    }
}
