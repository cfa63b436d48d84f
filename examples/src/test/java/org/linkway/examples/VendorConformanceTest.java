package org.linkway.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkway.conformance.report.Reports;
import org.linkway.model.json.LinkwayJson;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

class VendorConformanceTest {

    @TempDir
    Path reports;

    @Test
    void the_reference_server_passes_every_claimed_profile_and_the_reports_say_so() throws Exception {
        try (ExampleServer server = ExampleServer.start()) {
            int exit = new CommandLine(new VendorConformance())
                    .execute(
                            "--url",
                            server.url(),
                            "--token",
                            server.admin(),
                            "--report",
                            reports.toString(),
                            "--fuzz-tries",
                            "5");

            assertThat(exit).isZero();
            JsonNode json = LinkwayJson.mapper().readTree(Files.readString(reports.resolve(Reports.JSON)));
            assertThat(json.path("verdict").asString()).isEqualTo("pass");
            assertThat(json.path("counts").path("fail").asInt()).isZero();
            assertThat(json.path("counts").path("pass").asInt()).isGreaterThan(30);
            assertThat(Files.readString(reports.resolve(Reports.JUNIT)))
                    .contains("<testsuite")
                    .doesNotContain("<failure");
            assertThat(reports.resolve(Reports.HTML)).exists();
        }
    }

    @Test
    void a_server_that_is_not_there_is_a_set_up_error_not_a_verdict() {
        int exit = new CommandLine(new VendorConformance())
                .execute("--url", "http://127.0.0.1:9", "--token", "t", "--report", reports.toString());
        assertThat(exit).isEqualTo(2);
    }
}
