package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.model.json.LinkwayJson;
import org.linkway.testing.Gens;
import org.linkway.validation.JsonMutations;
import org.linkway.validation.MessageValidator;
import org.quicktheories.core.Gen;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile input never produces a 5xx: valid referrals broken one place at a time, junk bodies
 * and junk transition requests all get an answer below 500, errors as problem documents, and
 * anything accepted is a valid referral. Bounded: a few hundred requests on loopback.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class NoServerErrorProperties {

    private static Path data;
    private static LinkwayServer server;
    private static ApiClient api;
    private static String referral;
    private static String referralId;

    @BeforeAll
    static void start() throws IOException {
        data = Files.createTempDirectory("linkway-fuzz");
        server = LinkwayServer.start(ServerConfig.forTests(data), ReferralApiContract.TODAY);
        api = new ApiClient(server.port());
        referral = ReferralApiContract.example(ReferralApiContract.FULL);
        referralId = api.postJson("/v1/referrals", referral).json().path("id").asString();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_referral_broken_in_one_place_never_causes_a_server_error() {
        // shrinking is capped: each step is a request
        qt().withFixedSeed(7_101L)
                .withExamples(300)
                .withShrinkCycles(50)
                .forAll(JsonMutations.junk(), integers().all())
                .checkAssert(NoServerErrorProperties::brokenInOnePlace);
    }

    @Test
    void junk_bodies_and_headers_never_cause_a_server_error() {
        qt().withFixedSeed(7_102L)
                .withExamples(200)
                .withShrinkCycles(50)
                .forAll(bodies(), ifMatch(), booleans().all())
                .checkAssert(NoServerErrorProperties::junkBodyAndHeaders);
    }

    private static void brokenInOnePlace(JsonNode junk, int seed) {
        ObjectNode tree = (ObjectNode) LinkwayJson.mapper().readTree(referral);
        List<Runnable> edits = JsonMutations.edits(tree, junk);
        edits.get(Math.floorMod(seed, edits.size())).run();

        ApiClient.Answer answer = api.postJson("/v1/referrals", tree.toString());

        assertThat(answer.status()).as(answer.body()).isLessThan(500);
        if (answer.status() == 201) {
            assertThat(MessageValidator.builder()
                            .clock(ReferralApiContract.TODAY)
                            .build()
                            .validate(answer.body())
                            .isValid())
                    .isTrue();
        } else {
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    private static void junkBodyAndHeaders(String body, String ifMatch, boolean toTransitions) {
        ApiClient.Answer answer = toTransitions
                ? api.postJson("/v1/referrals/" + referralId + "/transitions", body, "If-Match", ifMatch)
                : api.postJson("/v1/referrals", body, "Idempotency-Key", ifMatch);
        assertThat(answer.status()).as(answer.body()).isBetween(200, 499);
    }

    static Gen<String> bodies() {
        return Gens.oneOf(
                Gens.anyText(300),
                Gens.pick(
                        "{}",
                        "[]",
                        "null",
                        "{\"to\":\"accepted\"}",
                        "{\"to\":7}",
                        "{\"to\":\"completed\",\"reason\":[]}",
                        "{\"to\":\"cancelled\",\"reason\":\"" + "x".repeat(600) + "\"}",
                        "{\"resourceType\":\"Referral\"}"));
    }

    static Gen<String> ifMatch() {
        return Gens.oneOf(
                Gens.pick("\"1\"", "1", "W/\"1\"", "*", "\"99999999999999999999\"", "\"-1\""),
                Gens.text(Gens.range('!', '~'), 1, 40));
    }
}
