package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.server.security.DevTokens;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;
import tools.jackson.databind.JsonNode;

/**
 * As a GP system: its own referrer token, and a referral Bundle shaped as GP systems write plain
 * R4 (relative references, display-only practitioner, Organization as performer, a note, a coded
 * reason), posted to the FHIR facade. It is received, and the answer says what was kept elsewhere
 * and what had no home; a truncated Bundle is refused naming the line and column.
 */
class GpSystemFhirIntakeTest {

    @RegisterExtension
    static final LinkwayTestServer server = LinkwayTestServer.sqlite();

    private static final Path GP_BUNDLE =
            Path.of("../sdk-fhir/src/test/resources/org/linkway/fhir/foreign/gp-plain-r4-referral.json");

    private static ApiClient gpSystem() {
        String token = DevTokens.forPort(server.port()).orElseThrow().mint(Role.REFERRER, "A81021");
        return new ApiClient(server.port(), token);
    }

    @Test
    void a_gp_systems_plain_r4_referral_is_received_with_information_findings() throws IOException {
        String bundle = Files.readString(GP_BUNDLE);
        ApiClient.Answer posted = gpSystem()
                .post(
                        "/fhir/R4/Bundle",
                        bundle,
                        "Content-Type",
                        "application/fhir+json",
                        "Idempotency-Key",
                        "gp-system-" + bundle.hashCode());
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        List<String> issues = new ArrayList<>();
        posted.json().path("issue").forEach(i -> issues.add(i.toString()));
        assertThat(String.join("\n", issues))
                .contains("LW-FHIR-KEPT-IN")
                .contains("LW-FHIR-NOT-CARRIED")
                .contains("priority");
        String location = posted.header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        JsonNode referral =
                new ApiClient(server.port()).get("/v1/referrals/" + id).json();
        assertThat(referral.at("/referralDetails/entries/0/referrerDetails/name")
                        .asString())
                .isEqualTo("Dr Priya Natarajan");
        assertThat(referral.at("/risks/entries/0/risk/coding/code").asString()).isEqualTo("129839007");
        assertThat(referral.at("/clinicalSummary/clinicalSummary").asString()).contains("Keen gardener");
    }

    @Test
    void a_truncated_bundle_is_refused_naming_the_line_and_column() throws IOException {
        String bundle = Files.readString(GP_BUNDLE);
        ApiClient.Answer posted = gpSystem()
                .post(
                        "/fhir/R4/Bundle",
                        bundle.substring(0, bundle.length() / 3),
                        "Content-Type",
                        "application/fhir+json");
        assertThat(posted.status()).as(posted.body()).isBetween(400, 499);
        assertThat(posted.body()).contains("LW-FHIR-MALFORMED").containsPattern("at line \\d+, column \\d+");
    }
}
