package org.linkway.conformance.broken;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.conformance.Outcome;
import org.linkway.conformance.Profile;
import org.linkway.conformance.SuiteResult;
import org.linkway.server.testing.LinkwayTestServer;

/** PR-08 from both sides: the reference server refuses a stale If-Match; one that ignores it fails LW-PRV-008 only. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StaleVersionVariantTest {

    private static final Pattern ONWARD_TRANSITION = Pattern.compile("(/v1/onward-referrals/[^/]+)/transitions");

    @RegisterExtension
    static final LinkwayTestServer testServer = LinkwayTestServer.sqlite();

    private SuiteResult run(BreakingProxy.Breakage breakage) {
        return KitRun.through(testServer.server(), breakage, Profile.PROVIDER, "PR-08");
    }

    @Test
    void the_reference_server_refuses_a_stale_version() {
        assertThat(KitRun.outcomes(run(Breakages.none()), "PR-08")).containsExactly(Outcome.PASS);
    }

    @Test
    void a_server_that_ignores_if_match_on_onward_referrals_fails_LW_PRV_008_only() {
        BreakingProxy.Breakage lastWriterWins = new BreakingProxy.Breakage() {
            @Override
            public Object before(BreakingProxy.Request r, BreakingProxy up) {
                Matcher m = ONWARD_TRANSITION.matcher(r.path());
                if (!r.method().equals("POST") || !m.matches() || r.header("if-match") == null) {
                    return r;
                }
                List<String> current = up.get(m.group(1)).headers().entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase("ETag"))
                        .flatMap(e -> e.getValue().stream())
                        .toList();
                return current.isEmpty() ? r : r.withHeader("if-match", current.get(0));
            }
        };
        SuiteResult result = run(lastWriterWins);
        BrokenVariantsTest.failsExactlyOn(result, "LW-PRV-008", Set.of());
    }
}
