package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.linkway.crypto.MessageSignature;
import org.linkway.crypto.TrustedKeys;
import org.linkway.fhir.BundleForm;
import org.linkway.fhir.FhirBinding;
import org.linkway.fhir.FhirProfileValidator;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.security.DevTokens;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;
import org.linkway.server.testing.TestDatabase;
import org.linkway.validation.Finding;
import org.linkway.validation.MessageValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The referral API over real HTTP on loopback. Subclasses run it against SQLite and against a
 * real PostgreSQL: the same suite, both databases.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReferralApiContract {

    static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    LinkwayServer server;
    ApiClient api;

    /** The running server, registered by each subclass on its database with {@link #server}. */
    LinkwayTestServer running;

    /** The JDBC URL the suite runs against, or null for the default SQLite file in the data directory. */
    String databaseUrl() {
        return running.database() == TestDatabase.SQLITE ? null : running.databaseUrl();
    }

    /** What each subclass registers: {@code @RegisterExtension static final LinkwayTestServer testServer = server(TestDatabase.X);} */
    static LinkwayTestServer server(TestDatabase database) {
        return LinkwayTestServer.on(database).clock(TODAY);
    }

    @BeforeAll
    void start(LinkwayTestServer running) {
        this.running = running;
        server = running.server();
        api = new ApiClient(server.port());
    }

    /** The contract check is only as good as its coverage: this suite reaches every operation the server serves. */
    @AfterAll
    void every_implemented_operation_was_checked_against_the_contract() {
        assertThat(OpenApiContract.get().implementedButNotExercised()).isEmpty();
    }

    /** The open validation and the inspector have their own suites (ValidateApiTest, WebPagesBrowserTest); this visits each once. */
    @Test
    void a_message_is_checked_with_no_token_through_the_api_and_the_inspector() throws java.io.IOException {
        String bad;
        try (var in = ReferralApiContract.class.getResourceAsStream(
                "/org/linkway/schemas/examples/invalid/LW-EMAIL--no-at-sign.referral.json")) {
            bad = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        ApiClient.Answer checked = api.postJson("/v1/$validate", bad);
        assertThat(checked.status()).as(checked.body()).isEqualTo(200);
        assertThat(checked.json().path("valid").asBoolean()).isFalse();
        assertThat(checked.json().path("findings").get(0).path("ruleId").asString())
                .isEqualTo("LW-EMAIL");
        ApiClient.Answer page = api.post(
                "/inspector",
                "message=" + java.net.URLEncoder.encode(bad, java.nio.charset.StandardCharsets.UTF_8),
                "Content-Type",
                "application/x-www-form-urlencoded");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-rule=\"LW-EMAIL\"");
    }

    /** Imports have their own suites (SpreadsheetImportTest, SpreadsheetLimitsTest); this visits the operation once. */
    @Test
    void a_spreadsheet_import_dry_run_answers_what_it_would_create() {
        ApiClient lw =
                new ApiClient(server.port(), running.token(org.linkway.server.security.Role.LINK_WORKER, "8EC41"));
        byte[] csv = SchemeSheets.csv(SchemeSheets.HEADINGS, SchemeSheets.rows("CONTRACT", 2));
        ApiClient.Answer a = lw.post(
                "/v1/imports?dryRun=true",
                new String(csv, java.nio.charset.StandardCharsets.UTF_8),
                "Content-Type",
                "text/csv");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().path("wouldCreate").asInt()).isEqualTo(2);
    }

    /** The directory has its own suite (DirectoryContract); this visits each directory operation once. */
    @Test
    void a_directory_service_is_imported_searched_read_and_retired() {
        String service = "{\"id\":\"contract-svc\",\"name\":\"Contract Choir\",\"status\":\"active\"}";
        assertThat(api.postJson("/v1/directory/imports", "[" + service + "]")
                        .json()
                        .path("created")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.get("/v1/directory/services?text=contract%20choir")
                        .json()
                        .path("total_items")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.get("/v1/directory/services/contract-svc").status()).isEqualTo(200);
        assertThat(api.post("/v1/directory/services/contract-svc/retire", null).status())
                .isEqualTo(200);
        assertThat(api.get("/v1/directory/services/contract-svc/history").json().path("items"))
                .hasSize(2);
    }

    /** Webhooks have their own suite (WebhookContract); this visits each subscription operation once. */
    @Test
    void a_subscription_is_created_read_listed_replayed_and_deleted() {
        String body = "{\"url\":\"http://127.0.0.1:9/hook\",\"types\":[\"message-back.issued\"]}";
        ApiClient.Answer created = api.postJson("/v1/subscriptions", body, "Idempotency-Key", "subscribe-once");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        ApiClient.Answer again = api.postJson("/v1/subscriptions", body, "Idempotency-Key", "subscribe-once");
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json()).isEqualTo(created.json());
        assertThat(api.get("/v1/subscriptions/" + id)
                        .json()
                        .path("delivery")
                        .path("pending")
                        .asLong())
                .isZero();
        assertThat(api.get("/v1/subscriptions").json().path("items").findValuesAsString("id"))
                .containsOnlyOnce(id);
        assertThat(api.delete("/v1/subscriptions/" + id).status()).isEqualTo(204);
        assertThat(api.get("/v1/subscriptions/" + id).status()).isEqualTo(404);
    }

    /** Development mode signs with a throwaway key and publishes it; a read referral verifies against it. */
    @Test
    void the_server_publishes_its_signing_key_and_signs_a_referral_it_discloses() throws Exception {
        ApiClient.Answer jwks = api.as(null).get("/.well-known/jwks.json");
        assertThat(jwks.status()).isEqualTo(200);
        TrustedKeys keys = TrustedKeys.fromJwks(jwks.body());
        assertThat(keys.size()).isEqualTo(1);
        assertThat(jwks.body()).doesNotContain("\"d\"");
        String id =
                api.postJson("/v1/referrals", example(FULL)).json().path("id").asString();
        ApiClient.Answer read = api.get("/v1/referrals/" + id);
        assertThat(MessageSignature.verify(read.body(), read.header("Linkway-Signature"), keys)
                        .valid())
                .isTrue();
    }

    /**
     * A link worker's and a referrer's lists are limited to their organisation by the database
     * query, not cut down after paging: with other organisations' referrals interleaved, every
     * page holds {@code limit} of the caller's own while it has them, and walking the cursor
     * returns each of them exactly once.
     */
    @Test
    void a_callers_list_is_filtered_in_the_query_so_pages_are_full_and_the_cursor_walks_its_own() {
        String run = String.format("%03d", System.nanoTime() % 1000);
        String myService = "9M" + run,
                otherService = "9O" + run,
                myPractice = "M" + run + "01",
                otherPractice = "O" + run + "01";
        Set<String> mineAsLinkWorker = new HashSet<>();
        Set<String> mineAsReferrer = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            // interleaved: one of ours, two of another organisation's
            mineAsLinkWorker.add(create(otherPractice, myService));
            mineAsReferrer.add(create(myPractice, otherService));
            create(otherPractice, otherService);
        }
        DevTokens tokens = DevTokens.forPort(server.port()).orElseThrow();
        assertThat(walk(api.as(tokens.mint(Role.LINK_WORKER, myService)), "/v1/referrals?limit=3"))
                .containsExactlyInAnyOrderElementsOf(mineAsLinkWorker);
        assertThat(walk(api.as(tokens.mint(Role.REFERRER, myPractice)), "/v1/referrals?limit=2"))
                .containsExactlyInAnyOrderElementsOf(mineAsReferrer);
        // asking for another organisation's referrals finds none, not an error
        ApiClient.Answer others =
                api.as(tokens.mint(Role.REFERRER, myPractice)).get("/v1/referrals?referrerOrg=" + otherPractice);
        assertThat(others.status()).isEqualTo(200);
        assertThat(others.json().path("items")).isEmpty();
    }

    private String create(String referrerOrg, String addresseeOrg) {
        ObjectNode doc =
                (ObjectNode) LinkwayJson.mapper().readTree(example("valid/referral--hospital-discharge-carer.json"));
        ((ObjectNode) doc.at("/referralDetails/entries/0/referrerDetails/organisation")).put("code", referrerOrg);
        ((ObjectNode) doc.at("/referralDetails/entries/0/referralTo/organisation")).put("code", addresseeOrg);
        ApiClient.Answer created = api.postJson("/v1/referrals", doc.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /** Every page must be full but the last; returns the ids in order, failing on a repeat. */
    private static List<String> walk(ApiClient client, String first) {
        List<String> seen = new ArrayList<>();
        int limit = Integer.parseInt(first.substring(first.indexOf("limit=") + 6));
        String next = first;
        while (next != null) {
            JsonNode page = client.get(next).json();
            JsonNode items = page.path("items");
            String cursor =
                    page.path("nextCursor").isString() ? page.path("nextCursor").asString() : null;
            if (cursor != null) {
                assertThat(items).as("a page before the last is full").hasSize(limit);
            }
            items.forEach(i -> {
                assertThat(seen)
                        .as("each referral once")
                        .doesNotContain(i.path("id").asString());
                seen.add(i.path("id").asString());
            });
            next = cursor == null
                    ? null
                    : "/v1/referrals?limit=" + limit + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
        }
        return seen;
    }

    /**
     * A referral's events without {@code referral.possible-duplicate} and {@code referral.episode-linked}
     * ({@link PersonMatchEvents}): the suite sends the same invented person many times, which the
     * link worker service is told of; these tests are about the journey's own events.
     */
    ArrayNode journeyEvents(String id) {
        ArrayNode out = LinkwayJson.mapper().createArrayNode();
        api.get("/v1/referrals/" + id + "/events").json().path("items").forEach(e -> {
            if (!PersonMatchEvents.is(e.path("type").asString())) {
                out.add(e);
            }
        });
        return out;
    }

    /** How many events the log holds, without the person-match events (see {@link #journeyEvents}). */
    long journeyEventCount() {
        long n = 0;
        for (JsonNode e : api.get("/v1/events?limit=1000").json().path("items")) {
            if (!PersonMatchEvents.is(e.path("type").asString())) {
                n++;
            }
        }
        return n;
    }

    /** An example as a sender would post it: without the ids and status a server assigns. */
    static String example(String name) {
        try (InputStream in = ReferralApiContract.class.getResourceAsStream("/org/linkway/schemas/examples/" + name)) {
            ObjectNode referral = (ObjectNode) LinkwayJson.mapper().readTree(in.readAllBytes());
            referral.remove(List.of("id", "status", "referralId", "version"));
            return LinkwayJson.mapper().writeValueAsString(referral);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String FULL = "valid/referral--full-gp-loneliness.json";

    @Test
    void a_valid_referral_is_received_with_location_and_etag() {
        ApiClient.Answer created = api.postJson("/v1/referrals", example(FULL));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.header("Location")).isEqualTo("/v1/referrals/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.json().path("status").asString()).isEqualTo("received");
        assertThat(created.header("X-Request-Id")).isNotBlank();

        ApiClient.Answer read = api.get("/v1/referrals/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created.json());
        assertThat(api.get("/v1/referrals/" + id, "If-None-Match", "\"1\"").status())
                .isEqualTo(304);
    }

    @Test
    void an_invalid_referral_is_422_with_every_finding_and_nothing_is_written() {
        String before = api.get("/v1/events?after=0&limit=1000").body();
        String bad = example(FULL).replace("\"nhsNumber\":\"", "\"nhsNumber\":\"1");
        ApiClient.Answer answer = api.postJson("/v1/referrals", bad);
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("type").asString()).isEqualTo("urn:linkway:problem:invalid-referral");
        assertThat(problem.path("requestId").asString()).isEqualTo(answer.header("X-Request-Id"));
        assertThat(problem.path("findings").get(0).path("ruleId").asString()).isEqualTo("LW-MAX-LENGTH");
        assertThat(problem.path("findings").get(0).path("prsbPath").asString())
                .isEqualTo("Person demographics / NHS number");
        assertThat(api.get("/v1/events?after=0&limit=1000").body()).isEqualTo(before);
    }

    @Test
    void unknown_properties_in_the_servers_own_version_are_refused_naming_the_member() {
        String extra = example(FULL)
                .replaceFirst(
                        "\"resourceType\":\"Referral\",",
                        "\"resourceType\":\"Referral\",\"favouriteColour\":\"teal\",");
        ApiClient.Answer refused = api.postJson("/v1/referrals", extra);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().path("type").asString()).isEqualTo("urn:linkway:problem:invalid-referral");
        assertThat(refused.json().path("detail").asString()).contains("LW-UNKNOWN-PROPERTY at /favouriteColour");
        assertThat(refused.json().path("findings")).anySatisfy(f -> {
            assertThat(f.path("ruleId").asString()).isEqualTo("LW-UNKNOWN-PROPERTY");
            assertThat(f.path("pointer").asString()).isEqualTo("/favouriteColour");
            assertThat(f.path("message").asString()).contains("'favouriteColour'");
        });
    }

    @Test
    void unknown_properties_of_a_newer_minor_are_accepted_but_not_stored() {
        String extra = example(FULL)
                .replaceFirst(
                        "\"resourceType\":\"Referral\",", "\"resourceType\":\"Referral\",\"favouriteColour\":\"teal\",")
                .replace("\"nhsNumber\":", "\"shoeSize\":{\"uk\":7},\"nhsNumber\":")
                .replace("\"schemaVersion\":\"1.0.0\"", "\"schemaVersion\":\"1.1.0\"");
        ApiClient.Answer created = api.postJson("/v1/referrals", extra);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("favouriteColour").doesNotContain("shoeSize");
        assertThat(created.json().path("personDemographics").has("nhsNumber")).isTrue();
        assertThat(created.json().propertyNames()).startsWith("resourceType", "schemaVersion", "prsbVersion", "id");
    }

    @Test
    void a_message_that_is_only_valid_because_of_an_unknown_property_is_refused() {
        ObjectNode tree = (ObjectNode) LinkwayJson.mapper().readTree(example(FULL));
        tree.put("schemaVersion", "1.1.0");
        ((ObjectNode) tree.at("/risks/entries/0")).putObject("risk").put("riskk", "typo");
        ApiClient.Answer answer = api.postJson("/v1/referrals", tree.toString());
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().path("type").asString())
                .isEqualTo("urn:linkway:problem:invalid-without-unknown-properties");
        assertThat(answer.json().path("findings"))
                .extracting(f -> f.path("ruleId").asString())
                .containsExactly("LW-SCHEMA-VERSION", "LW-UNKNOWN-PROPERTY", "LW-CODED-TEXT-EMPTY");
    }

    @Test
    void bad_bodies_get_4xx_problems() {
        assertThat(api.postJson("/v1/referrals", "{\"resourceType\":").status()).isEqualTo(400);
        assertThat(api.post("/v1/referrals", example(FULL), "Content-Type", "text/plain")
                        .status())
                .isEqualTo(415);
        assertThat(api.postJson("/v1/referrals", "[]").status()).isEqualTo(400);
        String[] huge = api.postOversized("/v1/referrals", 10L * 1024 * 1024);
        assertThat(huge[0]).isEqualTo("413");
        assertThat(huge[1]).contains("application/problem+json");
        assertThat(huge[2]).contains("urn:linkway:problem:too-large");
        String withId = example(FULL)
                .replaceFirst("\"resourceType\":\"Referral\",", "\"resourceType\":\"Referral\",\"id\":\"mine\",");
        assertThat(api.postJson("/v1/referrals", withId).json().path("type").asString())
                .isEqualTo("urn:linkway:problem:server-assigned");
    }

    @Test
    void an_idempotency_key_replays_the_first_answer_and_refuses_a_different_body() {
        ApiClient.Answer first = api.postJson("/v1/referrals", example(FULL), "Idempotency-Key", "retry-me-1");
        ApiClient.Answer again = api.postJson("/v1/referrals", example(FULL), "Idempotency-Key", "retry-me-1");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");

        String other = example("valid/referral--minimal-self-referral.json");
        ApiClient.Answer reused = api.postJson("/v1/referrals", other, "Idempotency-Key", "retry-me-1");
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().path("type").asString()).isEqualTo("urn:linkway:problem:idempotency-key-reused");
    }

    @Test
    void the_journey_moves_only_along_the_lifecycle_and_records_every_step() {
        String id =
                api.postJson("/v1/referrals", example(FULL)).json().path("id").asString();
        String path = "/v1/referrals/" + id + "/transitions";

        ApiClient.Answer noIfMatch = api.postJson(path, "{\"to\":\"accepted\"}");
        assertThat(noIfMatch.status()).isEqualTo(428);

        ApiClient.Answer accepted = api.postJson(path, "{\"to\":\"accepted\"}", "If-Match", "\"1\"");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.header("ETag")).isEqualTo("\"2\"");

        ApiClient.Answer stale = api.postJson(path, "{\"to\":\"in-progress\"}", "If-Match", "\"1\"");
        assertThat(stale.status()).isEqualTo(412);

        ApiClient.Answer illegal = api.postJson(path, "{\"to\":\"completed\"}", "If-Match", "\"2\"");
        assertThat(illegal.status()).isEqualTo(409);
        assertThat(illegal.json().path("detail").asString())
                .contains("'accepted'")
                .contains("in-progress, declined, unable-to-contact, cancelled");

        ApiClient.Answer noReason = api.postJson(path, "{\"to\":\"declined\"}", "If-Match", "\"2\"");
        assertThat(noReason.status()).isEqualTo(422);

        assertThat(api.postJson(path, "{\"to\":\"in-progress\"}", "If-Match", "\"2\"")
                        .status())
                .isEqualTo(200);
        assertThat(api.postJson(path, "{\"to\":\"completed\"}", "If-Match", "\"3\"")
                        .status())
                .isEqualTo(200);
        assertThat(api.postJson(path, "{\"to\":\"cancelled\",\"reason\":\"too late\"}", "If-Match", "\"4\"")
                        .status())
                .isEqualTo(409);

        JsonNode events = journeyEvents(id);
        assertThat(events)
                .extracting(e -> e.path("type").asString())
                .containsExactly(
                        "referral.received",
                        "referral.status-changed",
                        "referral.status-changed",
                        "referral.status-changed",
                        "message-back.issued");
        assertThat(StreamSupport.stream(events.spliterator(), false).limit(4).toList())
                .extracting(e -> e.path("data").path("to").asString())
                .containsExactly("received", "accepted", "in-progress", "completed");
        assertThat(api.get("/v1/referrals/" + id).json().path("status").asString())
                .isEqualTo("completed");
    }

    /** The list of message backs (its recipients' side is MessageBackRecipientsContract); an admin lists every one. */
    @Test
    void a_closed_referrals_message_back_is_listed() {
        String id =
                api.postJson("/v1/referrals", example(FULL)).json().path("id").asString();
        assertThat(api.postJson(
                                "/v1/referrals/" + id + "/transitions",
                                "{\"to\":\"rejected\",\"reason\":\"Outside the area\"}",
                                "If-Match",
                                "\"1\"")
                        .status())
                .isEqualTo(200);
        ApiClient.Answer page = api.get("/v1/message-backs?limit=500");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("items").findValuesAsString("referralId")).contains(id);
    }

    @Test
    void closing_a_referral_issues_a_valid_message_back_addressed_to_referrer_and_gp() {
        String id =
                api.postJson("/v1/referrals", example(FULL)).json().path("id").asString();
        String path = "/v1/referrals/" + id + "/transitions";
        ApiClient.Answer early = api.get("/v1/referrals/" + id + "/message-back");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("type").asString()).isEqualTo("urn:linkway:problem:referral-open");

        api.postJson(path, "{\"to\":\"accepted\"}", "If-Match", "\"1\"");
        assertThat(api.postJson(
                                path,
                                "{\"to\":\"unable-to-contact\",\"reason\":\"Three calls and a letter, no reply\"}",
                                "If-Match",
                                "\"2\"")
                        .status())
                .isEqualTo(200);

        ApiClient.Answer message = api.get("/v1/referrals/" + id + "/message-back");
        assertThat(message.status()).isEqualTo(200);
        JsonNode m = message.json();
        assertThat(m.path("resourceType").asString()).isEqualTo("MessageBack");
        assertThat(m.path("outcome").asString()).isEqualTo("unable-to-contact");
        assertThat(m.path("referralId").asString()).isEqualTo(id);
        assertThat(m.at("/clinicalSummary/clinicalSummary").asString()).contains("Three calls and a letter");
        JsonNode referral = api.get("/v1/referrals/" + id).json();
        assertThat(m.path("risks")).isEqualTo(referral.path("risks"));
        assertThat(m.path("safeguarding")).isEqualTo(referral.path("safeguarding"));
        assertThat(MessageValidator.builder()
                        .clock(TODAY)
                        .build()
                        .validate(message.body())
                        .findings())
                .isEmpty();

        JsonNode issued = journeyEvents(id).get(3);
        assertThat(issued.path("type").asString()).isEqualTo("message-back.issued");
        assertThat(issued.at("/data/recipients"))
                .extracting(r -> r.path("role").asString())
                .contains("referrer", "gp-practice");
    }

    @Test
    void the_journey_records_contacts_consents_assessments_and_signposts_under_the_referral() {
        String id =
                api.postJson("/v1/referrals", example(FULL)).json().path("id").asString();
        String[][] records = {
            {"contacts", "valid/contact-record--first-call.json", "contact.recorded"},
            {"consents", "valid/consent--given-gp-and-provider.json", "consent.recorded"},
            {"assessments", "valid/assessment--ons4-baseline.json", "assessment.recorded"},
            {"signposts", "valid/signpost--debt-advice.json", "signpost.recorded"}
        };
        for (String[] r : records) {
            ApiClient.Answer created = api.postJson("/v1/referrals/" + id + "/" + r[0], example(r[1]));
            assertThat(created.status()).as(r[0] + ": " + created.body()).isEqualTo(201);
            assertThat(created.json().path("referralId").asString()).isEqualTo(id);
            String recordId = created.json().path("id").asString();
            assertThat(created.header("Location")).isEqualTo("/v1/referrals/" + id + "/" + r[0] + "/" + recordId);
            assertThat(api.get(created.header("Location")).json()).isEqualTo(created.json());
            assertThat(api.get("/v1/referrals/" + id + "/" + r[0]).json().path("items"))
                    .hasSize(1);
        }
        assertThat(journeyEvents(id))
                .extracting(e -> e.path("type").asString())
                .containsExactly(
                        "referral.received",
                        "contact.recorded",
                        "consent.recorded",
                        "assessment.recorded",
                        "signpost.recorded");

        assertThat(api.postJson("/v1/referrals/nobody/contacts", example("valid/contact-record--first-call.json"))
                        .status())
                .isEqualTo(404);
        assertThat(api.postJson("/v1/referrals/" + id + "/contacts", example(FULL))
                        .json()
                        .path("type")
                        .asString())
                .isEqualTo("urn:linkway:problem:wrong-message-type");
        String withReferralId = example("valid/signpost--debt-advice.json")
                .replaceFirst(
                        "\"resourceType\":\"Signpost\",", "\"resourceType\":\"Signpost\",\"referralId\":\"other\",");
        assertThat(api.postJson("/v1/referrals/" + id + "/signposts", withReferralId)
                        .json()
                        .path("type")
                        .asString())
                .isEqualTo("urn:linkway:problem:server-assigned");
        ApiClient.Answer badConsent = api.postJson(
                "/v1/referrals/" + id + "/consents",
                example("invalid/LW-CONSENT-RECORDED--not-sought-without-reason.consent.json"));
        assertThat(badConsent.status()).isEqualTo(422);
        assertThat(badConsent.json().path("findings").get(0).path("ruleId").asString())
                .isEqualTo("LW-CONSENT-RECORDED");
        assertThat(api.get("/v1/referrals/" + id + "/consents/not-a-record").status())
                .isEqualTo(404);
    }

    @Test
    void the_care_plan_is_created_once_replaced_with_if_match_and_every_version_is_kept() {
        String id =
                api.postJson("/v1/referrals", example(FULL)).json().path("id").asString();
        String path = "/v1/referrals/" + id + "/care-plan";
        String plan = example("valid/care-plan--goals-and-actions.json");

        assertThat(api.put(path, plan).status()).isEqualTo(428);
        ApiClient.Answer first = api.put(path, plan, "If-None-Match", "*");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");
        assertThat(first.header("Location")).isEqualTo(path);
        assertThat(first.json().path("version").asInt()).isEqualTo(1);
        assertThat(api.put(path, plan, "If-None-Match", "*").status()).isEqualTo(412);

        ObjectNode tree = (ObjectNode) LinkwayJson.mapper().readTree(plan);
        ((ObjectNode) tree.get("careAndSupportPlan")).put("plannedReviewDate", "2026-12-24");
        String revised = tree.toString();
        ApiClient.Answer second = api.put(path, revised, "If-Match", "\"1\"");
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().path("version").asInt()).isEqualTo(2);
        assertThat(second.json().at("/careAndSupportPlan/plannedReviewDate").asString())
                .isEqualTo("2026-12-24");
        assertThat(api.put(path, plan, "If-Match", "\"1\"").status()).isEqualTo(412);

        assertThat(api.get(path).json()).isEqualTo(second.json());
        assertThat(api.get(path + "/versions").json().path("items"))
                .extracting(v -> v.path("version").asInt())
                .containsExactly(1, 2);
        assertThat(journeyEvents(id)).extracting(e -> e.path("type").asString()).contains("care-plan.agreed");
    }

    @Test
    void an_onward_referral_follows_its_own_lifecycle_and_carries_the_providers_feedback() {
        String referralId =
                api.postJson("/v1/referrals", example(FULL)).json().path("id").asString();
        ApiClient.Answer sent = api.postJson(
                "/v1/referrals/" + referralId + "/onward-referrals",
                example("valid/onward-referral--walking-group-with-feedback.json"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().path("status").asString()).isEqualTo("sent");
        String path = sent.header("Location");
        int feedbackBefore = sent.json().path("feedback").size();

        assertThat(api.postJson(path + "/transitions", "{\"to\":\"accepted\"}").status())
                .isEqualTo(428);
        assertThat(api.postJson(path + "/transitions", "{\"to\":\"accepted\"}", "If-Match", "\"1\"")
                        .status())
                .isEqualTo(200);
        ApiClient.Answer illegal = api.postJson(path + "/transitions", "{\"to\":\"completed\"}", "If-Match", "\"2\"");
        assertThat(illegal.status()).isEqualTo(409);
        assertThat(illegal.json().path("detail").asString()).contains("attended, did-not-attend");
        assertThat(api.postJson(path + "/transitions", "{\"to\":\"did-not-attend\"}", "If-Match", "\"2\"")
                        .status())
                .isEqualTo(422);
        assertThat(api.postJson(path + "/transitions", "{\"to\":\"attended\"}", "If-Match", "\"2\"")
                        .status())
                .isEqualTo(200);

        ApiClient.Answer feedback = api.postJson(
                path + "/feedback",
                "{\"at\":\"2026-11-20\",\"attendance\":\"attended\",\"text\":\"Joined the Thursday walk twice.\"}");
        assertThat(feedback.status()).as(feedback.body()).isEqualTo(201);
        assertThat(feedback.header("Location")).isEqualTo(path);
        assertThat(feedback.json().path("feedback").size()).isEqualTo(feedbackBefore + 1);
        ApiClient.Answer noText = api.postJson(path + "/feedback", "{\"at\":\"2026-11-21\"}");
        assertThat(noText.status()).isEqualTo(422);
        assertThat(noText.json().path("findings").get(0).path("ruleId").asString())
                .isEqualTo("LW-REQUIRED");
        assertThat(api.get(path).json().path("feedback").size()).isEqualTo(feedbackBefore + 1);

        assertThat(api.get("/v1/referrals/" + referralId + "/onward-referrals")
                        .json()
                        .path("items"))
                .hasSize(1);
        assertThat(journeyEvents(referralId))
                .extracting(e -> e.path("type").asString())
                .contains("onward-referral.sent", "onward-referral.status-changed", "onward-referral.feedback");
    }

    @Test
    void every_create_honours_an_idempotency_key_the_same_way() {
        String id =
                api.postJson("/v1/referrals", example(FULL)).json().path("id").asString();
        String onward = api.postJson(
                        "/v1/referrals/" + id + "/onward-referrals",
                        example("valid/onward-referral--walking-group-with-feedback.json"))
                .header("Location");
        int feedbackBefore = api.get(onward).json().path("feedback").size();
        String[][] creates = {
            {
                "/v1/referrals/" + id + "/contacts",
                example("valid/contact-record--first-call.json"),
                example("valid/contact-record--first-call.json").replace("made-contact", "no-answer")
            },
            {
                "/v1/referrals/" + id + "/consents",
                example("valid/consent--given-gp-and-provider.json"),
                example("valid/consent--withdrawn.json")
            },
            {
                "/v1/referrals/" + id + "/assessments",
                example("valid/assessment--ons4-baseline.json"),
                example("valid/assessment--swemwbs-review.json")
            },
            {
                "/v1/referrals/" + id + "/signposts",
                example("valid/signpost--debt-advice.json"),
                example("valid/signpost--debt-advice.json").replaceFirst("\\}$", ",\"zz\":1}")
            },
            {
                "/v1/referrals/" + id + "/onward-referrals",
                example("valid/onward-referral--walking-group-with-feedback.json"),
                example("valid/onward-referral--walking-group-with-feedback.json")
                        .replace("Eastmere Strollers", "Eastmere Walkers")
            },
            {
                onward + "/feedback",
                "{\"at\":\"2026-11-20\",\"attendance\":\"attended\",\"text\":\"Came to the first walk.\"}",
                "{\"at\":\"2026-11-21\",\"attendance\":\"attended\",\"text\":\"Came to the second walk.\"}"
            }
        };
        int n = 0;
        for (String[] c : creates) {
            String key = "create-" + (n++) + "-" + id;
            String eventsBefore = api.get("/v1/referrals/" + id + "/events").body();
            ApiClient.Answer first = api.postJson(c[0], c[1], "Idempotency-Key", key);
            assertThat(first.status()).as(c[0] + ": " + first.body()).isEqualTo(201);
            assertThat(first.header("Idempotent-Replayed")).isNull();
            String eventsAfterFirst = api.get("/v1/referrals/" + id + "/events").body();
            assertThat(eventsAfterFirst).isNotEqualTo(eventsBefore);

            ApiClient.Answer again = api.postJson(c[0], c[1], "Idempotency-Key", key);
            assertThat(again.status()).as(c[0]).isEqualTo(201);
            assertThat(again.header("Idempotent-Replayed")).as(c[0]).isEqualTo("true");
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(again.header("Location")).isEqualTo(first.header("Location"));
            assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));

            ApiClient.Answer different = api.postJson(c[0], c[2], "Idempotency-Key", key);
            assertThat(different.status()).as(c[0] + ": " + different.body()).isEqualTo(422);
            assertThat(different.json().path("type").asString())
                    .isEqualTo("urn:linkway:problem:idempotency-key-reused");
            assertThat(api.get("/v1/referrals/" + id + "/events").body())
                    .as("nothing written by the replay or the reuse")
                    .isEqualTo(eventsAfterFirst);
        }
        // a key names one request: the same body sent to another endpoint is not a retry
        ApiClient.Answer elsewhere = api.postJson(
                "/v1/referrals", example("valid/contact-record--first-call.json"), "Idempotency-Key", "create-0-" + id);
        assertThat(elsewhere.status()).isEqualTo(422);
        assertThat(elsewhere.json().path("type").asString()).isEqualTo("urn:linkway:problem:idempotency-key-reused");
        assertThat(api.get(onward).json().path("feedback").size())
                .as("the retried feedback was appended once")
                .isEqualTo(feedbackBefore + 1);
    }

    @Test
    void retries_racing_with_one_key_create_once_and_all_get_the_same_answer() throws Exception {
        String id =
                api.postJson("/v1/referrals", example(FULL)).json().path("id").asString();
        String path = "/v1/referrals/" + id + "/contacts";
        String body = example("valid/contact-record--first-call.json");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ApiClient.Answer>> pending = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                pending.add(pool.submit(() -> {
                    go.await(60, TimeUnit.SECONDS);
                    return api.postJson(path, body, "Idempotency-Key", "race-" + id);
                }));
            }
            go.countDown();
            List<ApiClient.Answer> answers = new ArrayList<>();
            for (var f : pending) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(answers)
                    .allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(201));
            assertThat(answers)
                    .extracting(ApiClient.Answer::body)
                    .containsOnly(answers.get(0).body());
            assertThat(answers)
                    .filteredOn(a -> a.header("Idempotent-Replayed") == null)
                    .as("exactly one wrote")
                    .hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(api.get(path).json().path("items")).hasSize(1);
        assertThat(journeyEvents(id))
                .extracting(e -> e.path("type").asString())
                .containsExactly("referral.received", "contact.recorded");
    }

    @Test
    void each_care_plan_version_can_be_read_by_its_number() {
        String id =
                api.postJson("/v1/referrals", example(FULL)).json().path("id").asString();
        String path = "/v1/referrals/" + id + "/care-plan";
        String plan = example("valid/care-plan--goals-and-actions.json");
        assertThat(api.get(path + "/versions/1").status()).as("no plan yet").isEqualTo(404);
        ApiClient.Answer first = api.put(path, plan, "If-None-Match", "*");
        ObjectNode tree = (ObjectNode) LinkwayJson.mapper().readTree(plan);
        ((ObjectNode) tree.get("careAndSupportPlan")).put("plannedReviewDate", "2026-12-24");
        ApiClient.Answer second = api.put(path, tree.toString(), "If-Match", "\"1\"");
        assertThat(second.status()).as(second.body()).isEqualTo(200);

        ApiClient.Answer v1 = api.get(path + "/versions/1");
        assertThat(v1.status()).isEqualTo(200);
        assertThat(v1.header("ETag")).isEqualTo("\"1\"");
        assertThat(v1.json()).isEqualTo(first.json());
        ApiClient.Answer v2 = api.get(path + "/versions/2");
        assertThat(v2.json()).isEqualTo(second.json());
        assertThat(v2.header("ETag")).isEqualTo("\"2\"");

        ApiClient.Answer missing = api.get(path + "/versions/9");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("detail").asString())
                .contains("no version 9")
                .contains("1 to 2");
        for (String bad : new String[] {"abc", "0", "-1", "1.5", "99999999999999999999"}) {
            ApiClient.Answer notANumber = api.get(path + "/versions/" + bad);
            assertThat(notANumber.status()).as(bad).isEqualTo(400);
            assertThat(notANumber.json().path("type").asString()).isEqualTo("urn:linkway:problem:bad-parameter");
            assertThat(notANumber.json().path("detail").asString()).contains("'version'");
        }
    }

    @Test
    void the_message_back_is_offered_as_json_or_as_a_fhir_document_as_accept_prefers() {
        String id =
                api.postJson("/v1/referrals", example(FULL)).json().path("id").asString();
        api.postJson(
                "/v1/referrals/" + id + "/transitions",
                "{\"to\":\"rejected\",\"reason\":\"Outside the area\"}",
                "If-Match",
                "\"1\"");
        String path = "/v1/referrals/" + id + "/message-back";

        for (String accept : new String[] {"application/fhir+json", "application/fhir+json, application/json;q=0.5"}) {
            ApiClient.Answer fhir = api.get(path, "Accept", accept);
            assertThat(fhir.status()).as(accept).isEqualTo(200);
            assertThat(fhir.header("Content-Type")).startsWith("application/fhir+json");
            assertThat(fhir.json().path("resourceType").asString()).isEqualTo("Bundle");
            assertThat(fhir.json().path("type").asString()).isEqualTo("document");
            assertThat(fhir.json().at("/entry/0/resource/resourceType").asString())
                    .isEqualTo("Composition");
        }

        ApiClient.Answer html = api.get(path, "Accept", "text/html");
        assertThat(html.status()).isEqualTo(406);
        assertThat(html.json().path("detail").asString())
                .contains("text/html")
                .contains("application/json")
                .contains("application/fhir+json");
        assertThat(api.get(path, "Accept", "application/json;q=0, text/html").status())
                .as("q=0 refuses")
                .isEqualTo(406);

        for (String accept : new String[] {
            "application/json",
            "*/*",
            "application/*",
            "application/json, application/fhir+json;q=0.5",
            "text/html, */*;q=0.1"
        }) {
            ApiClient.Answer json = api.get(path, "Accept", accept);
            assertThat(json.status()).as(accept).isEqualTo(200);
            assertThat(json.json().path("resourceType").asString()).isEqualTo("MessageBack");
        }
    }

    @Test
    void the_audit_trail_is_whole_after_the_suites_reads_and_writes() {
        api.postJson("/v1/referrals", example(FULL));
        ApiClient.Answer verify = api.get("/v1/audit/verify");
        assertThat(verify.status()).isEqualTo(200);
        assertThat(verify.json().path("ok").asBoolean()).isTrue();
        assertThat(verify.json().path("entries").asLong()).isPositive();
    }

    @Test
    void commissioner_reports_answer_aggregates() {
        String window = "?from=2026-01&to=2026-12";
        for (String report : List.of("/v1/reports/minimum-dataset", "/v1/reports/process-measures")) {
            ApiClient.Answer json = api.get(report + window);
            assertThat(json.status()).as(json.body()).isEqualTo(200);
        }
        assertThat(api.get("/v1/reports/minimum-dataset").status())
                .as("from and to are required")
                .isEqualTo(400);
    }

    // --- the FHIR facade ---------------------------------------------------------------------------

    /** Built once: HAPI's validator takes seconds to load. */
    static final FhirProfileValidator FHIR_VALIDATOR = FhirProfileValidator.create();

    static void assertValidFhir(String json) {
        assertThat(FHIR_VALIDATOR.validate(json))
                .filteredOn(Finding::isError)
                .as(json)
                .isEmpty();
    }

    @Test
    void the_fhir_facade_states_what_it_serves() {
        ApiClient.Answer metadata = api.get("/fhir/R4/metadata");
        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.header("Content-Type")).startsWith("application/fhir+json");
        JsonNode cs = metadata.json();
        assertThat(cs.path("resourceType").asString()).isEqualTo("CapabilityStatement");
        assertThat(cs.path("fhirVersion").asString()).isEqualTo("4.0.1");
        List<String> types = new ArrayList<>();
        cs.at("/rest/0/resource").forEach(r -> types.add(r.path("type").asString()));
        assertThat(types).containsExactlyInAnyOrder("Bundle", "ServiceRequest", "Task", "Composition");
        assertValidFhir(metadata.body());
    }

    @Test
    void a_referral_bundle_posted_to_the_fhir_facade_is_received_and_read_back_as_service_request_and_task() {
        String bundle = FhirBinding.create()
                .linkwayJsonToFhir(
                        example(FULL).replaceFirst("\\{", "{\"id\":\"sender-own\",\"status\":\"received\","),
                        BundleForm.MESSAGE)
                .output()
                .orElseThrow();
        long before = journeyEventCount();
        ApiClient.Answer posted = api.post(
                "/fhir/R4/Bundle",
                bundle,
                "Content-Type",
                "application/fhir+json",
                "Idempotency-Key",
                "fhir-" + bundle.hashCode());
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        assertThat(posted.json().path("resourceType").asString()).isEqualTo("OperationOutcome");
        String location = posted.header("Location");
        assertThat(location).startsWith("/fhir/R4/ServiceRequest/");
        String id = location.substring(location.lastIndexOf('/') + 1);

        JsonNode referral = api.get("/v1/referrals/" + id).json();
        assertThat(referral.path("status").asString()).isEqualTo("received");
        assertThat(referral.at("/personDemographics/nhsNumber"))
                .isEqualTo(LinkwayJson.mapper().readTree(example(FULL)).at("/personDemographics/nhsNumber"));

        ApiClient.Answer serviceRequest = api.get(location);
        assertThat(serviceRequest.status()).isEqualTo(200);
        assertThat(serviceRequest.json().path("resourceType").asString()).isEqualTo("ServiceRequest");
        assertThat(serviceRequest.json().path("id").asString()).isEqualTo(id);
        assertThat(serviceRequest.json().at("/code/coding/0/code").asString()).isEqualTo("871731000000106");

        ApiClient.Answer task = api.get("/fhir/R4/Task/" + id);
        assertThat(task.json().path("resourceType").asString()).isEqualTo("Task");
        assertThat(task.json().at("/focus/reference").asString()).isEqualTo("ServiceRequest/" + id);
        JsonNode search = api.get("/fhir/R4/Task?focus=ServiceRequest/" + id).json();
        assertThat(search.path("total").asInt()).isEqualTo(1);
        assertThat(search.at("/entry/0/resource/id").asString()).isEqualTo(id);
        assertThat(api.get("/fhir/R4/Task?focus=ServiceRequest/no-such-referral")
                        .json()
                        .path("total")
                        .asInt())
                .isZero();

        ApiClient.Answer again = api.post(
                "/fhir/R4/Bundle",
                bundle,
                "Content-Type",
                "application/fhir+json",
                "Idempotency-Key",
                "fhir-" + bundle.hashCode());
        assertThat(again.header("Location")).isEqualTo(location);
        assertThat(journeyEventCount()).as("one referral, one event").isEqualTo(before + 1);
    }

    @Test
    void a_bad_fhir_bundle_is_refused_with_an_operation_outcome_and_nothing_is_written() {
        long before = journeyEventCount();
        ApiClient.Answer notABundle =
                api.post("/fhir/R4/Bundle", "{\"resourceType\":\"Patient\"}", "Content-Type", "application/fhir+json");
        assertThat(notABundle.status()).isEqualTo(422);
        assertThat(notABundle.header("Content-Type")).startsWith("application/fhir+json");
        assertThat(notABundle.json().path("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(notABundle.json().at("/issue/0/details/text").asString())
                .isEqualTo("urn:linkway:problem:invalid-fhir-referral");
        assertThat(notABundle.json().path("issue").size()).isGreaterThan(1);

        String badNhs = FhirBinding.create()
                .linkwayJsonToFhir(example(FULL), BundleForm.TRANSACTION)
                .output()
                .orElseThrow()
                .replace(
                        LinkwayJson.mapper()
                                .readTree(example(FULL))
                                .at("/personDemographics/nhsNumber")
                                .asString(),
                        "9990000019");
        ApiClient.Answer refused = api.post("/fhir/R4/Bundle", badNhs, "Content-Type", "application/fhir+json");
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("LW-NHS-NUMBER");
        assertThat(api.post("/fhir/R4/Bundle", "{", "Content-Type", "application/fhir+json")
                        .status())
                .isEqualTo(422);
        assertThat(api.post("/fhir/R4/Bundle", badNhs, "Content-Type", "text/plain")
                        .status())
                .isEqualTo(415);

        ApiClient.Answer missing = api.get("/fhir/R4/ServiceRequest/no-such-referral");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/issue/0/code").asString()).isEqualTo("not-found");
        assertThat(journeyEventCount()).isEqualTo(before);
    }

    @Test
    void the_message_back_is_filed_as_a_fhir_document_that_hapi_validates() {
        String id =
                api.postJson("/v1/referrals", example(FULL)).json().path("id").asString();
        api.postJson("/v1/referrals/" + id + "/transitions", "{\"to\":\"accepted\"}", "If-Match", "\"1\"");
        api.postJson(
                "/v1/referrals/" + id + "/transitions",
                "{\"to\":\"declined\",\"reason\":\"Prefers to wait until spring\"}",
                "If-Match",
                "\"2\"");

        ApiClient.Answer document = api.get("/fhir/R4/Bundle/" + id);
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().path("type").asString()).isEqualTo("document");
        assertThat(document.json().path("id").asString()).isEqualTo(id);
        assertValidFhir(document.body());
        assertThat(document.body()).contains("871711000000103");

        ApiClient.Answer composition = api.get("/fhir/R4/Composition/" + id);
        assertThat(composition.json().path("resourceType").asString()).isEqualTo("Composition");
        assertThat(composition.json().path("id").asString()).isEqualTo(id);
        assertThat(api.get("/v1/referrals/" + id + "/message-back", "Accept", "application/fhir+json")
                        .json())
                .isEqualTo(document.json());
        String open =
                api.postJson("/v1/referrals", example(FULL)).json().path("id").asString();
        assertThat(api.get("/fhir/R4/Bundle/" + open).status()).isEqualTo(409);
    }

    @Test
    void a_method_a_path_does_not_offer_is_405_naming_the_methods_it_does() {
        ApiClient.Answer delete = api.delete("/v1/referrals");
        assertThat(delete.status()).isEqualTo(405);
        assertThat(delete.header("Allow")).contains("GET").contains("POST");
        assertThat(delete.json().path("type").asString()).isEqualTo("urn:linkway:problem:method-not-allowed");
        assertThat(delete.json().path("requestId").asString()).isEqualTo(delete.header("X-Request-Id"));

        String id =
                api.postJson("/v1/referrals", example(FULL)).json().path("id").asString();
        ApiClient.Answer put = api.put("/v1/referrals/" + id, example(FULL));
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.header("Allow")).isEqualTo("GET");
        assertThat(api.get("/v1/referrals/" + id).json().path("status").asString())
                .isEqualTo("received");
        assertThat(api.send("PATCH", "/v1/referrals/" + id + "/care-plan", "{}", "Content-Type", "application/json")
                        .status())
                .isEqualTo(405);
    }

    @Test
    void unknown_ids_and_routes_are_404_problems() {
        ApiClient.Answer missing = api.get("/v1/referrals/no-such-referral");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("type").asString()).isEqualTo("urn:linkway:problem:not-found");
        assertThat(api.get("/v1/nothing-here").status()).isEqualTo(404);
        assertThat(api.postJson(
                                "/v1/referrals/no-such-referral/transitions",
                                "{\"to\":\"accepted\"}",
                                "If-Match",
                                "\"1\"")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void listing_pages_with_a_cursor_and_filters_by_status() {
        for (int i = 0; i < 7; i++) {
            api.postJson("/v1/referrals", example("valid/referral--minimal-self-referral.json"));
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get(
                            "/v1/referrals?status=received&limit=3" + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            page.path("items").forEach(r -> {
                assertThat(r.path("status").asString()).isEqualTo("received");
                assertThat(seen.add(r.path("id").asString())).as("no repeats").isTrue();
            });
            cursor = page.path("nextCursor").isNull()
                    ? null
                    : page.path("nextCursor").asString(null);
            pages++;
        } while (cursor != null && pages < 100);
        assertThat(seen.size()).isGreaterThanOrEqualTo(7);
        assertThat(api.get("/v1/referrals?status=sleeping").status()).isEqualTo(400);
        assertThat(api.get("/v1/referrals?limit=0").status()).isEqualTo(400);
        assertThat(api.get("/v1/referrals?updatedSince=yesterday").status()).isEqualTo(400);
    }

    @Test
    void the_server_serves_its_own_contract() {
        ApiClient.Answer openapi = api.get("/openapi.json");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.json().path("openapi").asString()).startsWith("3.1");
        assertThat(openapi.json().path("paths").has("/v1/referrals")).isTrue();
        ApiClient.Answer schema = api.get("/json/referral.schema.json");
        assertThat(schema.status()).isEqualTo(200);
        assertThat(schema.json().path("x-prsb-message").asString())
                .isEqualTo("Referral to social prescribing services");
        assertThat(api.get("/json/..%2Fpom.xml").status()).isEqualTo(404);
    }

    @Test
    void health_answers() {
        ApiClient.Answer health = api.get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("database").asString())
                .isEqualTo(databaseUrl() == null ? "sqlite" : "postgresql");
    }
}
