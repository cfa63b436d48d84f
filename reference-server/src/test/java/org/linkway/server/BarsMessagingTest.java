package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;
import org.linkway.validation.JsonMutations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A GP system sends referrals the BaRS way ({@code POST /fhir/R4/$process-message}), as BaRS's
 * own examples shape a message, with its own referrer token: it gets BaRS's response message or
 * BaRS's error, and the link worker service reads the referral it made. The message is in
 * {@code src/test/resources/bars/new-referral.json}: written for these tests, no real person.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BarsMessagingTest {

    static final String PATH = "/fhir/R4/$process-message";
    static final String GP_PRACTICE = "Y01234";
    static final String LINK_WORKER_SERVICE = "8EC41";
    static final String NHS_NUMBER = "9992146370";

    @RegisterExtension
    static final LinkwayTestServer server = LinkwayTestServer.sqlite().clock(ReferralApiContract.TODAY);

    private static ApiClient admin;
    private static ApiClient gpSystem;
    private static ApiClient linkWorker;

    @BeforeAll
    static void clients() {
        admin = new ApiClient(server.port());
        gpSystem = admin.as(server.token(Role.REFERRER, GP_PRACTICE));
        linkWorker = admin.as(server.token(Role.LINK_WORKER, LINK_WORKER_SERVICE));
    }

    static String message() {
        try (InputStream in = BarsMessagingTest.class.getResourceAsStream("/bars/new-referral.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The example message with a fresh id and an edit. */
    static String message(Consumer<ObjectNode> edit) {
        ObjectNode tree = (ObjectNode) LinkwayJson.mapper().readTree(message());
        tree.put("id", UUID.randomUUID().toString());
        edit.accept(tree);
        return LinkwayJson.mapper().writeValueAsString(tree);
    }

    /**
     * Linkway's own message form of a referral made into a BaRS new-referral message (BaRS's event
     * and reason, the sender and the addressee by ODS code) with a fresh id.
     */
    static String barsMessage(String linkwayMessageBundle, String senderOds) {
        ObjectNode b = (ObjectNode) LinkwayJson.mapper().readTree(linkwayMessageBundle);
        b.put("id", UUID.randomUUID().toString());
        ObjectNode h = header(b);
        h.putObject("eventCoding")
                .put("system", "https://fhir.nhs.uk/CodeSystem/message-events-bars")
                .put("code", "servicerequest-request");
        h.putObject("sender")
                .putObject("identifier")
                .put("system", "https://fhir.nhs.uk/Id/ods-organization-code")
                .put("value", senderOds);
        h.putArray("destination")
                .addObject()
                .put("endpoint", LINK_WORKER_SERVICE + ":1")
                .putObject("receiver")
                .putObject("identifier")
                .put("system", "https://fhir.nhs.uk/Id/ods-organization-code")
                .put("value", LINK_WORKER_SERVICE);
        return b.toString();
    }

    static ObjectNode header(ObjectNode bundle) {
        return (ObjectNode) bundle.at("/entry/0/resource");
    }

    static ObjectNode entryOf(ObjectNode bundle, String resourceType) {
        for (JsonNode e : bundle.path("entry")) {
            if (e.at("/resource/resourceType").asString().equals(resourceType)) {
                return (ObjectNode) e.path("resource");
            }
        }
        throw new IllegalArgumentException(resourceType);
    }

    static ApiClient.Answer send(ApiClient as, String body) {
        return as.post(PATH, body, "Content-Type", "application/fhir+json");
    }

    /** The referrals received so far, by their events (the same person sent again also raises a possible duplicate). */
    static int events() {
        int received = 0;
        for (var e : admin.get("/v1/events?limit=1000").json().path("items")) {
            if (e.path("type").asString().equals("referral.received")) {
                received++;
            }
        }
        return received;
    }

    @Test
    void a_gp_system_refers_the_bars_way_and_the_link_worker_reads_the_referral() {
        int before = events();
        String sent = message();
        ApiClient.Answer answer = send(gpSystem, sent);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/fhir+json");
        JsonNode response = answer.json();
        assertThat(response.path("resourceType").asString()).isEqualTo("Bundle");
        assertThat(response.path("type").asString()).isEqualTo("message");
        JsonNode h = response.at("/entry/0/resource");
        assertThat(h.path("resourceType").asString()).isEqualTo("MessageHeader");
        assertThat(h.at("/eventCoding/code").asString()).isEqualTo("servicerequest-response");
        assertThat(h.at("/eventCoding/system").asString())
                .isEqualTo("https://fhir.nhs.uk/CodeSystem/message-events-bars");
        assertThat(h.at("/response/identifier").asString()).isEqualTo("5f0c2a6e-3b9d-4e21-9a67-1c8d2b7e4f10");
        assertThat(h.at("/response/code").asString()).isEqualTo("ok");
        assertThat(h.at("/destination/0/receiver/identifier/value").asString()).isEqualTo(GP_PRACTICE);
        assertThat(h.at("/destination/0/endpoint").asString()).isEqualTo("Y01234:3000075511");
        assertThat(h.at("/sender/identifier/value").asString()).isEqualTo(LINK_WORKER_SERVICE);
        ReferralApiContract.assertValidFhir(answer.body());

        String location = answer.header("Location");
        assertThat(location).startsWith("/fhir/R4/ServiceRequest/");
        String id = location.substring(location.lastIndexOf('/') + 1);
        JsonNode focus = response.at("/entry/1/resource");
        assertThat(focus.path("resourceType").asString()).isEqualTo("ServiceRequest");
        assertThat(focus.path("id").asString()).isEqualTo(id);
        assertThat(focus.at("/subject/identifier/value").asString()).isEqualTo(NHS_NUMBER);
        // what has no place in a Linkway referral is reported with its place in the message as sent
        String notes = response.at("/entry/2/resource").toString();
        assertThat(notes).contains("Bundle.entry[10].resource").contains("Encounter");
        assertThat(notes).contains("Bundle.entry[11].resource").contains("CarePlan");

        // the link worker service the message was addressed to reads the referral
        ApiClient.Answer read = linkWorker.get("/v1/referrals/" + id);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        JsonNode referral = read.json();
        assertThat(referral.path("status").asString()).isEqualTo("received");
        assertThat(referral.at("/personDemographics/nhsNumber").asString()).isEqualTo(NHS_NUMBER);
        assertThat(referral.at("/referralDetails/entries/0/referrerDetails/organisation/code")
                        .asString())
                .isEqualTo(GP_PRACTICE);
        assertThat(referral.at("/referralDetails/entries/0/referralTo/organisation/code")
                        .asString())
                .isEqualTo(LINK_WORKER_SERVICE);
        assertThat(referral.path("referrerReferralId").asString()).isEqualTo("HLS-2026-00417");
        assertThat(linkWorker
                        .get("/fhir/R4/Task/" + id)
                        .json()
                        .at("/focus/reference")
                        .asString())
                .isEqualTo("ServiceRequest/" + id);
        assertThat(events()).as("one referral, one event").isEqualTo(before + 1);
    }

    @Test
    void the_same_message_again_gets_the_first_answer_and_writes_nothing() {
        String sent = message(m -> {});
        ApiClient.Answer first = send(gpSystem, sent);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        int after = events();

        ApiClient.Answer again = send(gpSystem, sent);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(events()).isEqualTo(after);

        // another message under the same id is a duplicate, refused as BaRS refuses one
        ObjectNode changed = (ObjectNode) LinkwayJson.mapper().readTree(sent);
        ((ObjectNode) entryOf(changed, "ServiceRequest").at("/reasonCode/0")).put("text", "Another reason altogether");
        ApiClient.Answer duplicate = send(gpSystem, LinkwayJson.mapper().writeValueAsString(changed));
        assertRefused(duplicate, 409, "REC_CONFLICT", "duplicate");
        assertThat(events()).isEqualTo(after);

        // the same id from another practice is another practice's message
        ObjectNode elsewhere = (ObjectNode) LinkwayJson.mapper().readTree(sent);
        String other = "Y05678";
        ((ObjectNode) elsewhere.at("/entry/3/resource/identifier/0")).put("value", other);
        ApiClient.Answer theirs = send(admin.as(server.token(Role.REFERRER, other)), elsewhere.toString());
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(200);
        assertThat(theirs.header("Location")).isNotEqualTo(first.header("Location"));
    }

    @Test
    void each_refusal_is_an_operation_outcome_with_the_bars_code_and_nothing_is_written() {
        int before = events();
        assertRefused(send(gpSystem, "{"), 400, "REC_BAD_REQUEST", "invalid");
        assertRefused(send(gpSystem, message(b -> b.put("type", "transaction"))), 400, "REC_BAD_REQUEST", "structure");
        assertRefused(
                send(gpSystem, message(b -> ((ArrayNode) b.get("entry")).remove(0))),
                400,
                "REC_BAD_REQUEST",
                "structure");
        assertRefused(
                send(
                        gpSystem,
                        message(b -> ((ObjectNode) header(b).get("eventCoding")).put("code", "booking-request"))),
                400,
                "REC_BAD_REQUEST",
                "not-supported");
        assertRefused(send(gpSystem, message(b -> header(b).remove("focus"))), 400, "REC_BAD_REQUEST", "required");
        assertRefused(send(gpSystem, message(b -> header(b).remove("sender"))), 400, "REC_BAD_REQUEST", "required");
        assertRefused(
                send(gpSystem, message(b -> {
                    b.remove("id");
                    header(b).remove("id");
                    ((ObjectNode) b.at("/entry/0")).remove("fullUrl");
                })),
                400,
                "REC_BAD_REQUEST",
                "required");
        assertRefused(
                send(
                        gpSystem,
                        message(b -> ((ObjectNode) entryOf(b, "ServiceRequest").at("/code/coding/0"))
                                .put("code", "306206005"))),
                422,
                "REC_UNPROCESSABLE_ENTITY",
                "not-supported");
        assertRefused(
                send(gpSystem, message(b -> header(b).remove("destination"))),
                422,
                "REC_UNPROCESSABLE_ENTITY",
                "not-found");
        assertRefused(
                send(
                        gpSystem,
                        message(b ->
                                ((ObjectNode) entryOf(b, "Patient").at("/identifier/0")).put("value", "9990000019"))),
                422,
                "REC_UNPROCESSABLE_ENTITY",
                "invalid");
        // the message says another practice sent it: the token decides who the sender is
        ApiClient.Answer impostor = send(admin.as(server.token(Role.REFERRER, "Y09999")), message(b -> {}));
        assertRefused(impostor, 403, "REC_FORBIDDEN", "forbidden");
        assertThat(impostor.body()).contains("Y01234").contains("Y09999");
        assertRefused(send(admin.as(null), message(b -> {})), 401, "REC_UNAUTHORIZED", null);
        assertRefused(send(linkWorker, message(b -> {})), 403, "REC_FORBIDDEN", null);
        assertThat(events()).as("nothing written").isEqualTo(before);
    }

    @Test
    void the_capability_statement_says_bars_messages_are_received_here() {
        ApiClient.Answer metadata = admin.as(null).get("/fhir/R4/metadata");
        JsonNode cs = metadata.json();
        assertThat(cs.at("/rest/0/operation/0/name").asString()).isEqualTo("process-message");
        assertThat(cs.at("/messaging/0/supportedMessage/0/mode").asString()).isEqualTo("receiver");
        assertThat(cs.at("/messaging/0/endpoint/0/address").asString()).isEqualTo(PATH);
        ReferralApiContract.assertValidFhir(metadata.body());
    }

    static void assertRefused(ApiClient.Answer answer, int status, String barsCode, String issueCode) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/fhir+json");
        JsonNode issue = answer.json().at("/issue/0");
        assertThat(answer.json().path("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(issue.at("/details/coding/0/system").asString())
                .isEqualTo("https://fhir.nhs.uk/CodeSystem/http-error-codes");
        assertThat(issue.at("/details/coding/0/code").asString()).isEqualTo(barsCode);
        if (issueCode != null) {
            assertThat(issue.path("code").asString()).as(answer.body()).isEqualTo(issueCode);
        }
    }

    /**
     * Messages broken one place at a time (any member replaced, removed or added, entries
     * reordered or dropped): never a 5xx, always a FHIR answer, and a referral written exactly
     * when the answer is BaRS's response, readable whole.
     */
    @Test
    void any_message_gets_a_fhir_answer_below_500_and_a_referral_only_when_accepted() {
        ObjectNode valid = (ObjectNode) LinkwayJson.mapper().readTree(message());
        qt().withFixedSeed(22_003L)
                .withExamples(120)
                .withShrinkCycles(20)
                .forAll(JsonMutations.junk(), integers().all(), integers().between(0, 3))
                .checkAssert((junk, pick, kind) -> {
                    ObjectNode m = valid.deepCopy();
                    m.put(
                            "id",
                            UUID.nameUUIDFromBytes((junk + "|" + pick + "|" + kind).getBytes(StandardCharsets.UTF_8))
                                    .toString());
                    ArrayNode entries = (ArrayNode) m.get("entry");
                    switch (kind) {
                        case 0 -> {
                            List<Runnable> edits = JsonMutations.edits(m, junk);
                            edits.get(Math.floorMod(pick, edits.size())).run();
                        }
                        case 1 -> entries.remove(1 + Math.floorMod(pick, entries.size() - 1));
                        case 2 -> {
                            // the same message in another order: BaRS fixes only the header's place
                            List<JsonNode> rest = new ArrayList<>();
                            for (int i = 1; i < entries.size(); i++) {
                                rest.add(entries.get(i));
                            }
                            java.util.Collections.shuffle(rest, new java.util.Random(pick));
                            for (int i = 0; i < rest.size(); i++) {
                                entries.set(i + 1, rest.get(i));
                            }
                        }
                        default -> {
                            List<Runnable> edits = JsonMutations.edits(entries.get(0), junk);
                            edits.get(Math.floorMod(pick, edits.size())).run();
                        }
                    }
                    int before = events();
                    ApiClient.Answer answer = send(gpSystem, m.toString());
                    assertThat(answer.status()).as(answer.body()).isLessThan(500);
                    assertThat(answer.header("Content-Type")).startsWith("application/fhir+json");
                    if (answer.status() == 200) {
                        assertThat(answer.json().path("type").asString()).isEqualTo("message");
                        String location = answer.header("Location");
                        String id = location.substring(location.lastIndexOf('/') + 1);
                        JsonNode referral =
                                linkWorker.get("/v1/referrals/" + id).json();
                        assertThat(referral.path("status").asString()).isEqualTo("received");
                        assertThat(referral.at("/referralDetails/entries/0/referralTo/organisation/code")
                                        .asString())
                                .isEqualTo(LINK_WORKER_SERVICE);
                        assertThat(events())
                                .isEqualTo(before + ("true".equals(answer.header("Idempotent-Replayed")) ? 0 : 1));
                        if (kind == 2) {
                            assertThat(referral.at("/personDemographics/nhsNumber")
                                            .asString())
                                    .isEqualTo(NHS_NUMBER);
                        }
                    } else {
                        assertThat(answer.json().path("resourceType").asString())
                                .isEqualTo("OperationOutcome");
                        assertThat(answer.status()).isBetween(400, 499);
                        assertThat(events()).as("nothing half-written").isEqualTo(before);
                        assertThat(kind)
                                .as("a reordered message is the same message")
                                .isNotEqualTo(2);
                    }
                });
    }
}
