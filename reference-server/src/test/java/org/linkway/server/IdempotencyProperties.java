package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.testing.Gens;
import org.quicktheories.core.Gen;

/**
 * {@code Idempotency-Key} against a model: any sequence of creates, some with keys (reused or
 * not), some with the same body and some not, answers exactly as the model says, and the server
 * holds one record (and one event) per create the model counts as new. Bounded: 40 sequences of
 * at most 8 requests on loopback.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class IdempotencyProperties {

    private static LinkwayServer server;
    private static ApiClient api;
    private static final String[] BODIES = {
        ReferralApiContract.example("valid/contact-record--first-call.json"),
        ReferralApiContract.example("valid/contact-record--first-call.json")
                .replace("First telephone contact", "Second telephone contact")
    };

    /** One create: which key (or none) and which of two bodies. */
    record Post(Integer key, int body) {}

    @BeforeAll
    static void start() throws IOException {
        Path data = Files.createTempDirectory("linkway-idempotency");
        server = LinkwayServer.start(ServerConfig.forTests(data), ReferralApiContract.TODAY);
        api = new ApiClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void creates_with_keys_answer_as_the_model_says() {
        // shrinking is capped: each step is a sequence of requests
        qt().withFixedSeed(7_201L)
                .withExamples(40)
                .withShrinkCycles(30)
                .forAll(posts())
                .checkAssert(IdempotencyProperties::answersAsTheModelSays);
    }

    private static void answersAsTheModelSays(List<Post> posts) {
        String referralId = api.postJson("/v1/referrals", ReferralApiContract.example(ReferralApiContract.FULL))
                .json()
                .path("id")
                .asString();
        String path = "/v1/referrals/" + referralId + "/contacts";
        String run = UUID.randomUUID().toString();
        Map<Integer, Integer> bodyOfKey = new HashMap<>();
        Map<Integer, String> answerOfKey = new HashMap<>();
        int created = 0;
        for (Post p : posts) {
            ApiClient.Answer a = p.key() == null
                    ? api.postJson(path, BODIES[p.body()])
                    : api.postJson(path, BODIES[p.body()], "Idempotency-Key", run + "-" + p.key());
            if (p.key() == null || !bodyOfKey.containsKey(p.key())) {
                assertThat(a.status()).as(a.body()).isEqualTo(201);
                assertThat(a.header("Idempotent-Replayed")).isNull();
                created++;
                if (p.key() != null) {
                    bodyOfKey.put(p.key(), p.body());
                    answerOfKey.put(p.key(), a.body());
                }
            } else if (bodyOfKey.get(p.key()) == p.body()) {
                assertThat(a.status()).isEqualTo(201);
                assertThat(a.header("Idempotent-Replayed")).isEqualTo("true");
                assertThat(a.body()).isEqualTo(answerOfKey.get(p.key()));
            } else {
                assertThat(a.status()).isEqualTo(422);
                assertThat(a.json().path("type").asString()).isEqualTo("urn:linkway:problem:idempotency-key-reused");
            }
        }
        assertThat(api.get(path + "?limit=500").json().path("items")).hasSize(created);
        long events = StreamSupport.stream(
                        api.get("/v1/referrals/" + referralId + "/events")
                                .json()
                                .path("items")
                                .spliterator(),
                        false)
                .filter(e -> e.path("type").asString().equals("contact.recorded"))
                .count();
        assertThat(events).isEqualTo(created);
    }

    static Gen<List<Post>> posts() {
        Gen<Integer> key = Gens.orNull(integers().between(0, 2), 25);
        return lists().of(key.zip(integers().between(0, 1), Post::new)).ofSizeBetween(1, 8);
    }
}
