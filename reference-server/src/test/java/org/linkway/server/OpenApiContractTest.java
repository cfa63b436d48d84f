package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checker every test answer goes through must itself catch what breaks the contract: each
 * case below starts from an exchange the document allows and breaks it in one way.
 */
class OpenApiContractTest {

    private static final String REFERRAL_ID = "0b8f4c1e-5a2d-4f38-9e0b-2f6d5c7a1e90";
    private final OpenApiContract contract = OpenApiContract.get();

    private static String stored() {
        try (InputStream in = OpenApiContractTest.class.getResourceAsStream(
                "/org/linkway/schemas/examples/valid/referral--full-gp-loneliness.json")) {
            ObjectNode referral = (ObjectNode) LinkwayJson.mapper().readTree(in.readAllBytes());
            referral.put("id", REFERRAL_ID).put("status", "received");
            return referral.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, List<String>> headers(String... pairs) {
        Map<String, List<String>> out = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], List.of(pairs[i + 1]));
        }
        return out;
    }

    private static OpenApiContract.Exchange readReferral(int status, Map<String, List<String>> headers, String body) {
        return new OpenApiContract.Exchange(
                "GET", "/v1/referrals/" + REFERRAL_ID, Map.of(), null, status, headers, body);
    }

    private static final Map<String, List<String>> GOOD_HEADERS =
            headers("X-Request-Id", "req-1", "ETag", "\"1\"", "Content-Type", "application/json");

    @Test
    void an_answer_as_the_document_describes_it_passes() {
        assertThat(contract.violations(readReferral(200, GOOD_HEADERS, stored())))
                .isEmpty();
    }

    @Test
    void a_body_missing_a_required_field_is_reported() {
        ObjectNode body = (ObjectNode) LinkwayJson.mapper().readTree(stored());
        body.remove("status");
        assertThat(contract.violations(readReferral(200, GOOD_HEADERS, body.toString())))
                .anySatisfy(v -> assertThat(v).startsWith("body:").contains("status"));
    }

    @Test
    void a_field_of_the_wrong_shape_deep_in_a_referenced_schema_is_reported() {
        String body = stored().replaceFirst("\"nhsNumber\":\"[0-9]+\"", "\"nhsNumber\":9434765919");
        assertThat(body).contains("9434765919");
        assertThat(contract.violations(readReferral(200, GOOD_HEADERS, body)))
                .anySatisfy(v -> assertThat(v).contains("/personDemographics/nhsNumber"));
    }

    @Test
    void a_success_status_the_operation_does_not_declare_is_reported() {
        OpenApiContract.Exchange created = new OpenApiContract.Exchange(
                "POST",
                "/v1/referrals",
                Map.of("Content-Type", "application/json"),
                ReferralApiContract.example(ReferralApiContract.FULL),
                200,
                GOOD_HEADERS,
                stored());
        assertThat(contract.violations(created)).anySatisfy(v -> assertThat(v).contains("status 200 is not declared"));
    }

    @Test
    void a_missing_required_header_is_reported() {
        Map<String, List<String>> noEtag = headers("X-Request-Id", "req-1", "Content-Type", "application/json");
        assertThat(contract.violations(readReferral(200, noEtag, stored())))
                .containsExactly("required header ETag is missing");
    }

    @Test
    void a_header_that_breaks_its_schema_is_reported() {
        Map<String, List<String>> weak =
                headers("X-Request-Id", "req-1", "ETag", "W/\"1\"", "Content-Type", "application/json");
        assertThat(contract.violations(readReferral(200, weak, stored())))
                .anySatisfy(v -> assertThat(v).startsWith("header ETag"));
    }

    @Test
    void an_undeclared_content_type_is_reported() {
        Map<String, List<String>> text =
                headers("X-Request-Id", "req-1", "ETag", "\"1\"", "Content-Type", "text/plain");
        assertThat(contract.violations(readReferral(200, text, stored())))
                .anySatisfy(v -> assertThat(v).contains("Content-Type 'text/plain' is not declared"));
    }

    @Test
    void an_error_that_is_not_a_problem_document_is_reported() {
        Map<String, List<String>> problem =
                headers("X-Request-Id", "req-1", "Content-Type", "application/problem+json");
        assertThat(contract.violations(readReferral(404, problem, "{\"error\":\"not found\"}")))
                .anySatisfy(v -> assertThat(v).contains("required property 'type' not found"));
    }

    @Test
    void a_path_the_document_does_not_describe_must_be_404() {
        OpenApiContract.Exchange served =
                new OpenApiContract.Exchange("GET", "/v1/secret-admin", Map.of(), null, 200, GOOD_HEADERS, "{}");
        assertThat(contract.violations(served)).anySatisfy(v -> assertThat(v).contains("must answer 404"));
    }

    @Test
    void a_method_the_path_does_not_offer_must_be_405_with_allow_naming_the_methods_it_does() {
        Map<String, List<String>> problem =
                headers("X-Request-Id", "req-1", "Content-Type", "application/problem+json");
        String body =
                "{\"type\":\"urn:linkway:problem:method-not-allowed\",\"title\":\"Method not allowed\",\"status\":405,"
                        + "\"detail\":\"no\",\"instance\":\"/v1/referrals\",\"requestId\":\"req-1\"}";
        OpenApiContract.Exchange withoutAllow =
                new OpenApiContract.Exchange("DELETE", "/v1/referrals", Map.of(), null, 405, problem, body);
        assertThat(contract.violations(withoutAllow)).contains("required header Allow is missing");

        Map<String, List<String>> wrongAllow = new HashMap<>(problem);
        wrongAllow.put("Allow", List.of("GET"));
        assertThat(contract.violations(
                        new OpenApiContract.Exchange("DELETE", "/v1/referrals", Map.of(), null, 405, wrongAllow, body)))
                .anySatisfy(v -> assertThat(v).contains("Allow is 'GET' but the document declares [GET, POST]"));

        Map<String, List<String>> rightAllow = new HashMap<>(problem);
        rightAllow.put("Allow", List.of("GET, POST"));
        assertThat(contract.violations(
                        new OpenApiContract.Exchange("DELETE", "/v1/referrals", Map.of(), null, 405, rightAllow, body)))
                .isEmpty();
        assertThat(contract.violations(
                        new OpenApiContract.Exchange("DELETE", "/v1/referrals", Map.of(), null, 404, rightAllow, body)))
                .anySatisfy(v -> assertThat(v).contains("must answer 405"));
    }

    @Test
    void accepting_a_request_the_document_refuses_is_reported_but_unknown_properties_are_tolerated() {
        Map<String, List<String>> created = headers(
                "X-Request-Id",
                "req-1",
                "ETag",
                "\"1\"",
                "Location",
                "/v1/referrals/" + REFERRAL_ID,
                "Content-Type",
                "application/json");
        ObjectNode sent =
                (ObjectNode) LinkwayJson.mapper().readTree(ReferralApiContract.example(ReferralApiContract.FULL));
        sent.remove("risks");
        OpenApiContract.Exchange accepted = new OpenApiContract.Exchange(
                "POST",
                "/v1/referrals",
                Map.of("Content-Type", "application/json"),
                sent.toString(),
                201,
                created,
                stored());
        assertThat(contract.violations(accepted))
                .anySatisfy(v -> assertThat(v)
                        .startsWith("the server accepted a request body the document refuses")
                        .contains("risks"));

        sent = (ObjectNode) LinkwayJson.mapper().readTree(ReferralApiContract.example(ReferralApiContract.FULL));
        sent.put("favouriteColour", "teal");
        assertThat(contract.violations(new OpenApiContract.Exchange(
                        "POST",
                        "/v1/referrals",
                        Map.of("Content-Type", "application/json"),
                        sent.toString(),
                        201,
                        created,
                        stored())))
                .isEmpty();
    }

    @Test
    void check_fails_the_test_naming_every_violation() {
        Map<String, List<String>> bare = headers("Content-Type", "application/json");
        assertThatThrownBy(() -> contract.check(readReferral(200, bare, stored())))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /v1/referrals/" + REFERRAL_ID + " answered 200")
                .hasMessageContaining("required header X-Request-Id is missing")
                .hasMessageContaining("required header ETag is missing");
    }

    private static OpenApiContract.Exchange problem(int status, String type, String title) {
        String body = "{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"d\",\"instance\":\"/v1/referrals/x\",\"requestId\":\"req-1\"}";
        return readReferral(status, headers("X-Request-Id", "req-1", "Content-Type", "application/problem+json"), body);
    }

    @Test
    void a_problem_from_the_catalogue_passes_and_any_other_type_is_reported() {
        assertThat(contract.violations(problem(404, "urn:linkway:problem:not-found", "Not found")))
                .isEmpty();
        assertThat(contract.violations(problem(404, "urn:linkway:problem:no-such-thing", "Not found")))
                .anySatisfy(v -> assertThat(v).contains("is not in the catalogue"));
    }

    @Test
    void a_catalogue_type_with_another_status_or_title_is_reported() {
        assertThat(contract.violations(problem(404, "urn:linkway:problem:stale-version", "Precondition failed")))
                .anySatisfy(v -> assertThat(v).contains("the catalogue gives it 412"));
        assertThat(contract.violations(problem(404, "urn:linkway:problem:not-found", "Missing")))
                .anySatisfy(v -> assertThat(v).contains("not the catalogue's 'Not found'"));
    }
}
