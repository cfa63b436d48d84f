package org.linkway.conformance.broken;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.conformance.Outcome;
import org.linkway.conformance.Profile;
import org.linkway.conformance.SuiteResult;
import org.linkway.server.testing.LinkwayTestServer;

/** RR-38 from both sides: the reference server keeps every script; one that stores Latin-1 fails LW-REF-045 only. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MangledTextVariantTest {

    @RegisterExtension
    static final LinkwayTestServer testServer = LinkwayTestServer.sqlite();

    private SuiteResult run(BreakingProxy.Breakage breakage) {
        return KitRun.through(testServer.server(), breakage, Profile.REFERRAL_RECEIVER, "RR-38");
    }

    @Test
    void the_reference_server_reads_back_every_script() {
        assertThat(KitRun.outcomes(run(Breakages.none()), "RR-38")).containsExactly(Outcome.PASS);
    }

    @Test
    void a_server_whose_store_is_latin_1_fails_LW_REF_045_only() {
        BreakingProxy.Breakage latin1 = new BreakingProxy.Breakage() {
            @Override
            public BreakingProxy.Reply after(BreakingProxy.Request r, BreakingProxy.Reply reply, BreakingProxy up) {
                if (!r.method().equals("GET") || !r.path().startsWith("/v1/referrals/")) {
                    return reply;
                }
                // what a single-byte column gives back: everything outside Latin-1 as '?'
                byte[] stored = new String(reply.body(), StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1);
                String read = new String(stored, StandardCharsets.ISO_8859_1);
                return new BreakingProxy.Reply(reply.status(), reply.headers(), read.getBytes(StandardCharsets.UTF_8));
            }
        };
        SuiteResult result = run(latin1);
        BrokenVariantsTest.failsExactlyOn(result, "LW-REF-045", Set.of());
        assertThat(result.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("read back"));
    }
}
