package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linkway.server.WebhookReceiver.eventually;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.security.DevTokens;
import org.linkway.server.security.MessageBackView;
import org.linkway.server.security.Role;
import org.linkway.server.storage.AuditEntry;
import org.linkway.server.testing.LinkwayTestServer;
import org.linkway.server.testing.TestDatabase;
import org.linkway.validation.MessageValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The loop closed at the GP, from the practice's side: a hospital discharge team (RX9E2) refers a
 * person registered with practice Y03146 to link worker service 8EC41; when the link worker
 * closes the referral, the practice, with its own token, lists and reads the message back (JSON
 * and the FHIR document), sees its event in the feed and by webhook, and nothing else of the
 * referral. Another practice gets 404 and an empty list. A refusal to share with the GP leaves
 * the practice the withheld view (and events that say no more) while the hospital still gets the
 * whole message back, and the audit trail records the withholding by consent record. Subclasses
 * run it on SQLite and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
abstract class MessageBackRecipientsContract {

    static final String HOSPITAL = "RX9E2";
    static final String PRACTICE = "Y03146";
    static final String OTHER_PRACTICE = "A81001";
    static final String LINK_WORKER = "8EC41";

    LinkwayServer server;
    ApiClient admin;
    ApiClient hospital;
    ApiClient practice;
    ApiClient otherPractice;
    ApiClient linkWorker;

    /** The running server, registered by each subclass on its database with {@link #server}. */
    LinkwayTestServer running;

    /** What each subclass registers: {@code @RegisterExtension static final LinkwayTestServer testServer = server(TestDatabase.X);} */
    static LinkwayTestServer server(TestDatabase database) {
        return LinkwayTestServer.on(database).configure(c -> c.withWebhooks(WebhookContract.FAST));
    }

    @BeforeAll
    void start(LinkwayTestServer running) {
        this.running = running;
        server = running.server();
        admin = new ApiClient(server.port());
        DevTokens tokens = DevTokens.forPort(server.port()).orElseThrow();
        hospital = admin.as(tokens.mint(Role.REFERRER, HOSPITAL));
        practice = admin.as(tokens.mint(Role.REFERRER, PRACTICE));
        otherPractice = admin.as(tokens.mint(Role.REFERRER, OTHER_PRACTICE));
        linkWorker = admin.as(tokens.mint(Role.LINK_WORKER, LINK_WORKER));
    }

