package org.linkway.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.linkway.conformance.DevAdmin;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.LinkwayServer;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/** {@code run}'s exit codes are its contract: 0 pass, 1 a conformance failure, 2 a set-up error. Never a count. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class RunCommandTest {

    @RegisterExtension
    static final LinkwayTestServer testServer = LinkwayTestServer.sqlite();

    @TempDir
    Path reports;

    LinkwayServer server;
    String url;
    String token;

    @BeforeAll
    void start() {
        server = testServer.server();
        url = "http://127.0.0.1:" + server.port();
        token = DevAdmin.token(server);
    }

    @Test
    void a_passing_run_exits_0_and_writes_junit_json_and_html() throws Exception {
        Result r = run(
                "run",
                "--base-url",
                url,
                "--token",
                token,
                "--profile",
                "referral-receiver,feedback",
                "--only",
                "RR-01,RR-03,FB-02",
                "--report",
                reports.toString());
        assertThat(r.code).as(r.out + r.err).isZero();
        assertThat(r.out).contains("PASS  RR-01").contains("PASS:");

        JsonNode json = LinkwayJson.mapper().readTree(Files.readString(reports.resolve("linkway-conformance.json")));
        assertThat(json.path("verdict").asString()).isEqualTo("pass");
        assertThat(json.path("exitCode").asInt()).isZero();
        assertThat(json.path("partial").asBoolean())
                .as("a run with --only is partial")
                .isTrue();
        assertThat(json.path("counts").path("pass").asInt()).isEqualTo(3);
        assertThat(json.path("outcomeSemantics").has("omit")).isTrue();
        JsonNode rr01 = json.path("results").get(0);
        assertThat(rr01.path("id").asString()).isEqualTo("RR-01");
        assertThat(rr01.path("requirements").get(0).asString()).isEqualTo("LW-REF-001");

        Document junit = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(reports.resolve("linkway-conformance-junit.xml").toFile());
        NodeList cases = junit.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(json.path("results").size());
        assertThat(junit.getElementsByTagName("failure").getLength()).isZero();
        assertThat(junit.getDocumentElement().getAttribute("tests")).isEqualTo(String.valueOf(cases.getLength()));

        String html = Files.readString(reports.resolve("linkway-conformance.html"));
        assertThat(html)
                .contains("PASS: every required test passed")
                .contains("LW-REF-001")
                .doesNotContain("<script")
                .doesNotContain("src=\"http");
    }

    @Test
    void claiming_the_fhir_profile_against_the_reference_facade_passes() throws Exception {
        Result r = run("run", "--base-url", url, "--token", token, "--profile", "fhir", "--report", reports.toString());
        assertThat(r.code).as(r.out + r.err).isZero();
        assertThat(r.out).contains("PASS  FH-01").contains("PASS  FH-02").contains("PASS  FH-03");
        Document junit = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(reports.resolve("linkway-conformance-junit.xml").toFile());
        assertThat(junit.getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void the_gp_practice_reads_its_message_back_with_its_own_token_given_on_the_command_line() throws Exception {
        String gp = DevAdmin.mint(server, Role.REFERRER, "Y03146");
        Result r = run(
                "run",
                "--base-url",
                url,
                "--token",
                token,
                "--token-gp-practice",
                gp,
                "--profile",
                "feedback,fhir",
                "--only",
                "FB-06,FB-07,FH-04",
                "--report",
                reports.toString());
        assertThat(r.code).as(r.out + r.err).isZero();
        assertThat(r.out).contains("PASS  FB-06").contains("PASS  FB-07").contains("PASS  FH-04");
        Result coded = run(
                "run",
                "--base-url",
                url,
                "--token",
                token,
                "--token-gp-practice",
                gp,
                "--gp-practice-code",
                "Y03146",
                "--profile",
                "feedback",
                "--only",
                "FB-06");
        assertThat(coded.out).as(coded.out + coded.err).contains("PASS  FB-06");
    }

    @Test
    void without_a_gp_practice_token_the_gp_tests_skip_and_the_run_says_it_is_partial() throws Exception {
        Result r = run(
                "run",
                "--base-url",
                url,
                "--token",
                token,
                "--profile",
                "feedback",
                "--only",
                "FB-06,FB-16",
                "--report",
                reports.toString());
        assertThat(r.code).as(r.out + r.err).isZero();
        assertThat(r.out)
                .contains("SKIP  FB-06")
                .contains("--token-gp-practice")
                .contains("partial:");
        JsonNode json = LinkwayJson.mapper().readTree(Files.readString(reports.resolve("linkway-conformance.json")));
        assertThat(json.path("partial").asBoolean()).isTrue();
        assertThat(json.path("notShown").toString()).contains("FB-06").contains("FB-16");
    }

    @Test
    void an_unreachable_server_exits_2() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Result r = run("run", "--base-url", "http://127.0.0.1:" + port, "--profile", "referral-receiver");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("set-up error").contains("unreachable");
    }

    @Test
    void a_refused_token_exits_2() throws Exception {
        HttpServer refusing = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        refusing.createContext("/", e -> {
            e.sendResponseHeaders(401, -1);
            e.close();
        });
        refusing.start();
        try {
            Result r = run(
                    "run",
                    "--base-url",
                    "http://127.0.0.1:" + refusing.getAddress().getPort(),
                    "--profile",
                    "security",
                    "--token",
                    "expired");
            assertThat(r.code).isEqualTo(2);
            assertThat(r.err).contains("refused the token");
        } finally {
            refusing.stop(0);
        }
    }

    @Test
    void usage_errors_exit_2() {
        assertThat(run("run", "--base-url", url, "--profile", "everything").code)
                .isEqualTo(2);
        assertThat(run("run", "--base-url", url).code).isEqualTo(2);
        assertThat(run("run", "--base-url", "ftp://127.0.0.1/", "--profile", "fhir").code)
                .isEqualTo(2);
        assertThat(run("run", "--base-url", url, "--profile", "fhir", "--fuzz-tries", "0").code)
                .isEqualTo(2);
        Result badCode = run("run", "--base-url", url, "--profile", "feedback", "--gp-practice-code", "not a code");
        assertThat(badCode.code).isEqualTo(2);
        assertThat(badCode.err).contains("--gp-practice-code");
        assertThat(run("convert", "--to", "fhir", "x.json").code)
                .as("no such file")
                .isEqualTo(2);
    }

    @Test
    void coverage_lists_prsb_elements_and_the_tests_of_each_requirement() {
        Result r = run("coverage", "--format", "json");
        assertThat(r.code).isZero();
        JsonNode c = LinkwayJson.mapper().readTree(r.out);
        assertThat(c.path("prsbElements").asInt()).isEqualTo(355);
        assertThat(c.path("inSchemas").asInt()).isPositive().isLessThanOrEqualTo(355);
        JsonNode first = c.path("requirements").get(0);
        assertThat(first.path("id").asString()).isEqualTo("LW-REF-001");
        assertThat(first.path("tests").toString()).contains("RR-01");
        assertThat(run("coverage").out).contains("NOT TESTED: Absence of a delivery");
    }

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = LinkwayKit.run(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
