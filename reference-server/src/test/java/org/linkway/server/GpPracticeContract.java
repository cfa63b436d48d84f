package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.linkway.fhir.BundleForm;
import org.linkway.fhir.FhirBinding;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.security.DevTokens;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;
import org.linkway.server.testing.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A GP practice refers as itself: its own referrer token (organisation Y03146, a six-character
 * ODS code) and its own code in the referral, over the JSON API and the FHIR door, then reads and
 * lists what it sent. Subclasses run it on SQLite and on a real PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
abstract class GpPracticeContract {

    static final String PRACTICE = "Y03146";
    static final String REFERRER_CODE = "/referralDetails/entries/0/referrerDetails/organisation/code";

    LinkwayServer server;
    ApiClient practice;
    ApiClient admin;
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
        admin = new ApiClient(server.port());
        tokens = DevTokens.forPort(server.port()).orElseThrow();
        practice = admin.as(tokens.mint(Role.REFERRER, PRACTICE));
    }

    /** The full GP referral, which names Larkmead Medical Practice by its code, with {@code code} as the referrer's. */
    private static ObjectNode referralFrom(String code) {
        ObjectNode doc =
                (ObjectNode) LinkwayJson.mapper().readTree(ReferralApiContract.example(ReferralApiContract.FULL));
        ((ObjectNode) doc.at("/referralDetails/entries/0/referrerDetails/organisation")).put("code", code);
        return doc;
    }

    @Test
    void the_practice_refers_with_its_own_token_and_code_then_reads_and_lists_the_referral() {
        ObjectNode sent = referralFrom(PRACTICE);
        assertThat(sent.at("/referralDetails/entries/0/referrerDetails/organisation/text")
                        .asString())
                .isEqualTo("Larkmead Medical Practice");

        ApiClient.Answer created = practice.postJson("/v1/referrals", sent.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.json().at(REFERRER_CODE).asString()).isEqualTo(PRACTICE);

        ApiClient.Answer read = practice.get("/v1/referrals/" + id);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().at(REFERRER_CODE).asString()).isEqualTo(PRACTICE);
        assertThat(read.json().at("/gpPractice/entries/0/gpPracticeIdentifier").asString())
                .isEqualTo(PRACTICE);

        JsonNode listed = practice.get("/v1/referrals?limit=100").json().path("items");
        assertThat(listed.findValuesAsString("id")).contains(id);
        assertThat(listed)
                .allSatisfy(r -> assertThat(r.at(REFERRER_CODE).asString()).isEqualTo(PRACTICE));
        assertThat(admin.get("/v1/referrals?limit=100&referrerOrg=" + PRACTICE)
                        .json()
                        .path("items")
                        .findValuesAsString("id"))
                .as("the six-character code filters like any other")
                .contains(id);

        // another practice's token neither sees it nor may send in Larkmead's name
        ApiClient other = admin.as(tokens.mint(Role.REFERRER, "A81001"));
        assertThat(other.get("/v1/referrals/" + id).status()).isEqualTo(404);
        assertThat(other.get("/v1/referrals?limit=100").json().path("items").findValuesAsString("id"))
                .doesNotContain(id);
        ApiClient.Answer impersonating = other.postJson("/v1/referrals", sent.toString());
        assertThat(impersonating.status()).as(impersonating.body()).isEqualTo(403);
        assertThat(impersonating.json().path("detail").asString()).contains(REFERRER_CODE, "'A81001'");
    }

    @Test
    void trusts_sites_and_services_refer_by_their_codes_too() {
        for (String code : List.of("RX9", "RX9E2", "QEM", "8EC41")) {
            ApiClient referrer = admin.as(tokens.mint(Role.REFERRER, code));
            ApiClient.Answer created =
                    referrer.postJson("/v1/referrals", referralFrom(code).toString());
            assertThat(created.status()).as(code + ": " + created.body()).isEqualTo(201);
            String id = created.json().path("id").asString();
            assertThat(referrer.get("/v1/referrals/" + id)
                            .json()
                            .at(REFERRER_CODE)
                            .asString())
                    .isEqualTo(code);
        }
    }

    @Test
    void a_malformed_organisation_code_is_422_naming_the_code_the_rule_and_the_place() {
        String before = admin.get("/v1/events?after=0&limit=1000").body();
        for (String bad : List.of("Y0314X", "Y031467", "y03146", "RX9E")) {
            ApiClient.Answer answer =
                    admin.postJson("/v1/referrals", referralFrom(bad).toString());
            assertThat(answer.status()).as(bad + ": " + answer.body()).isEqualTo(422);
            JsonNode ods = null;
            for (JsonNode f : answer.json().path("findings")) {
                if (f.path("ruleId").asString().equals("LW-ODS-CODE")) {
                    ods = f;
                }
            }
            assertThat(ods).as(bad + ": " + answer.body()).isNotNull();
            assertThat(ods.path("pointer").asString()).isEqualTo(REFERRER_CODE);
            assertThat(ods.path("prsbPath").asString())
                    .isEqualTo("Referral details / Referral details record entry / Referrer details / Organisation");
            assertThat(ods.path("message").asString()).startsWith("ODS code '" + bad + "': ");
        }
        assertThat(admin.get("/v1/events?after=0&limit=1000").body())
                .as("nothing written")
                .isEqualTo(before);
    }

    @Test
    void the_practice_refers_through_the_fhir_door_with_its_own_token() {
        String bundle = FhirBinding.create()
                .linkwayJsonToFhir(referralFrom(PRACTICE).toString(), BundleForm.TRANSACTION)
                .output()
                .orElseThrow();
        assertThat(bundle)
                .contains("\"https://fhir.nhs.uk/Id/ods-organization-code\"")
                .contains("\"" + PRACTICE + "\"");

        ApiClient.Answer posted = practice.post("/fhir/R4/Bundle", bundle, "Content-Type", "application/fhir+json");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        String location = posted.header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        assertThat(practice.get("/v1/referrals/" + id).json().at(REFERRER_CODE).asString())
                .isEqualTo(PRACTICE);
        ApiClient.Answer serviceRequest = practice.get(location);
        assertThat(serviceRequest.status()).as(serviceRequest.body()).isEqualTo(200);
        assertThat(practice.get("/v1/referrals?limit=100").json().path("items").findValuesAsString("id"))
                .contains(id);

        // the FHIR door checks the organisation as the JSON door does
        ApiClient.Answer other = admin.as(tokens.mint(Role.REFERRER, "A81001"))
                .post("/fhir/R4/Bundle", bundle, "Content-Type", "application/fhir+json");
        assertThat(other.status()).as(other.body()).isEqualTo(403);
    }
}
