package org.linkway.conformance.broken;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.conformance.DevAdmin;
import org.linkway.conformance.Outcome;
import org.linkway.conformance.Profile;
import org.linkway.conformance.SuiteResult;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;

/**
 * LP-01 and LP-02 from both sides, as the link worker service (its own token): the reference server
 * passes; one whose caseload forgets what was assigned fails LW-LWP-002 only, and one that never
 * names a possible duplicate fails LW-LWP-008 only.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CaseloadVariantsTest {

    @RegisterExtension
    static final LinkwayTestServer testServer = LinkwayTestServer.sqlite();

    private SuiteResult run(BreakingProxy.Breakage breakage, String... ids) {
        String linkWorker = DevAdmin.mint(testServer.server(), Role.LINK_WORKER, "8EC41");
        return KitRun.through(testServer.server(), linkWorker, breakage, Profile.LINK_WORKER_PRACTICE, ids);
    }

    @Test
    void the_reference_server_passes_both() {
        SuiteResult result = run(Breakages.none(), "LP-01", "LP-02");
        assertThat(KitRun.outcomes(result, "LP-01")).containsExactly(Outcome.PASS);
        assertThat(KitRun.outcomes(result, "LP-02")).containsExactly(Outcome.PASS);
    }

    @Test
    void a_server_whose_caseload_is_always_empty_fails_LW_LWP_002_only() {
        BreakingProxy.Breakage forgetful = new BreakingProxy.Breakage() {
            @Override
            public BreakingProxy.Reply after(BreakingProxy.Request r, BreakingProxy.Reply reply, BreakingProxy up) {
                if (!r.method().equals("GET") || !r.path().startsWith("/v1/caseload") || reply.status() != 200) {
                    return reply;
                }
                return KitRun.withJson(reply, page -> {
                    page.putArray("items");
                    page.putNull("nextCursor");
                });
            }
        };
        BrokenVariantsTest.failsExactlyOn(run(forgetful, "LP-01"), "LW-LWP-002", Set.of("LW-LWP-001"));
    }

    @Test
    void a_server_that_never_names_a_possible_duplicate_fails_LW_LWP_008_only() {
        BreakingProxy.Breakage silent = new BreakingProxy.Breakage() {
            @Override
            public BreakingProxy.Reply after(BreakingProxy.Request r, BreakingProxy.Reply reply, BreakingProxy up) {
                if (!r.method().equals("POST") || !r.path().equals("/v1/referrals")) {
                    return reply;
                }
                Map<String, List<String>> headers = new java.util.HashMap<>(reply.headers());
                headers.keySet().removeIf(h -> h.equalsIgnoreCase("Linkway-Possible-Duplicates"));
                return new BreakingProxy.Reply(reply.status(), headers, reply.body());
            }
        };
        BrokenVariantsTest.failsExactlyOn(run(silent, "LP-02"), "LW-LWP-008", Set.of("LW-LWP-009"));
    }
}
