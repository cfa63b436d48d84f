package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A link worker refers to a listed service: the onward referral names a directory service, the
 * provider, contact route and eligibility come from the directory, an ineligible person gets a
 * warning (not a refusal), and the entry as sent stays as sent when the directory changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class OnwardToDirectoryServiceTest {

    /** Mrs Raval of the hospital discharge example was born on 1959-04-03: 67 today. */
    static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    static final LinkwayTestServer server = LinkwayTestServer.sqlite().clock(TODAY);

    ApiClient linkWorker;
    String referral;

    @BeforeAll
    void aReferralWithConsentAndTheDirectory() {
        ApiClient admin = new ApiClient(server.port());
        linkWorker = admin.as(server.token(Role.LINK_WORKER, "8EC41"));
        assertThat(admin.postJson("/v1/directory/imports", OrukPublisher.calderbrookText())
                        .json()
                        .path("created")
                        .asInt())
                .isEqualTo(8);
        referral = linkWorker
                .postJson("/v1/referrals", ReferralApiContract.example("valid/referral--hospital-discharge-carer.json"))
                .json()
                .path("id")
                .asString();
        assertThat(linkWorker
                        .postJson(
                                "/v1/referrals/" + referral + "/consents",
                                ReferralApiContract.example("valid/consent--given-gp-and-provider.json"))
                        .status())
                .isEqualTo(201);
    }

    /** The example onward referral as a link worker's system sends it to a listed service: no provider of its own. */
    String toService(String serviceId) {
        ObjectNode body = (ObjectNode) LinkwayJson.mapper()
                .readTree(ReferralApiContract.example("valid/onward-referral--walking-group-with-feedback.json"));
        body.remove(List.of("provider", "feedback"));
        body.putObject("directoryService").put("id", serviceId);
        return body.toString();
    }

    @Test
    void theProviderContactAndEligibilityComeFromTheDirectoryAndAnAgeOutsideTheRangeIsAWarning() {
        ApiClient.Answer sent =
                linkWorker.postJson("/v1/referrals/" + referral + "/onward-referrals", toService("svc-young-carers"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        JsonNode doc = sent.json();
        JsonNode link = doc.path("directoryService");
        assertThat(link.path("name").asString()).isEqualTo("Young Carers Club");
        assertThat(link.path("version").asInt()).isEqualTo(1);
        assertThat(link.path("contact").path("email").asString()).isEqualTo("svc-young-carers@calderbrook-cvs.example");
        assertThat(link.path("contact").path("phone").asString()).isEqualTo("0113 496 0004");
        assertThat(link.path("eligibility").path("minimumAge").asInt()).isEqualTo(8);
        assertThat(link.path("eligibility").path("maximumAge").asInt()).isEqualTo(17);
        assertThat(link.path("findings")).hasSize(1);
        assertThat(link.path("findings").get(0).path("rule").asString()).isEqualTo("directory-age");
        assertThat(link.path("findings").get(0).path("severity").asString()).isEqualTo("warning");
        assertThat(link.path("findings").get(0).path("message").asString()).contains("67");
        assertThat(doc.path("provider").path("charityNumber").asString()).isEqualTo("1187342");
        assertThat(doc.path("provider").path("organisation").path("text").asString())
                .isEqualTo("Calderbrook Community Voluntary Services");
        assertThat(link.path("entry")).isEqualTo(OrukPublisher.calderbrook().get(3));

        // the charity the directory names reads it with its own token (consent covers charity 1187342)
        ApiClient charity = linkWorker.as(server.token(Role.PROVIDER, "1187342"));
        assertThat(charity.get("/v1/onward-referrals/" + doc.path("id").asString())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anEligiblePersonGetsNoFindings() {
        JsonNode doc = linkWorker
                .postJson("/v1/referrals/" + referral + "/onward-referrals", toService("svc-shed"))
                .json();
        assertThat(doc.path("directoryService").has("findings")).isFalse();
        assertThat(doc.path("directoryService")
                        .path("eligibility")
                        .path("minimumAge")
                        .asInt())
                .isEqualTo(50);
    }

    @Test
    void whatWasSentStaysAsSentWhenTheDirectoryChanges() {
        JsonNode sent = linkWorker
                .postJson("/v1/referrals/" + referral + "/onward-referrals", toService("svc-knit"))
                .json();
        ObjectNode changed = (ObjectNode) OrukPublisher.calderbrook().get(1).deepCopy();
        changed.put("name", "Knit, Natter and Crochet").put("email", "new@calderbrook-cvs.example");
        changed.put("minimum_age", 70);
        assertThat(linkWorker
                        .postJson("/v1/directory/imports", changed.toString())
                        .json()
                        .path("updated")
                        .asInt())
                .isEqualTo(1);
        assertThat(linkWorker
                        .post("/v1/directory/services/svc-knit/retire", null)
                        .status())
                .isEqualTo(200);
        JsonNode now = linkWorker
                .get("/v1/onward-referrals/" + sent.path("id").asString())
                .json();
        assertThat(now.path("directoryService")).isEqualTo(sent.path("directoryService"));
        assertThat(now.path("directoryService").path("name").asString()).isEqualTo("Knit and Natter");
        assertThat(now.path("provider")).isEqualTo(sent.path("provider"));
    }

    @Test
    void anUnknownServiceIsRefusedNamingIt() {
        ApiClient.Answer refused =
                linkWorker.postJson("/v1/referrals/" + referral + "/onward-referrals", toService("svc-nowhere"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("detail").asString()).contains("directoryService.id 'svc-nowhere'");
    }

    @Test
    void withoutADirectoryServiceTheProviderIsStillRequired() {
        ObjectNode body = (ObjectNode) LinkwayJson.mapper()
                .readTree(ReferralApiContract.example("valid/onward-referral--walking-group-with-feedback.json"));
        body.remove(List.of("provider", "feedback"));
        ApiClient.Answer refused =
                linkWorker.postJson("/v1/referrals/" + referral + "/onward-referrals", body.toString());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("detail").asString()).contains("'provider' is required");
    }

    @Test
    void aRetiredServiceIsAWarning() {
        ObjectNode extra = DirectoryContract.service("svc-closing", "Closing Cafe");
        linkWorker.postJson("/v1/directory/imports", extra.toString());
        linkWorker.post("/v1/directory/services/svc-closing/retire", null);
        JsonNode doc = linkWorker
                .postJson("/v1/referrals/" + referral + "/onward-referrals", toService("svc-closing"))
                .json();
        assertThat(doc.path("directoryService").path("findings").findValuesAsString("rule"))
                .containsExactly("directory-not-active");
        // no contacts in that entry: the provider is named by its organisation
        assertThat(doc.path("provider").path("name").asString()).isEqualTo("Closing Cafe Trust");
    }
}
