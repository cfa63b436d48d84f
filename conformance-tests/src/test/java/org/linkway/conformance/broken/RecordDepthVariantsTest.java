package org.linkway.conformance.broken;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.conformance.Profile;
import org.linkway.conformance.SuiteResult;
import org.linkway.server.testing.LinkwayTestServer;

/**
 * RR-40 and RR-41 against servers that treat one journey record route less carefully than the
 * referral route: each fails the one requirement it breaks.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RecordDepthVariantsTest {

    @RegisterExtension
    static final LinkwayTestServer testServer = LinkwayTestServer.sqlite();

    private SuiteResult run(BreakingProxy.Breakage breakage) {
        return KitRun.through(testServer.server(), breakage, Profile.REFERRAL_RECEIVER, "RR-40", "RR-41");
    }

    @Test
    void a_server_that_forgets_idempotency_on_signposts_fails_LW_REF_047_only() {
        BreakingProxy.Breakage noKey = new BreakingProxy.Breakage() {
            @Override
            public Object before(BreakingProxy.Request r, BreakingProxy up) {
                if (r.method().equals("POST") && r.path().endsWith("/signposts")) {
                    return r.withHeader("idempotency-key", "kit-variant-" + System.nanoTime());
                }
                return r;
            }
        };
        SuiteResult result = run(noKey);
        BrokenVariantsTest.failsExactlyOn(result, "LW-REF-047", Set.of());
        assertThat(result.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("/signposts"));
    }

    @Test
    void a_server_that_does_not_validate_contacts_fails_LW_REF_048_only() throws IOException {
        String valid;
        try (InputStream in =
                getClass().getResourceAsStream("/org/linkway/schemas/examples/valid/contact-record--first-call.json")) {
            assertThat(in).as("the valid contact example on the classpath").isNotNull();
            valid = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        BreakingProxy.Breakage unchecked = new BreakingProxy.Breakage() {
            @Override
            public Object before(BreakingProxy.Request r, BreakingProxy up) {
                // what a route with no validator does: stores whatever came, here by swapping in a record the real
                // server keeps
                if (r.method().equals("POST")
                        && r.path().endsWith("/contacts")
                        && r.text().contains("email")) {
                    return r.withBody(valid);
                }
                return r;
            }
        };
        SuiteResult result = run(unchecked);
        BrokenVariantsTest.failsExactlyOn(result, "LW-REF-048", Set.of());
        assertThat(result.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("/contacts"));
    }
}
