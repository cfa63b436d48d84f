package org.linkway.conformance.broken;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.conformance.Profile;
import org.linkway.conformance.RequirementVerdict;
import org.linkway.conformance.SuiteResult;
import org.linkway.conformance.TestResult;
import org.linkway.server.testing.LinkwayTestServer;

/**
 * A failing check of a test with several requirements blames only the requirement it checks: RR-30
 * verifies LW-REF-030 (generated referrals accepted), LW-REF-001 (201, Location, ETag, received)
 * and LW-REF-002 (read back unchanged). A server that accepts them properly but reads them back
 * with the person's preferred name changed fails LW-REF-002 alone; the other two hold.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ReadBackVerdictVariantTest {

    @RegisterExtension
    static final LinkwayTestServer testServer = LinkwayTestServer.sqlite();

    @Test
    void a_server_that_reads_back_a_changed_referral_fails_LW_REF_002_only() {
        BreakingProxy.Breakage changedOnRead = new BreakingProxy.Breakage() {
            @Override
            public BreakingProxy.Reply after(BreakingProxy.Request r, BreakingProxy.Reply reply, BreakingProxy up) {
                if (!r.method().equals("GET") || !r.path().matches("/v1/referrals/[^/?]+") || reply.status() != 200) {
                    return reply;
                }
                return KitRun.withJson(reply, body -> body.put("schemaVersion", "1.0.99"));
            }
        };
        SuiteResult result = KitRun.through(testServer.server(), changedOnRead, Profile.REFERRAL_RECEIVER, "RR-30");
        TestResult rr30 = result.results().stream()
                .filter(t -> t.id().equals("RR-30"))
                .findFirst()
                .orElseThrow();
        assertThat(rr30.verdicts())
                .isEqualTo(Map.of(
                        "LW-REF-030", RequirementVerdict.PASS,
                        "LW-REF-001", RequirementVerdict.PASS,
                        "LW-REF-002", RequirementVerdict.FAIL));
        BrokenVariantsTest.failsExactlyOn(result, "LW-REF-002", java.util.Set.of());
        assertThat(result.failedRequirements()).containsExactly("LW-REF-002");
    }

    @Test
    void through_a_transparent_proxy_every_requirement_of_RR_30_passes() {
        SuiteResult result = KitRun.through(testServer.server(), Breakages.none(), Profile.REFERRAL_RECEIVER, "RR-30");
        assertThat(result.results())
                .filteredOn(t -> t.id().equals("RR-30"))
                .singleElement()
                .satisfies(t -> assertThat(t.verdicts().values()).containsOnly(RequirementVerdict.PASS));
    }
}
