package org.linkway.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;
import tools.jackson.databind.JsonNode;

/**
 * The BaRS message docs/FHIR.md shows, sent as the GP system would (its own referrer token) to the
 * reference server's {@code $process-message}: the findings the answer carries are the ones the
 * page prints ({@code -Dlinkway.regenerate=true} rewrites the block).
 */
@Timeout(120)
class BarsDocExampleTest {

    @RegisterExtension
    static final LinkwayTestServer server =
            LinkwayTestServer.sqlite().clock(Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void the_servers_answer_to_the_documented_bars_message_is_what_the_docs_show() throws Exception {
        String body = Files.readString(Path.of("../docs/examples/fhir/bars-new-referral.json"), StandardCharsets.UTF_8);
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url() + "/fhir/R4/$process-message"))
                                .timeout(Duration.ofSeconds(60))
                                .header("Authorization", "Bearer " + server.token(Role.REFERRER, "Y01234"))
                                .header("Content-Type", "application/fhir+json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode response = LinkwayJson.mapper().readTree(answer.body());
        List<String> lines = new ArrayList<>();
        lines.add("HTTP " + answer.statusCode() + ", MessageHeader.response.code "
                + response.at("/entry/0/resource/response/code").asString());
        for (JsonNode entry : response.path("entry")) {
            if (!entry.at("/resource/resourceType").asString().equals("OperationOutcome")) {
                continue;
            }
            for (JsonNode issue : entry.at("/resource/issue")) {
                if (issue.path("expression").isEmpty()) {
                    continue; // the receipt, naming the new referral's id
                }
                lines.add(issue.path("severity").asString() + " "
                        + issue.at("/expression/0").asString() + ": "
                        + issue.path("diagnostics").asString());
            }
        }
        checkBlock(String.join("\n", lines));
    }

    private static void checkBlock(String actual) throws IOException {
        Path doc = Path.of("../docs/FHIR.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        String start = "<!-- server-bars-outcome -->\n```text\n";
        int from = text.indexOf(start);
        assertThat(from).as("docs/FHIR.md has a block " + start).isNotNegative();
        from += start.length();
        int to = text.indexOf("```", from);
        if (Boolean.getBoolean("linkway.regenerate")) {
            Files.writeString(
                    doc, text.substring(0, from) + actual + "\n" + text.substring(to), StandardCharsets.UTF_8);
        } else {
            assertThat(text.substring(from, to)).isEqualTo(actual + "\n");
        }
    }
}
