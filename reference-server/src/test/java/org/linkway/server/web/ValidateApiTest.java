package org.linkway.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/$validate} from a tool's side: no token, the SDK's findings with rule ids,
 * pointers and PRSB paths, the conversion to the other form, nothing stored, and the limits
 * (413 over the size, 429 with Retry-After over the rate, 400 for what is not JSON).
 */
@Timeout(180)
class ValidateApiTest {

    static final int MAX_BYTES = 200_000;

    @RegisterExtension
    static final LinkwayTestServer server =
            LinkwayTestServer.sqlite().configure(c -> c.withWeb(WebSettings.DEFAULTS.withValidation(1_000, MAX_BYTES)));

    @Test
    void everyInvalidExampleIsRefusedNamingTheRuleItBreaks() throws IOException {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.list(Path.of("../schemas/examples/invalid"))) {
            for (Path file : files.sorted().toList()) {
                String rule = file.getFileName().toString().split("--")[0];
                HttpResponse<String> answer = WebClient.validate(server.url(), Files.readString(file));
                JsonNode body = WebClient.json(answer);
                List<String> rules = new ArrayList<>();
                body.path("findings").forEach(f -> rules.add(f.path("ruleId").asString()));
                // what is not a JSON object at all is a 400 problem, its findings naming the rule
                boolean refused = answer.statusCode() == 200
                        ? !body.path("valid").asBoolean(true)
                        : answer.statusCode() == 400 && rule.startsWith("LW-INPUT-");
                if (!refused || !rules.contains(rule)) {
                    failures.add(file.getFileName() + ": " + answer.statusCode() + " " + rules);
                }
                checked++;
            }
        }
        assertThat(failures).isEmpty();
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void aFindingNamesItsRulePointerAndPrsbElement() throws IOException {
        JsonNode body = WebClient.json(WebClient.validate(
                server.url(),
                Files.readString(Path.of("../schemas/examples/invalid/LW-EMAIL--no-at-sign.referral.json"))));
        assertThat(body.path("valid").asBoolean()).isFalse();
        assertThat(body.path("form").asString()).isEqualTo("linkway");
        assertThat(body.path("messageType").asString()).isEqualTo("Referral");
        JsonNode finding = body.path("findings").get(0);
        assertThat(finding.path("ruleId").asString()).isEqualTo("LW-EMAIL");
        assertThat(finding.path("severity").asString()).isEqualTo("ERROR");
        assertThat(finding.path("pointer").asString()).startsWith("/").contains("address");
        assertThat(finding.path("prsbPath").asString()).isNotBlank();
        assertThat(body.path("converted").isNull())
                .as("nothing converted from a message with errors")
                .isTrue();
    }

    @Test
    void aValidMessageComesBackConvertedAndIsNotStored() throws IOException {
        String admin = server.token(Role.ADMIN);
        int before = referralCount(admin);
        JsonNode linkway = WebClient.json(WebClient.validate(
                server.url(),
                Files.readString(Path.of("../schemas/examples/valid/referral--full-gp-loneliness.json"))));
        assertThat(linkway.path("valid").asBoolean()).isTrue();
        assertThat(linkway.path("converted").path("form").asString()).isEqualTo("fhir");
        assertThat(linkway.path("converted")
                        .path("document")
                        .path("resourceType")
                        .asString())
                .isEqualTo("Bundle");

        JsonNode fhir = WebClient.json(WebClient.validate(
                server.url(),
                Files.readString(Path.of("../schemas/fhir/examples/referral--full-gp-loneliness.fhir.json"))));
        assertThat(fhir.path("form").asString()).isEqualTo("fhir");
        assertThat(fhir.path("valid").asBoolean()).isTrue();
        assertThat(fhir.path("messageType").asString()).isEqualTo("Referral");
        assertThat(fhir.path("converted").path("document").path("resourceType").asString())
                .isEqualTo("Referral");
        assertThat(referralCount(admin)).as("validation stores nothing").isEqualTo(before);
    }

    @Test
    void aBrokenFhirBundleIsReadAsFhirAndRefused() {
        JsonNode body = WebClient.json(WebClient.validate(
                server.url(), "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[]}"));
        assertThat(body.path("form").asString()).isEqualTo("fhir");
        assertThat(body.path("valid").asBoolean()).isFalse();
        assertThat(body.path("findings").get(0).path("ruleId").asString()).startsWith("LW-");
    }

