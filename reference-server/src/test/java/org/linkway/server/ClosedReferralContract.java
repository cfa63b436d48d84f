package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linkway.server.security.DevTokens;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;
import org.linkway.server.testing.TestDatabase;
import org.linkway.validation.Finding;
import org.linkway.validation.MessageValidator;
import tools.jackson.databind.JsonNode;

/**
 * Closed means closed, over real HTTP: once a referral has ended nothing more is recorded on its
 * journey, except a person's consent decision and a provider's report on an onward referral made
 * before the close, which reaches the GP and the referrer as a new version of the message back.
 * Subclasses run it on SQLite and on a real PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class ClosedReferralContract {

    LinkwayServer server;
    ApiClient api;
    Journeys journeys;
    DevTokens tokens;

    /** The running server, registered by each subclass on its database with {@link #server}. */
    LinkwayTestServer running;

    /** What each subclass registers: {@code @RegisterExtension static final LinkwayTestServer testServer = server(TestDatabase.X);} */
    static LinkwayTestServer server(TestDatabase database) {
        return LinkwayTestServer.on(database).clock(ReferralApiContract.TODAY);
    }

    @BeforeAll
    void start(LinkwayTestServer running) {
        this.running = running;
        server = running.server();
        api = new ApiClient(server.port());
        journeys = new Journeys(api);
        tokens = DevTokens.forPort(server.port()).orElseThrow();
    }

    /** Each kind of journey record, and what adding one posts. */
    private List<String[]> creates() {
        return List.of(
                new String[] {
                    "contacts", Journeys.contact("made-contact", "2026-11-20T10:00:00Z", "A call after closing")
                },
                new String[] {"assessments", Journeys.ons4("2026-11-20", 5, 5, 5, 5)},
                new String[] {"signposts", Journeys.signpost("2026-11-20", "Eastmere Advice Centre")},
                new String[] {"onward-referrals", Journeys.onwardReferral("2026-11-20")});
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rejected", "declined", "unable-to-contact", "completed", "cancelled"})
    void nothing_is_added_to_a_closed_referral_and_the_refusal_names_its_state(String ending) {
        String id = journeys.refer(Journeys.newReferrerOrg());
        journeys.close(id, ending, ending.equals("completed") ? null : "Closed for the test", null);
        List<String> eventsBefore = eventTypes(id);

        for (String[] create : creates()) {
            ApiClient.Answer refused = journeys.record(id, create[0], create[1]);
            assertClosed(refused, ending, create[0]);
            assertThat(api.get("/v1/referrals/" + id + "/" + create[0]).json().path("items"))
                    .as(create[0])
                    .isEmpty();
        }
        ApiClient.Answer plan = api.put(
                "/v1/referrals/" + id + "/care-plan", Journeys.carePlan("After closing", true), "If-None-Match", "*");
        assertClosed(plan, ending, "care plan");
        assertThat(api.get("/v1/referrals/" + id + "/care-plan").status()).isEqualTo(404);
        assertThat(eventTypes(id)).as("nothing written, no event").isEqualTo(eventsBefore);

        // a person may withdraw consent at any time, closed or not
        ApiClient.Answer withdrawn =
                journeys.record(id, "consents", ReferralApiContract.example("valid/consent--withdrawn.json"));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(201);
        assertThat(eventTypes(id)).last().isEqualTo("consent.recorded");
    }

    @Test
    void a_new_version_of_a_plan_that_exists_is_refused_once_the_referral_has_closed() {
        String id = journeys.refer(Journeys.newReferrerOrg());
        long v = journeys.move(id, 1, "accepted", null, null);
        journeys.agreePlan(id, 1, Journeys.carePlan("First agreed", true));
        journeys.move(id, v, "declined", "Decided it was not for her", null);
        ApiClient.Answer refused =
                api.put("/v1/referrals/" + id + "/care-plan", Journeys.carePlan("Second", true), "If-Match", "\"1\"");
        assertClosed(refused, "declined", "care plan");
        assertThat(api.get("/v1/referrals/" + id + "/care-plan/versions").json().path("items"))
                .hasSize(1);
    }

    @Test
    void records_are_still_accepted_while_the_referral_is_open() {
        String id = journeys.refer(Journeys.newReferrerOrg());
        for (String[] create : creates()) {
            assertThat(journeys.record(id, create[0], create[1]).status())
                    .as(create[0])
                    .isEqualTo(201);
        }
    }

    /**
     * The provider's report after the close is accepted from the provider's own token and goes
     * on to the referrer: version 2 of the message back carries it, with a message-back.updated
     * event the referrer can read with its own token.
     */
    @Test
    void a_providers_feedback_after_the_close_updates_the_message_back_for_the_referrer() {
        String referrerOrg = Journeys.newReferrerOrg();
        String id = journeys.refer(referrerOrg);
        journeys.recorded(id, "consents", ReferralApiContract.example("valid/consent--given-gp-and-provider.json"));
        String onwardId = journeys.recorded(id, "onward-referrals", Journeys.onwardReferral("2026-11-02"))
                .path("id")
                .asString();
        ApiClient provider = api.as(tokens.mint(Role.PROVIDER, Journeys.PROVIDER));
        long onwardVersion = Journeys.moveOnward(provider, onwardId, 1, "accepted");
        journeys.close(id, "completed", null, "Please record the social prescribing outcome in her notes.");

        ApiClient referrer = api.as(tokens.mint(Role.REFERRER, referrerOrg));
        ApiClient.Answer first = referrer.get("/v1/referrals/" + id + "/message-back");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");
        assertThat(Journeys.planTexts(first.json()))
                .anySatisfy(t -> assertThat(t).contains("Status: accepted"))
                .anySatisfy(t -> assertThat(t)
                        .isEqualTo("For the GP practice: Please record the social prescribing outcome in her notes."));

        String said = "Came to every walk in November and now leads the slow group.";
        ApiClient.Answer reported = Journeys.feedback(provider, onwardId, "2026-11-25", "attended", said);
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);

        ApiClient.Answer second = referrer.get("/v1/referrals/" + id + "/message-back");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("ETag")).isEqualTo("\"2\"");
        JsonNode updated = second.json();
        assertThat(Journeys.planTexts(updated))
                .anySatisfy(t -> assertThat(t).contains(said).contains("Attendance: attended"))
                .as("what the GP was asked stays")
                .contains("For the GP practice: Please record the social prescribing outcome in her notes.");
        assertThat(updated.path("outcome").asString()).isEqualTo("completed");
        assertThat(MessageValidator.builder()
                        .clock(ReferralApiContract.TODAY)
                        .build()
                        .validate(second.body())
                        .findings())
                .filteredOn(Finding::isError)
                .isEmpty();

        JsonNode events = referrer.get("/v1/referrals/" + id + "/events").json().path("items");
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.path("type").asString()).isEqualTo("message-back.updated");
        assertThat(last.path("resourceType").asString()).isEqualTo("MessageBack");
        assertThat(last.path("resourceVersion").asLong()).isEqualTo(2);
        assertThat(last.at("/data/onwardReferralId").asString()).isEqualTo(onwardId);
        assertThat(last.at("/data/href").asString()).isEqualTo("/v1/referrals/" + id + "/message-back");
        assertThat(last.at("/data/recipients"))
                .extracting(r -> r.path("role").asString())
                .contains("referrer", "gp-practice");
        assertThat(referrer.get("/v1/events?after=0&limit=1000").json().path("items"))
                .anySatisfy(e -> assertThat(e.path("id").asString())
                        .isEqualTo(last.path("id").asString()));

        // the provider's later moves reach the message back too (feedback left the onward referral's version alone)
        Journeys.moveOnward(provider, onwardId, onwardVersion, "attended");
        ApiClient.Answer third = referrer.get("/v1/referrals/" + id + "/message-back");
        assertThat(third.header("ETag")).isEqualTo("\"3\"");
        assertThat(Journeys.planTexts(third.json()))
                .anySatisfy(t -> assertThat(t).contains("Status: attended").contains(said));
    }

    /**
     * Contacts posted while the referral is being closed: each is either refused or stored before
     * the close, and then it is in the message back. Nothing lands on a closed referral unseen.
     */
    @Test
    void a_record_racing_the_close_is_refused_or_in_the_message_back() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 6; round++) {
                String id = journeys.refer(Journeys.newReferrerOrg());
                long working =
                        journeys.move(id, journeys.move(id, 1, "accepted", null, null), "in-progress", null, null);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> posts = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    String body = Journeys.contact(
                            "made-contact", "2026-11-1" + t + "T10:00:00Z", "Call " + t + " racing the close");
                    posts.add(pool.submit(() -> {
                        go.await(60, TimeUnit.SECONDS);
                        return journeys.record(id, "contacts", body).status();
                    }));
                }
                Future<Integer> close = pool.submit(() -> {
                    go.await(60, TimeUnit.SECONDS);
                    return api.postJson(
                                    "/v1/referrals/" + id + "/transitions",
                                    "{\"to\":\"completed\"}",
                                    "If-Match",
                                    "\"" + working + "\"")
                            .status();
                });
                go.countDown();
                assertThat(close.get(60, TimeUnit.SECONDS)).isEqualTo(200);
                long stored = 0;
                for (Future<Integer> post : posts) {
                    int status = post.get(60, TimeUnit.SECONDS);
                    assertThat(status).isIn(201, 409);
                    stored += status == 201 ? 1 : 0;
                }
                assertThat(api.get("/v1/referrals/" + id + "/contacts").json().path("items"))
                        .hasSize((int) stored);
                assertThat(api.get("/v1/referrals/" + id + "/message-back")
                                .json()
                                .at("/contactsWithProfessionals/entries"))
                        .as("every stored contact is in the message back")
                        .hasSize((int) stored);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void what_the_gp_is_asked_is_only_for_an_ending_with_a_message_back_and_must_be_text() {
        String id = journeys.refer(Journeys.newReferrerOrg());
        String path = "/v1/referrals/" + id + "/transitions";
        ApiClient.Answer notAnEnding =
                api.postJson(path, "{\"to\":\"accepted\",\"gpActions\":\"Review her\"}", "If-Match", "\"1\"");
        assertThat(notAnEnding.status()).isEqualTo(422);
        assertThat(notAnEnding.json().path("detail").asString())
                .contains("gpActions")
                .contains("accepted");
        ApiClient.Answer blank = api.postJson(
                path, "{\"to\":\"rejected\",\"reason\":\"Out of area\",\"gpActions\":\"  \"}", "If-Match", "\"1\"");
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.json().path("type").asString()).isEqualTo("urn:linkway:problem:invalid-transition-request");
        ApiClient.Answer cancelled = api.postJson(
                path,
                "{\"to\":\"cancelled\",\"reason\":\"Sent in error\",\"gpActions\":\"Nothing\"}",
                "If-Match",
                "\"1\"");
        assertThat(cancelled.status())
                .as("a cancelled referral sends no message back")
                .isEqualTo(422);
        assertThat(api.get("/v1/referrals/" + id).json().path("status").asString())
                .as("nothing moved")
                .isEqualTo("received");
    }

    private static void assertClosed(ApiClient.Answer answer, String state, String what) {
        assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(409);
        assertThat(answer.json().path("type").asString()).isEqualTo("urn:linkway:problem:referral-closed");
        assertThat(answer.json().path("currentState").asString()).isEqualTo(state);
        assertThat(answer.json().path("detail").asString()).contains("'" + state + "'");
    }

    private List<String> eventTypes(String id) {
        List<String> out = new ArrayList<>();
        api.get("/v1/referrals/" + id + "/events")
                .json()
                .path("items")
                .forEach(e -> out.add(e.path("type").asString()));
        return out;
    }
}
