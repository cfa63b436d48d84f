package org.linkway.conformance.broken;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.conformance.Profile;
import org.linkway.conformance.SuiteResult;
import org.linkway.server.testing.LinkwayTestServer;

/** FH-05 against a server whose ServiceRequest lacks R4's required subject: LW-FHR-005 fails, nothing else. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class InvalidFhirVariantTest {

    @RegisterExtension
    static final LinkwayTestServer testServer = LinkwayTestServer.sqlite();

    @Test
    void a_service_request_without_its_subject_fails_LW_FHR_005_only() {
        BreakingProxy.Breakage noSubject = new BreakingProxy.Breakage() {
            @Override
            public BreakingProxy.Reply after(BreakingProxy.Request r, BreakingProxy.Reply reply, BreakingProxy up) {
                if (!r.path().startsWith("/fhir/R4/ServiceRequest/") || reply.status() != 200) {
                    return reply;
                }
                return KitRun.withJson(reply, sr -> sr.remove("subject"));
            }
        };
        SuiteResult result = KitRun.through(testServer.server(), noSubject, Profile.FHIR, "FH-05");
        BrokenVariantsTest.failsExactlyOn(result, "LW-FHR-005", Set.of());
        assertThat(result.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("ServiceRequest"));
    }
}