    /** The hospital's discharge referral for a person registered with {@code gp}, as the hospital sends it. */
    String refer(String gp) {
        ObjectNode doc = (ObjectNode) LinkwayJson.mapper()
                .readTree(ReferralApiContract.example("valid/referral--hospital-discharge-carer.json"));
        ((ObjectNode) doc.at("/gpPractice/entries/0")).put("gpPracticeIdentifier", gp);
        ApiClient.Answer created = hospital.postJson("/v1/referrals", doc.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /** The link worker accepts, works with the person and closes the referral as completed. */
    void complete(String id, String reason) {
        for (String to : List.of("accepted", "in-progress")) {
            ApiClient.Answer read = linkWorker.get("/v1/referrals/" + id);
            assertThat(linkWorker
                            .postJson(
                                    "/v1/referrals/" + id + "/transitions",
                                    "{\"to\":\"" + to + "\"}",
                                    "If-Match",
                                    read.header("ETag"))
                            .status())
                    .isEqualTo(200);
        }
        ApiClient.Answer read = linkWorker.get("/v1/referrals/" + id);
        ApiClient.Answer closed = linkWorker.postJson(
                "/v1/referrals/" + id + "/transitions",
                "{\"to\":\"completed\",\"reason\":\"" + reason + "\"}",
                "If-Match",
                read.header("ETag"));
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
    }

    /** Subscriptions made by a test, deleted when it ends so a closed receiver is not retried by later tests. */
    final List<String> subscriptions = new ArrayList<>();

    @AfterEach
    void unsubscribe() {
        subscriptions.forEach(s -> admin.delete("/v1/subscriptions/" + s));
        subscriptions.clear();
    }

    String subscribe(WebhookReceiver receiver, String organisation) {
        ApiClient.Answer created = admin.postJson(
                "/v1/subscriptions", "{\"url\":\"" + receiver.url() + "\",\"organisation\":\"" + organisation + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        subscriptions.add(created.json().path("id").asString());
        return created.json().path("id").asString();
    }

    @Test
    void the_registered_practice_reads_lists_and_hears_of_its_message_back_and_nothing_else() {
        try (WebhookReceiver practiceHook = WebhookReceiver.start();
                WebhookReceiver otherHook = WebhookReceiver.start()) {
            subscribe(practiceHook, PRACTICE);
            subscribe(otherHook, OTHER_PRACTICE);
            String id = refer(PRACTICE);
            // before the message back is issued the practice learns nothing, not even that the referral exists
            assertThat(practice.get("/v1/referrals/" + id + "/message-back").status())
                    .isEqualTo(404);
            assertThat(ids(practice.get("/v1/message-backs?limit=500"))).doesNotContain(id);

            complete(id, "Joined the carers' group at the library");

            ApiClient.Answer json = practice.get("/v1/referrals/" + id + "/message-back");
            assertThat(json.status()).as(json.body()).isEqualTo(200);
            assertThat(json.json().path("resourceType").asString()).isEqualTo("MessageBack");
            assertThat(json.json()
                            .at("/gpPractice/entries/0/gpPracticeIdentifier")
                            .asString())
                    .isEqualTo(PRACTICE);
            assertThat(json.json().at("/clinicalSummary/clinicalSummary").asString())
                    .contains("carers' group")
                    .isNotEqualTo(MessageBackView.WITHHELD_SUMMARY);
            assertThat(json.header("Linkway-Signature"))
                    .as("signed for its receiver")
                    .isNotBlank();
            assertThat(json.body())
                    .isEqualTo(hospital.get("/v1/referrals/" + id + "/message-back")
                            .body());

            JsonNode bundle = practice.get("/v1/referrals/" + id + "/message-back", "Accept", "application/fhir+json")
                    .json();
            assertThat(bundle.path("resourceType").asString()).isEqualTo("Bundle");
            assertThat(bundle.path("type").asString()).isEqualTo("document");
            ApiClient.Answer fhirBundle = practice.get("/fhir/R4/Bundle/" + id);
            assertThat(fhirBundle.status()).as(fhirBundle.body()).isEqualTo(200);
            assertThat(fhirBundle.json().path("type").asString()).isEqualTo("document");
            ApiClient.Answer composition = practice.get("/fhir/R4/Composition/" + id);
            assertThat(composition.status()).isEqualTo(200);
            assertThat(composition.json().path("resourceType").asString()).isEqualTo("Composition");

            // the message back, and nothing else of the referral
            for (String path : List.of(
                    "/v1/referrals/" + id,
                    "/v1/referrals/" + id + "/events",
                    "/v1/referrals/" + id + "/contacts",
                    "/fhir/R4/ServiceRequest/" + id,
                    "/fhir/R4/Task/" + id)) {
                assertThat(practice.get(path).status()).as(path).isEqualTo(404);
            }
            assertThat(ids(practice.get("/v1/referrals?limit=500"))).doesNotContain(id);

            assertThat(ids(practice.get("/v1/message-backs?limit=500"))).contains(id);
            assertThat(ids(hospital.get("/v1/message-backs?limit=500"))).contains(id);
            assertThat(ids(linkWorker.get("/v1/message-backs?limit=500"))).contains(id);
            assertThat(ids(practice.get("/v1/message-backs?since=2999-01-01T00:00:00Z")))
                    .isEmpty();
            assertThat(ids(practice.get("/v1/message-backs?since=2020-01-01T00:00:00%2B01:00&limit=500")))
                    .contains(id);
            assertThat(practice.get("/v1/message-backs?since=yesterday").status())
                    .isEqualTo(400);

            List<JsonNode> feed = events(practice, id);
            assertThat(feed).extracting(e -> e.path("type").asString()).containsExactly("message-back.issued");
            assertThat(feed.get(0).at("/data/recipients").findValuesAsString("odsCode"))
                    .contains(HOSPITAL, PRACTICE);
            assertThat(events(hospital, id))
                    .extracting(e -> e.path("type").asString())
                    .contains("referral.received", "referral.status-changed", "message-back.issued");

            // another practice: 404 in every form, an empty list, nothing in its feed
            assertThat(otherPractice
                            .get("/v1/referrals/" + id + "/message-back")
                            .status())
                    .isEqualTo(404);
            assertThat(otherPractice.get("/fhir/R4/Bundle/" + id).status()).isEqualTo(404);
            assertThat(otherPractice.get("/fhir/R4/Composition/" + id).status()).isEqualTo(404);
            assertThat(ids(otherPractice.get("/v1/message-backs?limit=500"))).doesNotContain(id);
            assertThat(events(otherPractice, id)).isEmpty();

            // by webhook: the practice gets the message back event and none of the referral's own
            eventually(
                    "the practice's webhook brings the message back",
                    () -> delivered(practiceHook, id).contains("message-back.issued"));
            eventually(
                    "the referral's own events are withheld from the practice",
                    () -> audit().stream()
                            .anyMatch(e -> e.resource().equals("Referral/" + id)
                                    && e.outcome().startsWith("451 withheld: subscriber organisation " + PRACTICE)));
            eventually(
                    "the other practice's delivery is withheld",
                    () -> audit().stream()
                            .anyMatch(e -> e.resource().equals("MessageBack/" + id)
                                    && e.outcome()
                                            .equals("451 withheld: subscriber organisation " + OTHER_PRACTICE
                                                    + " is not a recipient of this message back")));
            assertThat(delivered(practiceHook, id)).containsExactly("message-back.issued");
            assertThat(delivered(otherHook, id)).isEmpty();
        }
    }

    @Test
    void the_list_keeps_the_callers_message_backs_in_the_query_so_every_page_is_full() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String theirs = refer(OTHER_PRACTICE);
            String ours = refer(PRACTICE);
            complete(theirs, "Interleaved: another practice's patient");
            complete(ours, "Walked with the group, round " + i);
            mine.add(ours);
        }
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            ApiClient.Answer page =
                    practice.get("/v1/message-backs?limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.json().path("items"))
                    .as("a page of one is never empty while more remain")
                    .hasSize(1);
            JsonNode item = page.json().path("items").get(0);
            assertThat(item.at("/gpPractice/entries").findValuesAsString("gpPracticeIdentifier"))
                    .contains(PRACTICE);
            walked.add(item.path("id").asString());
            cursor = page.json().path("nextCursor").isNull()
                    ? null
                    : page.json().path("nextCursor").asString();
        } while (cursor != null);
        assertThat(walked).doesNotHaveDuplicates().containsSubsequence(mine);
    }

    @Test
    void a_refusal_to_share_with_the_gp_leaves_the_practice_the_withheld_view_and_the_hospital_the_whole() {
        try (WebhookReceiver practiceHook = WebhookReceiver.start();
                WebhookReceiver hospitalHook = WebhookReceiver.start()) {
            subscribe(practiceHook, PRACTICE);
            subscribe(hospitalHook, HOSPITAL);
            String id = refer(PRACTICE);
            ObjectNode refusal = (ObjectNode)
                    LinkwayJson.mapper().readTree(ReferralApiContract.example("valid/consent--withdrawn.json"));
            refusal.put("decision", "refused");
            refusal.put(
                    "consentForInformationSharing",
                    "Mrs Raval asked that nothing about her support is sent to her GP practice.");
            refusal.putArray("scope").add("gp");
            ApiClient.Answer recorded = linkWorker.postJson("/v1/referrals/" + id + "/consents", refusal.toString());
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
            String record = recorded.json().path("id").asString();
            complete(id, "Private reason: respite arranged with her sister");

            ApiClient.Answer withheld = practice.get("/v1/referrals/" + id + "/message-back");
            assertThat(withheld.status()).as(withheld.body()).isEqualTo(200);
            JsonNode view = withheld.json();
            assertThat(MessageValidator.builder()
                            .build()
                            .validate(withheld.body())
                            .isValid())
                    .as("still a valid MessageBack")
                    .isTrue();
            assertThat(view.propertyNames())
                    .isSubsetOf(
                            "resourceType",
                            "schemaVersion",
                            "prsbVersion",
                            "id",
                            "referralId",
                            "referrerReferralId",
                            "outcome",
                            "sentAt",
                            "personDemographics",
                            "gpPractice",
                            "referralDetails",
                            "risks",
                            "clinicalSummary");
            assertThat(view.path("outcome").asString()).isEqualTo("completed");
            assertThat(view.path("referralId").asString()).isEqualTo(id);
            assertThat(view.at("/clinicalSummary/clinicalSummary").asString())
                    .isEqualTo(MessageBackView.WITHHELD_SUMMARY);
            assertThat(view.path("personDemographics").propertyNames())
                    .isSubsetOf("name", "dateOfBirth", "nhsNumber", "nhsNumberStatusIndicator");
            assertThat(view.at("/personDemographics/nhsNumber").asString()).isEqualTo("9994516078");
            assertThat(view.at("/referralDetails/entries/0").propertyNames())
                    .isSubsetOf("date", "referrerDetails", "referralTo");
            assertThat(withheld.body())
                    .doesNotContain("respite")
                    .doesNotContain("Foundry Terrace")
                    .doesNotContain("carer breakdown")
                    .doesNotContain("exhausted");
            String fhir = practice.get("/fhir/R4/Bundle/" + id).body();
            assertThat(fhir).contains("are withheld").doesNotContain("respite").doesNotContain("Foundry Terrace");
            assertThat(practice.get("/v1/referrals/" + id + "/message-back", "Accept", "application/fhir+json")
                            .body())
                    .doesNotContain("respite");
            assertThat(practice.get("/v1/message-backs?limit=500").json().path("items"))
                    .filteredOn(i -> i.path("id").asString().equals(id))
                    .singleElement()
                    .satisfies(i -> assertThat(i).isEqualTo(view));

            // the hospital, whose sharing was not refused, gets the whole message back
            JsonNode whole =
                    hospital.get("/v1/referrals/" + id + "/message-back").json();
            assertThat(whole.at("/clinicalSummary/clinicalSummary").asString()).contains("respite");
            assertThat(whole.at("/personDemographics/address/addressLine1").asString())
                    .isEqualTo("7 Foundry Terrace");

            // the practice's event says no more than that the referral closed and details were withheld
            JsonNode event = events(practice, id).get(0);
            assertThat(event.path("type").asString()).isEqualTo("message-back.issued");
            assertThat(event.path("data").propertyNames())
                    .containsExactlyInAnyOrder("outcome", "href", "detailsWithheld");
            assertThat(event.at("/data/detailsWithheld").asString()).isEqualTo("consent");
            assertThat(events(hospital, id))
                    .filteredOn(e -> e.path("type").asString().equals("message-back.issued"))
                    .singleElement()
                    .satisfies(
                            e -> assertThat(e.at("/data/recipients").isArray()).isTrue());
            eventually(
                    "both webhooks arrive",
                    () -> delivered(practiceHook, id).contains("message-back.issued")
                            && delivered(hospitalHook, id).contains("message-back.issued"));
            assertThat(deliveredData(practiceHook, id, "message-back.issued").propertyNames())
                    .containsExactlyInAnyOrder("outcome", "href", "detailsWithheld");
            assertThat(deliveredData(hospitalHook, id, "message-back.issued").has("recipients"))
                    .isTrue();

            // the trail says what was withheld from whom, and why, by consent record
            String why = "details withheld: consent refused for the gp (record " + record + ")";
            assertThat(audit()).anySatisfy(e -> {
                assertThat(e.organisation()).isEqualTo(PRACTICE);
                assertThat(e.resource()).isEqualTo("MessageBack/" + id);
                assertThat(e.outcome()).isEqualTo("200 allowed as gp, " + why);
            });
            assertThat(audit()).anySatisfy(e -> {
                assertThat(e.organisation()).isEqualTo(PRACTICE);
                assertThat(e.action()).isEqualTo("GET /v1/events");
                assertThat(e.outcome())
                        .contains("MessageBack/" + id + " consent refused for the gp (record " + record + ")");
            });
            assertThat(audit())
                    .anySatisfy(e -> assertThat(e.outcome())
                            .isEqualTo("sent, " + why + " (subscriber organisation " + PRACTICE + ")"));

            // judged at each read: consent given later restores the whole message back
            ObjectNode given = refusal.deepCopy();
            given.put("decision", "given");
            given.put("consentForInformationSharing", "Mrs Raval now agrees that her GP practice may be told.");
            assertThat(linkWorker
                            .postJson("/v1/referrals/" + id + "/consents", given.toString())
                            .status())
                    .isEqualTo(201);
            assertThat(practice.get("/v1/referrals/" + id + "/message-back").json())
                    .isEqualTo(whole);
        }
    }

    /**
     * The same from the other side: a withdrawal of sharing with the referrer leaves the hospital
     * the withheld view (with the risks it sent itself), and its events, the referral's own
     * included, without the closing reason; the practice reads the whole message back.
     */
    @Test
    void a_withdrawal_for_the_referrer_leaves_the_hospital_the_withheld_view_with_the_risks_it_sent() {
        String id = refer(PRACTICE);
        ObjectNode withdrawal = (ObjectNode)
                LinkwayJson.mapper().readTree(ReferralApiContract.example("valid/consent--withdrawn.json"));
        withdrawal.putArray("scope").add("referrer");
        assertThat(linkWorker
                        .postJson("/v1/referrals/" + id + "/consents", withdrawal.toString())
                        .status())
                .isEqualTo(201);
        complete(id, "Private reason: moved in with her daughter");

        JsonNode view = hospital.get("/v1/referrals/" + id + "/message-back").json();
        assertThat(view.at("/clinicalSummary/clinicalSummary").asString()).isEqualTo(MessageBackView.WITHHELD_SUMMARY);
        assertThat(view.path("risks"))
                .as("the risks the hospital sent")
                .isEqualTo(hospital.get("/v1/referrals/" + id).json().path("risks"));
        assertThat(view.toString()).doesNotContain("daughter");
        assertThat(hospital.get("/v1/referrals/" + id + "/events").json().path("items"))
                .allSatisfy(e -> {
                    assertThat(e.path("data").has("reason")).isFalse();
                    assertThat(e.path("data").has("recipients")).isFalse();
                });
        assertThat(events(hospital, id))
                .filteredOn(e -> e.path("type").asString().equals("message-back.issued"))
                .singleElement()
                .satisfies(e ->
                        assertThat(e.at("/data/detailsWithheld").asString()).isEqualTo("consent"));
        assertThat(practice.get("/v1/referrals/" + id + "/message-back")
                        .json()
                        .at("/clinicalSummary/clinicalSummary")
                        .asString())
                .contains("daughter");
        assertThat(audit())
                .anySatisfy(e -> assertThat(e.outcome())
                        .startsWith(
                                "200 allowed as referrer, details withheld: consent withdrawn " + "for the referrer"));
    }

    private static List<String> ids(ApiClient.Answer page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        page.json().path("items").forEach(i -> out.add(i.path("id").asString()));
        return out;
    }

    private static List<JsonNode> events(ApiClient caller, String referralId) {
        ApiClient.Answer feed = caller.get("/v1/events?limit=1000");
        assertThat(feed.status()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        feed.json().path("items").forEach(e -> {
            if (e.path("referralId").asString().equals(referralId)) {
                out.add(e);
            }
        });
        return out;
    }

    private static List<String> delivered(WebhookReceiver receiver, String referralId) {
        return receiver.accepted().stream()
                .map(d -> LinkwayJson.mapper().readTree(d.body()))
                .filter(e -> e.path("referralId").asString().equals(referralId))
                .map(e -> e.path("type").asString())
                .toList();
    }

    private static JsonNode deliveredData(WebhookReceiver receiver, String referralId, String type) {
        return receiver.accepted().stream()
                .map(d -> LinkwayJson.mapper().readTree(d.body()))
                .filter(e -> e.path("referralId").asString().equals(referralId)
                        && e.path("type").asString().equals(type))
                .findFirst()
                .orElseThrow()
                .path("data");
    }

    private List<AuditEntry> audit() {
        return server.store().transaction(tx -> tx.audit().after(0, 100_000));
    }
}
