package org.linkway.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.linkway.conformance.ConformanceSuite;
import org.linkway.conformance.DevAdmin;
import org.linkway.conformance.KitConfig;
import org.linkway.conformance.Outcome;
import org.linkway.conformance.Profile;
import org.linkway.conformance.SuiteResult;
import org.linkway.conformance.TestResult;
import org.linkway.conformance.internal.KitBuild;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.testing.LinkwayTestServer;
import tools.jackson.databind.JsonNode;

/**
 * What the three report files hold after a real run with a token against the reference server:
 * the HTTP exchanges of each test, with the example referral's person (NHS number 999 217 4439,
 * Maureen Ashdown, born 1948-07-19, NR7 4QX) and the token nowhere; the kit version and the seed;
 * and a run that skipped a required test (MF-02, no --messages) reported as partial, naming it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ReportContentsTest {

    @RegisterExtension
    static final LinkwayTestServer server = LinkwayTestServer.sqlite();

    SuiteResult result;
    String token;
    List<String> files;

    @BeforeAll
    void run(@TempDir Path reports) throws Exception {
        token = DevAdmin.token(server.server());
        result = ConformanceSuite.run(KitConfig.builder(server.url())
                .profiles(EnumSet.of(Profile.REFERRAL_RECEIVER, Profile.MESSAGE_FORMAT))
                .token(token)
                .seed(4242)
                .only(List.of("RR-01", "RR-02", "RR-03", "MF-01", "MF-02"))
                .build());
        Reports.write(result, reports);
        files = List.of(
                Files.readString(reports.resolve(Reports.JSON), StandardCharsets.UTF_8),
                Files.readString(reports.resolve(Reports.HTML), StandardCharsets.UTF_8),
                Files.readString(reports.resolve(Reports.JUNIT), StandardCharsets.UTF_8));
    }

    @Test
    void the_run_itself_passed_what_it_ran() {
        assertThat(result.results())
                .filteredOn(r -> List.of("RR-01", "RR-02", "RR-03", "MF-01").contains(r.id()))
                .extracting(TestResult::outcome)
                .containsOnly(Outcome.PASS);
    }

    @Test
    void every_report_has_the_exchanges_without_the_person_or_the_token() {
        for (String file : files) {
            assertThat(file)
                    .as("the exchanges are there")
                    .contains("/v1/referrals", "201", "personDemographics", "[redacted]");
            assertThat(file)
                    .as("no personal data, no token")
                    .doesNotContain(
                            "9992174439",
                            "999 217 4439",
                            "9992174430",
                            "Ashdown",
                            "Maureen",
                            "1948-07-19",
                            "NR7 4QX",
                            "Larkspur",
                            "maureen.ashdown@example.com",
                            "01632 960417",
                            token);
        }
        JsonNode rr01 = test("RR-01");
        assertThat(rr01.path("exchanges")).isNotEmpty();
        JsonNode post = rr01.path("exchanges").get(0);
        assertThat(post.path("method").asString()).isEqualTo("POST");
        assertThat(post.path("status").asInt()).isEqualTo(201);
        assertThat(post.path("requestHeaders").path("authorization").get(0).asString())
                .isEqualTo("[redacted]");
        assertThat(post.path("responseHeaders").path("location")).isNotEmpty();
        assertThat(files.get(1)).contains("<details><summary>");
        assertThat(files.get(2)).contains("<system-out>");
    }

    @Test
    void every_report_names_the_kit_version_and_the_seed() {
        JsonNode json = LinkwayJson.mapper().readTree(files.get(0));
        assertThat(json.path("kitVersion").asString())
                .isEqualTo(KitBuild.version())
                .isNotEqualTo("unknown");
        assertThat(json.path("seed").asLong()).isEqualTo(4242);
        assertThat(files.get(1)).contains("kit " + KitBuild.version(), "--seed 4242");
        assertThat(files.get(2))
                .contains("<property name=\"kit.version\" value=\"" + KitBuild.version() + "\"/>")
                .contains("<property name=\"seed\" value=\"4242\"/>");
    }

    @Test
    void a_skipped_required_test_makes_every_report_partial_naming_it_and_why() {
        JsonNode json = LinkwayJson.mapper().readTree(files.get(0));
        assertThat(json.path("partial").asBoolean()).isTrue();
        JsonNode mf02 = null;
        for (JsonNode n : json.path("notRun")) {
            if (n.path("id").asString().equals("MF-02")) {
                mf02 = n;
            }
        }
        assertThat(mf02).as("MF-02 listed as not run").isNotNull();
        assertThat(mf02.path("outcome").asString()).isEqualTo("skip");
        assertThat(mf02.path("reason").asString()).contains("--messages");
        assertThat(files.get(1)).contains("Partial: not every required test ran", "MF-02", "--messages");
        assertThat(files.get(2))
                .contains("<property name=\"partial\" value=\"true\"/>")
                .containsPattern("<property name=\"notRun\" value=\"[^\"]*MF-02 skip: [^\"]*--messages");
    }

    @Test
    void each_test_reports_a_verdict_per_requirement() {
        assertThat(test("RR-03").path("requirementVerdicts").path("LW-REF-003").asString())
                .isEqualTo("pass");
        assertThat(test("RR-03").path("requirementVerdicts").path("LW-REF-004").asString())
                .isEqualTo("pass");
    }

    private JsonNode test(String id) {
        for (JsonNode t : LinkwayJson.mapper().readTree(files.get(0)).path("results")) {
            if (t.path("id").asString().equals(id)) {
                return t;
            }
        }
        throw new AssertionError(id + " not in the JSON report");
    }
}