    @Test
    void whatIsNotAJsonObjectIsAProblemNamingIt() {
        HttpResponse<String> broken = WebClient.validate(server.url(), "{\"resourceType\": ");
        assertProblem(broken, 400, "malformed-body");
        assertThat(WebClient.json(broken).path("detail").asString()).contains("not well-formed JSON");
        assertThat(WebClient.json(broken).path("findings").get(0).path("ruleId").asString())
                .isEqualTo("LW-INPUT-MALFORMED-JSON");
        assertProblem(WebClient.validate(server.url(), "[1, 2]"), 400, "malformed-body");
        assertProblem(
                WebClient.send(
                        server.url(),
                        "POST",
                        "/v1/$validate",
                        Map.of("Content-Type", "text/plain"),
                        HttpRequest.BodyPublishers.ofString("{}")),
                415,
                "unsupported-media-type");
    }

    @Test
    void aMessageOverTheLimitIs413WhetherItsLengthIsDeclaredOrNot() {
        String big = "{\"note\":\"" + "a".repeat(MAX_BYTES) + "\"}";
        // declared: refused from the length alone, before the body is read (so only its first bytes are sent:
        // Java's HttpClient cannot be relied on to read an answer that arrives while it is still uploading)
        assertThat(declaredButNotSent(MAX_BYTES + 1)).startsWith("HTTP/1.1 413").contains("too-large");
        // chunked: no length declared, so the limit applies to what arrives
        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = WebClient.send(
                server.url(),
                "POST",
                "/v1/$validate",
                Map.of("Content-Type", "application/json"),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
        assertProblem(chunked, 413, "too-large");
        // just under the limit is taken
        String fits = "{\"note\":\"" + "a".repeat(MAX_BYTES - 20) + "\"}";
        assertThat(WebClient.validate(server.url(), fits).statusCode()).isEqualTo(200);
    }

    @Test
    void moreThanTheRateFromOneAddressIs429WithRetryAfterForTheApiAndThePage() {
        try (LinkwayTestServer limited = LinkwayTestServer.sqlite()
                .configure(c -> c.withWeb(WebSettings.DEFAULTS.withValidation(3, MAX_BYTES)))
                .start()) {
            for (int i = 0; i < 3; i++) {
                assertThat(WebClient.validate(limited.url(), "{}").statusCode()).isEqualTo(200);
            }
            HttpResponse<String> refused = WebClient.validate(limited.url(), "{}");
            assertProblem(refused, 429, "too-many-requests");
            long retryAfter =
                    Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 61L);
            // the inspector page counts against the same limit and says so on the page
            HttpResponse<String> page = WebClient.send(
                    limited.url(),
                    "POST",
                    "/inspector",
                    Map.of("Content-Type", "application/x-www-form-urlencoded"),
                    HttpRequest.BodyPublishers.ofString("message=%7B%7D"));
            assertThat(page.statusCode()).isEqualTo(429);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body()).contains("There is a problem").contains("retry after");
        }
    }

    @Test
    void theInspectorPageShowsTheFindingsOfWhatWasPasted() throws IOException {
        String bad;
        try (var in = ValidateApiTest.class.getResourceAsStream(
                "/org/linkway/schemas/examples/invalid/LW-EMAIL--no-at-sign.referral.json")) {
            bad = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        HttpResponse<String> page = WebClient.send(
                server.url(),
                "POST",
                "/inspector",
                Map.of("Content-Type", "application/x-www-form-urlencoded"),
                HttpRequest.BodyPublishers.ofString(
                        "message=" + java.net.URLEncoder.encode(bad, StandardCharsets.UTF_8)));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        // the answer page carries the findings, not only the form again
        assertThat(page.body()).contains("id=\"summary\"").contains("data-rule=\"LW-EMAIL\"");
        assertThat(page.body().indexOf("id=\"summary\"")).isLessThan(page.body().indexOf("<form"));
    }

    /** Announces a body of {@code length} bytes, sends its first few, and reads the whole answer. */
    private static String declaredButNotSent(int length) {
        try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(20_000);
            String head = "POST /v1/$validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + length + "\r\nConnection: close\r\n\r\n{\"note\":\"aaaa";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int referralCount(String token) {
        HttpResponse<String> list = WebClient.send(
                server.url(), "GET", "/v1/referrals?limit=200", Map.of("Authorization", "Bearer " + token), null);
        assertThat(list.statusCode()).isEqualTo(200);
        return WebClient.json(list).path("items").size();
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String type) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = WebClient.json(answer);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asString()).endsWith(type);
    }
}
