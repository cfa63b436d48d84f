package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;
import org.linkway.validation.checks.NhsNumber;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A link worker's caseload and the same person's referrals (#19 items 1 and 2), over real HTTP,
 * each caller with its own token: two link workers of one service and their lead, another
 * service's link worker, the referrers, and a GP system sending the same person twice as FHIR.
 */
@Timeout(120)
class CaseloadTest {

    @RegisterExtension
    static final LinkwayTestServer server = LinkwayTestServer.sqlite();

    private static final String SERVICE = "8EC41";
    private static final String OTHER_SERVICE = "8XY99";
    private static final AtomicInteger PEOPLE = new AtomicInteger(100);

    private static ApiClient as(Role role, String org, String subject, boolean lead) {
        return new ApiClient(server.port(), server.token(role, org, subject, lead));
    }

    private static ApiClient worker(String subject) {
        return as(Role.LINK_WORKER, SERVICE, subject, false);
    }

    private static ApiClient referrer(String org) {
        return new ApiClient(server.port(), server.token(Role.REFERRER, org));
    }

    /** A fresh invented NHS number from the 999 range. */
    private static String newNhsNumber() {
        while (true) {
            try {
                return NhsNumber.withCheckDigit(String.format("999%06d", 500_000 + PEOPLE.incrementAndGet()));
            } catch (IllegalArgumentException impossible) {
                // no check digit for this prefix: the next one
            }
        }
    }

    /** The full GP referral about the person with {@code nhs} (null: none), from {@code referrer} to {@code service}. */
    static ObjectNode referral(String nhs, String referrer, String service) {
        ObjectNode doc =
                (ObjectNode) LinkwayJson.mapper().readTree(ReferralApiContract.example(ReferralApiContract.FULL));
        ObjectNode person = (ObjectNode) doc.path("personDemographics");
        if (nhs == null) {
            person.remove(List.of("nhsNumber", "nhsNumberStatusIndicator"));
        } else {
            person.put("nhsNumber", nhs);
        }
        ((ObjectNode) doc.at("/referralDetails/entries/0/referrerDetails/organisation")).put("code", referrer);
        ((ObjectNode) doc.at("/referralDetails/entries/0/referralTo/organisation")).put("code", service);
        return doc;
    }

    private static ApiClient.Answer send(ApiClient as, ObjectNode referral) {
        ApiClient.Answer a = as.postJson("/v1/referrals", referral.toString());
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a;
    }

    private static String id(ApiClient.Answer created) {
        return created.json().path("id").asString();
    }

    private static List<String> eventTypes(ApiClient as, String referralId) {
        List<String> types = new ArrayList<>();
        as.get("/v1/referrals/" + referralId + "/events")
                .json()
                .path("items")
                .forEach(e -> types.add(e.path("type").asString()));
        return types;
    }

    private static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("items").forEach(i -> out.add(i.path("id").asString()));
        return out;
    }

    private static String assignment(String linkWorker, String reason) {
        ObjectNode body = LinkwayJson.mapper().createObjectNode().put("linkWorker", linkWorker);
        if (reason != null) {
            body.put("reason", reason);
        }
        return body.toString();
    }

    @Test
    void two_link_workers_assign_reassign_and_see_their_own_caseloads() {
        ApiClient alice = worker("alice@eastmere");
        ApiClient bob = worker("bob@eastmere");
        String id = id(send(referrer("Y03146"), referral(newNhsNumber(), "Y03146", SERVICE)));
        String path = "/v1/referrals/" + id + "/assignment";
        long auditBefore = new ApiClient(server.port())
                .get("/v1/audit/verify")
                .json()
                .path("entries")
                .asLong();

        assertThat(alice.put(path, assignment("alice@eastmere", null)).status()).isEqualTo(428);
        ApiClient.Answer first = alice.put(path, assignment("alice@eastmere", null), "If-None-Match", "*");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");
        assertThat(first.json().path("assignedBy").asString()).isEqualTo("alice@eastmere");
        assertThat(ids(alice.get("/v1/caseload").json())).contains(id);
        assertThat(ids(bob.get("/v1/caseload").json())).doesNotContain(id);

        assertThat(alice.put(path, assignment("bob@eastmere", null), "If-None-Match", "*")
                        .status())
                .isEqualTo(412);
        ApiClient.Answer noReason = alice.put(path, assignment("bob@eastmere", null), "If-Match", "\"1\"");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body()).contains("reason-required");
        ApiClient.Answer moved = alice.put(path, assignment("bob@eastmere", "Alice is on leave"), "If-Match", "\"1\"");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().path("previousLinkWorker").asString()).isEqualTo("alice@eastmere");
        assertThat(alice.put(path, assignment("carol@eastmere", "late"), "If-Match", "\"1\"")
                        .status())
                .isEqualTo(412);

        assertThat(ids(alice.get("/v1/caseload").json())).doesNotContain(id);
        assertThat(ids(bob.get("/v1/caseload").json())).contains(id);
        assertThat(bob.get(path).json().path("linkWorker").asString()).isEqualTo("bob@eastmere");
        assertThat(eventTypes(bob, id)).contains("referral.assigned", "referral.reassigned");
        long auditAfter = new ApiClient(server.port())
                .get("/v1/audit/verify")
                .json()
                .path("entries")
                .asLong();
        assertThat(auditAfter).isGreaterThan(auditBefore + 5);
    }

    @Test
    void a_closed_referral_leaves_the_caseload_and_cannot_be_assigned() {
        ApiClient dana = worker("dana@eastmere");
        ApiClient.Answer created = send(dana, referral(newNhsNumber(), "Y03146", SERVICE));
        String id = id(created);
        assertThat(dana.put(
                                "/v1/referrals/" + id + "/assignment",
                                assignment("dana@eastmere", null),
                                "If-None-Match",
                                "*")
                        .status())
                .isEqualTo(201);
        assertThat(ids(dana.get("/v1/caseload").json())).contains(id);
        assertThat(dana.postJson(
                                "/v1/referrals/" + id + "/transitions",
                                "{\"to\":\"rejected\",\"reason\":\"Outside the area\"}",
                                "If-Match",
                                "\"1\"")
                        .status())
                .isEqualTo(200);
        assertThat(ids(dana.get("/v1/caseload").json())).doesNotContain(id);
        ApiClient.Answer closed = dana.put(
                "/v1/referrals/" + id + "/assignment", assignment("erin@eastmere", "cover"), "If-Match", "\"1\"");
        assertThat(closed.status()).isEqualTo(409);
    }

    @Test
    void the_caseload_pages_with_a_cursor() {
        ApiClient fay = worker("fay@eastmere");
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = id(send(fay, referral(newNhsNumber(), "Y03146", SERVICE)));
            fay.put("/v1/referrals/" + id + "/assignment", assignment("fay@eastmere", null), "If-None-Match", "*");
            mine.add(id);
        }
        JsonNode first = fay.get("/v1/caseload?limit=2").json();
        assertThat(ids(first)).hasSize(2);
        JsonNode second = fay.get("/v1/caseload?limit=2&cursor="
                        + first.path("nextCursor").asString())
                .json();
        List<String> all = new ArrayList<>(ids(first));
        all.addAll(ids(second));
        assertThat(all).containsExactlyElementsOf(mine);
        assertThat(second.path("nextCursor").isNull()).isTrue();
        assertThat(fay.get("/v1/caseload?cursor=not-ours").status()).isEqualTo(400);
    }

    @Test
    void the_lead_sees_counts_per_link_worker_and_others_do_not() {
        String org = "8LD01";
        ApiClient gwen = as(Role.LINK_WORKER, org, "gwen@lead", false);
        for (String who : List.of("gwen@lead", "gwen@lead", "huw@lead")) {
            String id = id(send(gwen, referral(newNhsNumber(), "Y03146", org)));
            assertThat(gwen.put("/v1/referrals/" + id + "/assignment", assignment(who, null), "If-None-Match", "*")
                            .status())
                    .isEqualTo(201);
        }
        JsonNode summary = as(Role.LINK_WORKER, org, "lead@lead", true)
                .get("/v1/caseload/summary")
                .json();
        assertThat(summary.path("organisation").asString()).isEqualTo(org);
        assertThat(summary.path("openReferralsAssigned").asLong()).isEqualTo(3);
        assertThat(summary.path("linkWorkers").toString())
                .isEqualTo(
                        "[{\"linkWorker\":\"gwen@lead\",\"openReferrals\":2},{\"linkWorker\":\"huw@lead\",\"openReferrals\":1}]");
        assertThat(gwen.get("/v1/caseload/summary").status()).isEqualTo(403);
        assertThat(referrer("Y03146").get("/v1/caseload/summary").status()).isEqualTo(403);
        ApiClient admin = new ApiClient(server.port());
        assertThat(admin.get("/v1/caseload/summary").status()).isEqualTo(400);
        assertThat(admin.get("/v1/caseload/summary?organisation=" + org)
                        .json()
                        .path("openReferralsAssigned")
                        .asLong())
                .isEqualTo(3);
    }

    @Test
    void a_referrer_or_another_service_may_not_assign() {
        ApiClient gp = referrer("Y03146");
        String id = id(send(gp, referral(newNhsNumber(), "Y03146", SERVICE)));
        String path = "/v1/referrals/" + id + "/assignment";
        assertThat(gp.put(path, assignment("demo-referrer@Y03146", null), "If-None-Match", "*")
                        .status())
                .isEqualTo(403);
        assertThat(gp.get("/v1/caseload").status()).isEqualTo(403);
        ApiClient elsewhere = as(Role.LINK_WORKER, OTHER_SERVICE, "ivy@other", false);
        assertThat(elsewhere
                        .put(path, assignment("ivy@other", null), "If-None-Match", "*")
                        .status())
                .isEqualTo(404);
        assertThat(elsewhere.get("/v1/referrals/" + id + "/episodes").status()).isEqualTo(404);
        assertThat(new ApiClient(server.port(), server.token(Role.PROVIDER))
                        .get("/v1/caseload")
                        .status())
                .isEqualTo(403);
        ApiClient bad = worker("jo@eastmere");
        assertThat(bad.put(path, "{\"linkWorker\":\"\"}", "If-None-Match", "*").status())
                .isEqualTo(422);
        assertThat(bad.put(path, "{\"linkWorker\":\"jo\",\"colour\":\"red\"}", "If-None-Match", "*")
                        .body())
                .contains("invalid-assignment", "colour");
    }

    @Test
    void a_second_referral_of_the_same_person_reports_the_first_as_a_possible_duplicate() {
        String nhs = newNhsNumber();
        ApiClient gpA = referrer("Y03146");
        ApiClient gpB = referrer("A81021");
        ApiClient service = worker("kit@eastmere");
        String first = id(send(gpA, referral(nhs, "Y03146", SERVICE)));
        assertThat(send(gpA, referral(newNhsNumber(), "Y03146", SERVICE)).header("Linkway-Possible-Duplicates"))
                .isNull();

        ApiClient.Answer again = send(gpA, referral(nhs, "Y03146", SERVICE));
        assertThat(again.header("Linkway-Possible-Duplicates")).isEqualTo(first);
        String second = id(again);
        assertThat(eventTypes(service, second)).contains("referral.possible-duplicate");
        JsonNode event = null;
        for (JsonNode e :
                service.get("/v1/referrals/" + second + "/events").json().path("items")) {
            if (e.path("type").asString().equals("referral.possible-duplicate")) {
                event = e;
            }
        }
        assertThat(event).isNotNull();
        assertThat(event.path("data").path("possibleDuplicates").toString()).contains(first);
        // the referrer never receives the service's working records
        assertThat(eventTypes(gpA, second)).doesNotContain("referral.possible-duplicate");

        // another referrer is told only of what it may see: nothing of the first practice's referrals
        ApiClient.Answer third = send(gpB, referral(nhs, "A81021", SERVICE));
        assertThat(third.header("Linkway-Possible-Duplicates")).isNull();
        assertThat(eventTypes(service, id(third))).contains("referral.possible-duplicate");

        // the same person referred to another service is not a duplicate there
        ApiClient.Answer elsewhere = send(gpA, referral(nhs, "Y03146", OTHER_SERVICE));
        assertThat(elsewhere.header("Linkway-Possible-Duplicates")).isNull();
    }

    @Test
    void without_an_nhs_number_the_normalised_details_match() {
        ApiClient service = worker("lee@eastmere");
        ObjectNode one = referral(null, "Y03146", SERVICE);
        ((ObjectNode) one.at("/personDemographics/name"))
                .putArray("familyNames")
                .add("Ashdown-Brook" + PEOPLE.incrementAndGet());
        String family = one.at("/personDemographics/name/familyNames/0").asString();
        String first = id(send(service, one));
        ObjectNode two = referral(null, "Y03146", SERVICE);
        ((ObjectNode) two.at("/personDemographics/name"))
                .putArray("familyNames")
                .add(family.toUpperCase().replace("-", " "));
        ((ObjectNode) two.at("/personDemographics/name")).putArray("firstNames").add("MAUREEN");
        // the postcode's spellings are in PersonKeyProperties: the validator takes only its one spelling
        assertThat(send(service, two).header("Linkway-Possible-Duplicates")).isEqualTo(first);
        ((ObjectNode) two.at("/personDemographics")).put("dateOfBirth", "1948-07-20");
        assertThat(send(service, two).header("Linkway-Possible-Duplicates")).isNull();
    }

    @Test
    void a_new_referral_after_a_closed_one_is_linked_to_it_as_an_earlier_episode() {
        String nhs = newNhsNumber();
        ApiClient service = worker("max@eastmere");
        String earlier = id(send(service, referral(nhs, "Y03146", SERVICE)));
        assertThat(service.postJson(
                                "/v1/referrals/" + earlier + "/transitions",
                                "{\"to\":\"rejected\",\"reason\":\"Moved away\"}",
                                "If-Match",
                                "\"1\"")
                        .status())
                .isEqualTo(200);
        ApiClient.Answer later = send(service, referral(nhs, "Y03146", SERVICE));
        assertThat(later.header("Linkway-Possible-Duplicates")).isNull();
        String id = id(later);
        assertThat(eventTypes(service, id)).doesNotContain("referral.possible-duplicate");
        // the service is told of the link once, naming the earlier episode; the referrer is not
        JsonNode linked = null;
        for (JsonNode e : service.get("/v1/referrals/" + id + "/events").json().path("items")) {
            if (e.path("type").asString().equals("referral.episode-linked")) {
                assertThat(linked).as("one episode-linked event").isNull();
                linked = e;
            }
        }
        assertThat(linked).isNotNull();
        assertThat(linked.path("data").path("earlierEpisodes").toString()).contains(earlier);
        assertThat(linked.path("resourceType").asString()).isEqualTo("Episodes");
        assertThat(eventTypes(referrer("Y03146"), id)).doesNotContain("referral.episode-linked");
        assertThat(eventTypes(service, earlier)).doesNotContain("referral.episode-linked");
        JsonNode episodes = service.get("/v1/referrals/" + id + "/episodes").json();
        assertThat(episodes.path("items").size()).isEqualTo(1);
        assertThat(episodes.at("/items/0/id").asString()).isEqualTo(earlier);
        assertThat(episodes.at("/items/0/open").asBoolean()).isFalse();
        assertThat(episodes.at("/items/0/status").asString()).isEqualTo("rejected");
        assertThat(service.get("/v1/referrals/" + earlier + "/episodes")
                        .json()
                        .at("/items/0/id")
                        .asString())
                .isEqualTo(id);
        assertThat(referrer("Y03146").get("/v1/referrals/" + id + "/episodes").status())
                .isEqualTo(403);
    }

    @Test
    void search_by_nhs_number_stays_within_the_callers_organisation() {
        String nhs = newNhsNumber();
        ApiClient gpA = referrer("Y03146");
        ApiClient gpB = referrer("A81021");
        String a = id(send(gpA, referral(nhs, "Y03146", SERVICE)));
        String b = id(send(gpB, referral(nhs, "A81021", SERVICE)));
        String c = id(send(gpB, referral(nhs, "A81021", OTHER_SERVICE)));
        String spaced = nhs.substring(0, 3) + "%20" + nhs.substring(3, 6) + "%20" + nhs.substring(6);
        assertThat(ids(worker("ned@eastmere")
                        .get("/v1/referrals?nhsNumber=" + spaced)
                        .json()))
                .containsExactly(a, b);
        assertThat(ids(gpA.get("/v1/referrals?nhsNumber=" + nhs).json())).containsExactly(a);
        assertThat(ids(gpB.get("/v1/referrals?nhsNumber=" + nhs).json())).containsExactly(b, c);
        assertThat(ids(as(Role.LINK_WORKER, OTHER_SERVICE, "oz@other", false)
                        .get("/v1/referrals?nhsNumber=" + nhs)
                        .json()))
                .containsExactly(c);
        JsonNode paged = gpB.get("/v1/referrals?nhsNumber=" + nhs + "&limit=1").json();
        assertThat(ids(paged)).containsExactly(b);
        assertThat(ids(gpB.get("/v1/referrals?nhsNumber=" + nhs + "&cursor="
                                + paged.path("nextCursor").asString())
                        .json()))
                .containsExactly(c);
        ApiClient.Answer bad = gpA.get("/v1/referrals?nhsNumber=9990000000");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("nhsNumber");
    }

    @Test
    void a_gp_system_sending_the_same_patient_twice_as_fhir_is_told_of_the_first() throws IOException {
        String bundle = Files.readString(
                Path.of("../sdk-fhir/src/test/resources/org/linkway/fhir/foreign/gp-plain-r4-referral.json"));
        ApiClient gpSystem = referrer("A81021");
        ApiClient.Answer first = gpSystem.post("/fhir/R4/Bundle", bundle, "Content-Type", "application/fhir+json");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String firstId =
                first.header("Location").substring(first.header("Location").lastIndexOf('/') + 1);
        ApiClient.Answer second = gpSystem.post("/fhir/R4/Bundle", bundle, "Content-Type", "application/fhir+json");
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.header("Linkway-Possible-Duplicates")).contains(firstId);
        String secondId =
                second.header("Location").substring(second.header("Location").lastIndexOf('/') + 1);
        assertThat(eventTypes(worker("pat@eastmere"), secondId)).contains("referral.possible-duplicate");
    }
}
