package org.linkway.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.server.LinkwayServer;
import org.linkway.server.testing.LinkwayTestServer;

/** The kit against the reference server on SQLite: every required test passes. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SqliteReferenceServerTest {

    @RegisterExtension
    static final LinkwayTestServer testServer = LinkwayTestServer.sqlite();

    @Test
    void every_required_test_passes_against_the_reference_server_on_sqlite() {
        LinkwayServer server = testServer.server();
        SuiteResult result =
                ConformanceSuite.run(ReferenceServers.claimedByReference(server).build());
        System.out.println(ReferenceServers.summary(result));
        assertThat(result.failures()).as(ReferenceServers.summary(result)).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.results())
                .filteredOn(r -> r.profile() == Profile.FHIR)
                .as("the reference server's FHIR facade passes")
                .isNotEmpty()
                .allMatch(r -> r.outcome() == Outcome.PASS);
        assertThat(result.results())
                .filteredOn(r -> r.profile() == Profile.SECURITY)
                .as("tokens of a second organisation: the security tests run and pass")
                .allMatch(r -> r.outcome() == Outcome.PASS);
        assertThat(result.results())
                .filteredOn(r -> List.of("FB-06", "FB-07", "FB-08", "FB-09", "FB-16", "FB-17", "FH-04", "EV-07")
                        .contains(r.id()))
                .as("the GP practice, the referrer and another organisation each on its own token: their tests run")
                .hasSize(8)
                .allMatch(r -> r.outcome() == Outcome.PASS);
        assertThat(result.results())
                .filteredOn(
                        // the directory profile is optional and not claimed here (DirectoryProfileTest runs it)
                        r -> r.profile() != Profile.FHIR
                                && r.profile() != Profile.SECURITY
                                && r.profile() != Profile.DIRECTORY
                                && r.profile() != Profile.LINK_WORKER_PRACTICE
                                && !r.id().equals("MF-02"))
                .allMatch(r -> r.outcome() == Outcome.PASS, "pass");
    }
}
