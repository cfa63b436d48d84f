package org.linkway.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.client.error.BadRequestException;
import org.linkway.client.error.ConflictException;
import org.linkway.client.error.ForbiddenException;
import org.linkway.client.error.IllegalTransitionException;
import org.linkway.client.error.LinkwayException;
import org.linkway.client.error.NotAcceptableException;
import org.linkway.client.error.NotFoundException;
import org.linkway.client.error.RateLimitedException;
import org.linkway.client.error.ServerException;
import org.linkway.client.error.StaleVersionException;
import org.linkway.client.error.UnauthorisedException;
import org.linkway.client.error.UnexpectedResponseException;
import org.linkway.client.error.ValidationException;
import org.linkway.model.ProblemType;
import org.linkway.model.json.LinkwayJson;
import org.linkway.testing.Gens;
import org.linkway.validation.Severity;
import org.quicktheories.core.Gen;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Problem documents into exceptions: the class follows the status (and a few slugs), the fields are kept. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ProblemMappingProperties {

    /** Slugs start with a letter or digit; the rest may have hyphens. */
    static Gen<String> slugs() {
        return Gens.text("abcdefghijklmnopqrstuvwxyz0123456789", 1, 1)
                .zip(Gens.text("abcdefghijklmnopqrstuvwxyz0123456789-", 0, 29), String::concat);
    }

    static Gen<Integer> errorStatuses() {
        return integers().between(400, 599);
    }

    static byte[] problem(String slug, int status, String detail, String requestId, int findings) {
        ObjectNode doc = LinkwayJson.mapper().createObjectNode();
        doc.put("type", "urn:linkway:problem:" + slug);
        doc.put("title", "Title of " + slug);
        doc.put("status", status);
        doc.put("detail", detail);
        doc.put("instance", "/v1/referrals");
        if (requestId != null) {
            doc.put("requestId", requestId);
        }
        ArrayNode list = doc.putArray("findings");
        for (int i = 0; i < findings; i++) {
            list.addObject()
                    .put("severity", i % 2 == 0 ? "ERROR" : "WARNING")
                    .put("ruleId", "LW-RULE-" + i)
                    .put("pointer", "/a/" + i)
                    .put("prsbPath", "A / B")
                    .put("message", "finding " + i);
        }
        return LinkwayJson.mapper().writeValueAsBytes(doc);
    }

    @Test
    void code_status_request_id_and_findings_survive_the_mapping() {
        qt().withFixedSeed(6_401L)
                .withExamples(1000)
                .forAll(slugs(), errorStatuses(), Gens.anyText(300), integers().between(0, 5))
                .checkAssert(ProblemMappingProperties::fieldsSurvive);
    }

    private static void fieldsSurvive(String slug, int status, String detail, int findings) {
        LinkwayException e = ProblemMapper.map(
                status,
                "application/problem+json",
                problem(slug, status, detail, "req-1", findings),
                "header-id",
                null);

        assertThat(e.code()).isEqualTo(slug);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.requestId()).isEqualTo("req-1");
        assertThat(e.problem()).hasValueSatisfying(p -> {
            assertThat(p.detail()).isEqualTo(detail);
            assertThat(p.findings()).hasSize(findings);
            assertThat(p.findings())
                    .extracting(f -> f.severity())
                    .allMatch(s -> s == Severity.ERROR || s == Severity.WARNING);
        });
        assertThat(e.getMessage()).contains("code: " + slug).contains("request-id: req-1");
    }

    @Test
    void the_exception_class_follows_the_status() {
        qt().withFixedSeed(6_402L)
                .withExamples(1000)
                .forAll(slugs(), errorStatuses())
                .checkAssert(ProblemMappingProperties::classFollowsStatus);
    }

    private static void classFollowsStatus(String slug, int status) {
        LinkwayException e = ProblemMapper.map(
                status,
                "application/problem+json; charset=utf-8",
                problem(slug, status, "d", null, 0),
                "header-id",
                Duration.ofSeconds(7));

        assertThat(e.requestId()).isEqualTo("header-id");
        // a random slug is (almost) never in the catalogue, so the status alone decides
        Class<? extends LinkwayException> expected = ProblemType.fromSlug(slug)
                .filter(t -> t.status() == status)
                .<Class<? extends LinkwayException>>map(DOCUMENTED::get)
                .orElseGet(() -> byStatus(status));
        assertThat(e).isExactlyInstanceOf(expected);
        if (e instanceof RateLimitedException r) {
            assertThat(r.retryAfter()).contains(Duration.ofSeconds(7));
        }
    }

    static Class<? extends LinkwayException> byStatus(int status) {
        return switch (status) {
            case 401 -> UnauthorisedException.class;
            case 403 -> ForbiddenException.class;
            case 404 -> NotFoundException.class;
            case 406 -> NotAcceptableException.class;
            case 409 -> ConflictException.class;
            case 412 -> StaleVersionException.class;
            case 422 -> ValidationException.class;
            case 429 -> RateLimitedException.class;
            default -> status >= 500 ? ServerException.class : BadRequestException.class;
        };
    }

    /** The exception each catalogue entry is documented to raise (docs/API.md, "Problem types"). */
    static final Map<ProblemType, Class<? extends LinkwayException>> DOCUMENTED = documented();

    private static Map<ProblemType, Class<? extends LinkwayException>> documented() {
        Map<ProblemType, Class<? extends LinkwayException>> m = new EnumMap<>(ProblemType.class);
        for (ProblemType t : ProblemType.values()) {
            m.put(t, t.status() == 422 ? ValidationException.class : byStatus(t.status()));
        }
        m.put(ProblemType.MALFORMED_BODY, ValidationException.class);
        m.put(ProblemType.ILLEGAL_TRANSITION, IllegalTransitionException.class);
        return m;
    }

    @Test
    void every_catalogue_entry_maps_to_its_documented_exception_keeping_its_code() {
        qt().withFixedSeed(6_405L)
                .withExamples(1000)
                .forAll(Gens.pick(ProblemType.values()), Gens.anyText(100))
                .checkAssert((type, detail) -> {
                    LinkwayException e = ProblemMapper.map(
                            type.status(),
                            "application/problem+json",
                            problem(type.slug(), type.status(), detail, "req-1", 0),
                            "header-id",
                            null);
                    assertThat(e).isExactlyInstanceOf(DOCUMENTED.get(type));
                    assertThat(e.code()).isEqualTo(type.slug());
                    assertThat(e.problemType()).contains(type);
                    assertThat(e.is(type)).isTrue();
                    assertThat(e.status()).isEqualTo(type.status());
                });
    }

    @Test
    void a_known_slug_under_another_status_is_classified_by_the_status() {
        // the mapper used to look at the slug first: a 401 or 403 carrying stale-version or
        // illegal-transition became a conflict, and a 409 stale-version a StaleVersionException
        for (ProblemType slug : new ProblemType[] {ProblemType.STALE_VERSION, ProblemType.ILLEGAL_TRANSITION}) {
            for (int status : new int[] {400, 401, 403, 404, 409, 422, 500}) {
                if (status == slug.status()) {
                    continue;
                }
                LinkwayException e = ProblemMapper.map(
                        status, "application/problem+json", problem(slug.slug(), status, "d", "r", 0), "r", null);
                assertThat(e).as("%s with %s", status, slug.slug()).isExactlyInstanceOf(byStatus(status));
                assertThat(e.code()).isEqualTo(slug.slug());
            }
        }
        assertThat(ProblemMapper.map(
                        401, "application/problem+json", problem("stale-version", 401, "d", "r", 0), "r", null))
                .isExactlyInstanceOf(UnauthorisedException.class);
        assertThat(ProblemMapper.map(
                        400, "application/problem+json", problem("illegal-transition", 400, "d", "r", 0), "r", null))
                .isExactlyInstanceOf(BadRequestException.class);
    }

    @Test
    void a_slug_from_a_newer_server_maps_by_status_and_keeps_its_raw_code() {
        qt().withFixedSeed(6_406L).withExamples(500).forAll(errorStatuses()).checkAssert(status -> {
            LinkwayException e = ProblemMapper.map(
                    status, "application/problem+json", problem("from-a-newer-server", status, "d", "r", 0), "r", null);
            assertThat(e).isExactlyInstanceOf(byStatus(status));
            assertThat(e.code()).isEqualTo("from-a-newer-server");
            assertThat(e.problemType()).isEmpty();
        });
    }

    @Test
    void an_answer_that_is_not_a_problem_document_is_still_classified_by_status() {
        qt().withFixedSeed(6_403L)
                .withExamples(1000)
                .forAll(errorStatuses(), Gens.bytes(0, 255), contentTypes())
                .checkAssert(ProblemMappingProperties::classifiedByStatus);
    }

    private static void classifiedByStatus(int status, byte[] body, String contentType) {
        LinkwayException e = ProblemMapper.map(status, contentType, body, "header-id", null);

        assertThat(e.status()).isEqualTo(status);
        assertThat(e.requestId()).isEqualTo("header-id");
        if (!e.code().startsWith("http-")) {
            // only a body that happens to be a JSON object with a string "type" is read as a problem
            assertThat(new String(body, StandardCharsets.UTF_8)).contains("type");
        }
    }

    static Gen<String> contentTypes() {
        return Gens.pick("text/html", "application/json", "application/problem+json", "text/plain; charset=utf-8");
    }

    @Test
    void a_type_outside_linkways_namespace_gets_an_http_code() {
        qt().withFixedSeed(6_404L).withExamples(1000).forAll(errorStatuses()).checkAssert(status -> {
            byte[] body = ("{\"type\":\"https://example.org/probs/out-of-credit\",\"title\":\"x\",\"status\":" + status
                            + "}")
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(ProblemMapper.map(status, "application/problem+json", body, "r", null)
                            .code())
                    .isEqualTo("http-" + status);
        });
    }

    @Test
    void an_illegal_transition_detail_is_read_into_states() {
        IllegalTransitionException e = (IllegalTransitionException) ProblemMapper.map(
                409,
                "application/problem+json",
                problem(
                        "illegal-transition",
                        409,
                        "an onward referral that is 'completed' cannot become 'accepted'; allowed: none (it is closed)",
                        "r",
                        0),
                "r",
                null);
        assertThat(e.currentState()).contains("completed");
        assertThat(e.allowed()).isEmpty();

        IllegalTransitionException vague = (IllegalTransitionException) ProblemMapper.map(
                409, "application/problem+json", problem("illegal-transition", 409, "not now", "r", 0), "r", null);
        assertThat(vague.currentState()).isEmpty();
        assertThat(vague.allowed()).isEmpty();
    }

    @Test
    void structured_members_win_over_the_detail_text() {
        byte[] body = ("{\"type\":\"urn:linkway:problem:illegal-transition\",\"title\":\"t\",\"status\":409,"
                        + "\"detail\":\"a referral that is 'x' cannot become 'y'; allowed from 'x': z\",\"currentState\":\"accepted\","
                        + "\"requestedState\":\"completed\",\"allowed\":[\"in-progress\",\"declined\"],\"nested\":{\"a\":1}}")
                .getBytes(StandardCharsets.UTF_8);
        IllegalTransitionException e =
                (IllegalTransitionException) ProblemMapper.map(409, "application/problem+json", body, "r", null);
        assertThat(e.currentState()).contains("accepted");
        assertThat(e.requestedState()).contains("completed");
        assertThat(e.allowed()).containsExactly("in-progress", "declined");
        assertThat(e.problem().orElseThrow().members()).doesNotContainKey("nested");

        byte[] stale = ("{\"type\":\"urn:linkway:problem:stale-version\",\"title\":\"t\",\"status\":412,"
                        + "\"detail\":\"changed\",\"currentVersion\":7}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(((StaleVersionException) ProblemMapper.map(412, "application/problem+json", stale, "r", null))
                        .currentVersion())
                .contains(7L);
    }

    @Test
    void a_redirect_or_other_non_error_status_is_unexpected() {
        assertThat(ProblemMapper.map(302, null, new byte[0], "r", null))
                .isInstanceOf(UnexpectedResponseException.class);
        assertThat(ProblemMapper.map(302, null, new byte[0], "r", null).problem())
                .hasValueSatisfying(p -> assertThat(p.findings()).isEqualTo(List.of()));
    }
}
