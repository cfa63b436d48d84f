package org.linkway.conformance.broken;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
import org.linkway.server.LinkwayServer;
import org.linkway.server.testing.LinkwayTestServer;

/**
 * SE-05 from both sides: the reference server refuses every token the kit forges, and a server
 * that lets an unsigned or {@code alg: none} token through fails LW-SEC-006 and nothing else.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ForgedTokenVariantsTest {

    @RegisterExtension
    static final LinkwayTestServer testServer = LinkwayTestServer.sqlite();

    private SuiteResult run(BreakingProxy.Breakage breakage) {
        LinkwayServer server = testServer.server();
        String admin = DevAdmin.token(server);
        try (BreakingProxy proxy = BreakingProxy.passingTokens("http://127.0.0.1:" + server.port(), admin, breakage)) {
            return ConformanceSuite.run(KitConfig.builder(proxy.url())
                    .profiles(EnumSet.of(Profile.SECURITY))
                    .only(List.of("SE-05"))
                    .token(admin)
                    .build());
        }
    }

    @Test
    void the_reference_server_refuses_every_forged_token() {
        assertThat(run(Breakages.none()).results())
                .filteredOn(r -> r.id().equals("SE-05"))
                .extracting(TestResult::outcome)
                .containsExactly(Outcome.PASS);
    }

    @Test
    void a_server_that_takes_unsigned_tokens_fails_LW_SEC_006_only() {
        String admin = DevAdmin.token(testServer.server());
        BreakingProxy.Breakage unsignedAccepted = new BreakingProxy.Breakage() {
            @Override
            public Object before(BreakingProxy.Request r, BreakingProxy up) {
                String auth = r.header("authorization");
                if (auth != null && auth.startsWith("Bearer ") && unsigned(auth.substring(7))) {
                    return r.withHeader("authorization", "Bearer " + admin);
                }
                return r;
            }
        };
        SuiteResult result = run(unsignedAccepted);
        BrokenVariantsTest.failsExactlyOn(result, "LW-SEC-006", Set.of());
        assertThat(result.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("alg none"));
    }

    private static boolean unsigned(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        return parts[2].isEmpty() || header.contains("\"none\"");
    }
}
