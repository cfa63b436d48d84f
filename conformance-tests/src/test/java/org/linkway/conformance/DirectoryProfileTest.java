package org.linkway.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.server.LinkwayServer;
import org.linkway.server.testing.LinkwayTestServer;

/** The optional directory profile against the reference server: skipped while empty, passed once it publishes services. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DirectoryProfileTest {

    @RegisterExtension
    static final LinkwayTestServer testServer = LinkwayTestServer.sqlite();

    private static final String FEED = "["
            + service("kit-walk", "Kit Walking Group", "\"minimum_age\":18,")
            + "," + service("kit-youth", "Kit Youth Club", "\"minimum_age\":11,\"maximum_age\":18,")
            + "," + service("kit-cafe", "Kit Memory Cafe", "")
            + "," + service("kit-elders", "Kit Lunch Club", "\"minimum_age\":60,")
            + "," + service("kit-choir", "Kit Community Choir", "\"minimum_age\":16,\"maximum_age\":99,")
            + "]";

    private static String service(String id, String name, String ages) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"status\":\"active\"," + ages
                + "\"organization\":{\"id\":\"org-" + id + "\",\"name\":\"" + name + " CIO\"},"
                + "\"phones\":[{\"id\":\"ph-" + id + "\",\"number\":\"0113 496 0000\"}],"
                + "\"service_at_locations\":[{\"id\":\"sal-" + id + "\",\"location\":{\"id\":\"loc-" + id
                + "\",\"latitude\":53.8,\"longitude\":-1.55}}]}";
    }

    private static SuiteResult run(LinkwayServer server) {
        return ConformanceSuite.run(ReferenceServers.claimedByReference(server)
                .profiles(EnumSet.of(Profile.DIRECTORY))
                .build());
    }

    @Test
    void theReferenceServerPublishesAnOrukDirectory() throws Exception {
        LinkwayServer server = testServer.server();
        assertThat(run(server).results())
                .filteredOn(r -> r.profile() == Profile.DIRECTORY)
                .as("an empty directory: nothing to judge")
                .hasSize(3)
                .allMatch(r -> r.outcome() == Outcome.SKIP);
        HttpResponse<String> imported = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(testServer.url() + "/v1/directory/imports"))
                                .header("Authorization", "Bearer " + DevAdmin.token(server))
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString(FEED))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        SuiteResult result = run(server);
        assertThat(result.results())
                .filteredOn(r -> r.profile() == Profile.DIRECTORY)
                .as(ReferenceServers.summary(result))
                .hasSize(3)
                .allMatch(r -> r.outcome() == Outcome.PASS);
        assertThat(result.exitCode()).isZero();
    }
}
