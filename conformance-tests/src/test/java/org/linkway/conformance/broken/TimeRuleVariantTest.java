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
import org.linkway.server.testing.LinkwayTestServer;
import tools.jackson.databind.node.ArrayNode;

/**
 * TR-01 to TR-03 from both sides: the reference server keeps and checks its time rules and lists
 * its overdue referrals; a server that stores bad rules fails LW-LWP-021 only, one whose overdue
 * list is empty fails LW-LWP-022 only, and one that ignores a stale If-Match fails LW-LWP-020 only.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TimeRuleVariantTest {

    @RegisterExtension
    static final LinkwayTestServer testServer = LinkwayTestServer.sqlite();

    private SuiteResult run(BreakingProxy.Breakage breakage, String id) {
        return KitRun.through(testServer.server(), breakage, Profile.LINK_WORKER_PRACTICE, id);
    }

    @Test
    void the_reference_server_passes_every_time_rule_test() {
        for (String id : new String[] {"TR-01", "TR-02", "TR-03"}) {
            assertThat(KitRun.outcomes(run(Breakages.none(), id), id)).as(id).containsExactly(Outcome.PASS);
        }
    }

    @Test
    void a_server_that_stores_rules_it_should_refuse_fails_LW_LWP_021_only() {
        BreakingProxy.Breakage lax = new BreakingProxy.Breakage() {
            @Override
            public BreakingProxy.Reply after(BreakingProxy.Request r, BreakingProxy.Reply reply, BreakingProxy up) {
                if (r.method().equals("PUT") && r.path().startsWith("/v1/time-rules") && reply.status() == 422) {
                    return BreakingProxy.Reply.json(200, r.text(), "application/json");
                }
                return reply;
            }
        };
        BrokenVariantsTest.failsExactlyOn(run(lax, "TR-02"), "LW-LWP-021", Set.of());
    }

    @Test
    void a_server_whose_overdue_list_is_always_empty_fails_LW_LWP_022_only() {
        BreakingProxy.Breakage blind = new BreakingProxy.Breakage() {
            @Override
            public BreakingProxy.Reply after(BreakingProxy.Request r, BreakingProxy.Reply reply, BreakingProxy up) {
                if (!r.method().equals("GET") || !r.path().contains("overdue=true") || reply.status() != 200) {
                    return reply;
                }
                return KitRun.withJson(reply, page -> ((ArrayNode) page.path("items")).removeAll());
            }
        };
        BrokenVariantsTest.failsExactlyOn(run(blind, "TR-03"), "LW-LWP-022", Set.of());
    }

    @Test
    void a_server_that_ignores_a_stale_if_match_on_time_rules_fails_LW_LWP_020_only() {
        BreakingProxy.Breakage lastWriterWins = new BreakingProxy.Breakage() {
            @Override
            public Object before(BreakingProxy.Request r, BreakingProxy up) {
                if (!r.method().equals("PUT")
                        || !r.path().startsWith("/v1/time-rules")
                        || r.header("if-match") == null) {
                    return r;
                }
                String current = up.get(r.path()).headers().entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase("ETag"))
                        .flatMap(e -> e.getValue().stream())
                        .findFirst()
                        .orElse(null);
                return current == null ? r : r.withHeader("if-match", current);
            }
        };
        BrokenVariantsTest.failsExactlyOn(run(lastWriterWins, "TR-01"), "LW-LWP-020", Set.of());
    }
}
