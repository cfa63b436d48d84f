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
import org.linkway.conformance.Profile;
import org.linkway.conformance.SuiteResult;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.LinkwayServer;
import org.linkway.server.testing.LinkwayTestServer;
import tools.jackson.databind.node.ObjectNode;

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
                ObjectNode sr = (ObjectNode) LinkwayJson.mapper().readTree(reply.body());
                sr.remove("subject");
                return new BreakingProxy.Reply(
                        reply.status(),
                        reply.headers(),
                        LinkwayJson.mapper().writeValueAsString(sr).getBytes(StandardCharsets.UTF_8));
            }
        };
        LinkwayServer server = testServer.server();
        SuiteResult result;
        try (BreakingProxy proxy =
                new BreakingProxy("http://127.0.0.1:" + server.port(), DevAdmin.token(server), noSubject)) {
            result = ConformanceSuite.run(KitConfig.builder(proxy.url())
                    .profiles(EnumSet.of(Profile.FHIR))
                    .only(List.of("FH-05"))
                    .build());
        }
        BrokenVariantsTest.failsExactlyOn(result, "LW-FHR-005", Set.of());
        assertThat(result.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("ServiceRequest"));
    }
}
