package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.linkway.model.json.LinkwayJson;
import org.linkway.validation.JsonMutations;
import org.linkway.validation.MessageValidator;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile input never produces a 5xx: valid referrals broken one place at a time, junk bodies
 * and junk transition requests all get an answer below 500, errors as problem documents, and
 * anything accepted is a valid referral. Bounded: a few hundred requests on loopback.
 */
class NoServerErrorProperties {

    private static Path data;
    private static LinkwayServer server;
    private static ApiClient api;
    private static String referral;
    private static String referralId;

    @BeforeContainer
    static void start() throws IOException {
        data = Files.createTempDirectory("linkway-fuzz");
        server = LinkwayServer.start(ServerConfig.forTests(data), ReferralApiContract.TODAY);
        api = new ApiClient(server.port());
        referral = ReferralApiContract.example(ReferralApiContract.FULL);
        referralId = api.postJson("/v1/referrals", referral).json().path("id").asString();
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    @Property(tries = 300)
    void a_referral_broken_in_one_place_never_causes_a_server_error(@ForAll("junk") JsonNode junk, @ForAll int seed) {
        ObjectNode tree = (ObjectNode) LinkwayJson.mapper().readTree(referral);
        List<Runnable> edits = JsonMutations.edits(tree, junk);
        edits.get(Math.floorMod(seed, edits.size())).run();

        ApiClient.Answer answer = api.postJson("/v1/referrals", tree.toString());

        assertThat(answer.status()).as(answer.body()).isLessThan(500);
        if (answer.status() == 201) {
            assertThat(MessageValidator.builder().clock(ReferralApiContract.TODAY).build().validate(answer.body()).isValid()).isTrue();
        } else {
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Property(tries = 200)
    void junk_bodies_and_headers_never_cause_a_server_error(@ForAll("bodies") String body, @ForAll("ifMatch") String ifMatch,
                                                           @ForAll boolean toTransitions) {
        ApiClient.Answer answer = toTransitions
                ? api.postJson("/v1/referrals/" + referralId + "/transitions", body, "If-Match", ifMatch)
                : api.postJson("/v1/referrals", body, "Idempotency-Key", ifMatch);
        assertThat(answer.status()).as(answer.body()).isBetween(200, 499);
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300),
                Arbitraries.of("{}", "[]", "null", "{\"to\":\"accepted\"}", "{\"to\":7}", "{\"to\":\"completed\",\"reason\":[]}",
                        "{\"to\":\"cancelled\",\"reason\":\"" + "x".repeat(600) + "\"}", "{\"resourceType\":\"Referral\"}"));
    }

    @Provide
    Arbitrary<String> ifMatch() {
        return Arbitraries.oneOf(Arbitraries.of("\"1\"", "1", "W/\"1\"", "*", "\"99999999999999999999\"", "\"-1\""),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(40));
    }

    @Provide
    Arbitrary<JsonNode> junk() {
        return JsonMutations.junk();
    }
}
