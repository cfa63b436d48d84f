package org.linkway.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.JsonNode;

/**
 * The kit's {@code coverage} and the committed {@code schemas/PRSB-COVERAGE.md} agree: the command
 * prints the report the file holds, byte for byte, and its counts are the file's.
 */
class CoverageCommandTest {

    private static final Path COMMITTED = Path.of("../schemas/PRSB-COVERAGE.md");

    @Test
    void coverage_as_markdown_is_the_committed_report() throws IOException {
        RunCommandTest.Result r = RunCommandTest.run("coverage", "--format", "markdown");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(Files.readString(COMMITTED, StandardCharsets.UTF_8));
    }

    @Test
    void coverage_counts_what_the_report_counts() throws IOException {
        Matcher placed = Pattern.compile("\\| Placed \\| (\\d+) \\|")
                .matcher(Files.readString(COMMITTED, StandardCharsets.UTF_8));
        assertThat(placed.find()).as("the report's summary row").isTrue();
        int inReport = Integer.parseInt(placed.group(1));

        RunCommandTest.Result text = RunCommandTest.run("coverage");
        assertThat(text.out()).contains("PRSB elements: 355; in the schemas: " + inReport + " ");
        assertThat(text.out()).doesNotContain("not in the schemas:");

        JsonNode json = LinkwayJson.mapper()
                .readTree(RunCommandTest.run("coverage", "--format", "json").out());
        assertThat(json.path("inSchemas").asInt()).isEqualTo(inReport).isEqualTo(355);
        JsonNode household = null;
        for (JsonNode e : json.path("elements")) {
            if (e.path("path").asString().equals("Social context / Household environment")) {
                household = e;
            }
        }
        assertThat(household).as("a group placed only through x-prsb-group").isNotNull();
        assertThat(household.path("inSchemas").asBoolean()).isTrue();
        assertThat(household.path("homes").toString()).contains("Referral: /socialContext/householdEnvironment");
    }
}
