package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * {@code Idempotency-Key} against a model: any sequence of creates, some with keys (reused or
 * not), some with the same body and some not, answers exactly as the model says, and the server
 * holds one record (and one event) per create the model counts as new. Bounded: 40 sequences of
 * at most 8 requests on loopback.
 */
class IdempotencyProperties {

    private static LinkwayServer server;
    private static ApiClient api;
    private static final String[] BODIES = {
        ReferralApiContract.example("valid/contact-record--first-call.json"),
        ReferralApiContract.example("valid/contact-record--first-call.json").replace("First telephone contact", "Second telephone contact")};

    /** One create: which key (or none) and which of two bodies. */
    record Post(Integer key, int body) { }

    @BeforeContainer
    static void start() throws IOException {
        Path data = Files.createTempDirectory("linkway-idempotency");
        server = LinkwayServer.start(ServerConfig.forTests(data), ReferralApiContract.TODAY);
        api = new ApiClient(server.port());
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    @Property(tries = 40)
    void creates_with_keys_answer_as_the_model_says(@ForAll("posts") List<Post> posts) {
        String referralId = api.postJson("/v1/referrals", ReferralApiContract.example(ReferralApiContract.FULL)).json().path("id").asString();
        String path = "/v1/referrals/" + referralId + "/contacts";
        String run = UUID.randomUUID().toString();
        Map<Integer, Integer> bodyOfKey = new HashMap<>();
        Map<Integer, String> answerOfKey = new HashMap<>();
        int created = 0;
        for (Post p : posts) {
            ApiClient.Answer a = p.key() == null ? api.postJson(path, BODIES[p.body()])
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
        long events = StreamSupport.stream(api.get("/v1/referrals/" + referralId + "/events").json().path("items").spliterator(), false)
                .filter(e -> e.path("type").asString().equals("contact.recorded")).count();
        assertThat(events).isEqualTo(created);
    }

    @Provide
    Arbitrary<List<Post>> posts() {
        Arbitrary<Integer> key = Arbitraries.integers().between(0, 2).injectNull(0.25);
        return net.jqwik.api.Combinators.combine(key, Arbitraries.integers().between(0, 1)).as(Post::new)
                .list().ofMinSize(1).ofMaxSize(8);
    }
}
