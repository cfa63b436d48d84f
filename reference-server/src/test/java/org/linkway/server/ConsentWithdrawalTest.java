package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.security.DevTokens;
import org.linkway.server.security.Role;
import tools.jackson.databind.node.ObjectNode;

/**
 * Consent decides what reaches an onward provider: nothing before consent (or a lawful basis)
 * covers it, everything while it does, and nothing, by read or by webhook, from the moment it is
 * withdrawn; each refusal is in the audit trail.
 */
class ConsentWithdrawalTest {

    @TempDir
    Path data;

    @Test
    void aWithdrawalStopsTheProvidersNextReadAndNextWebhook() {
        try (WebhookReceiver receiver = WebhookReceiver.start();
                LinkwayServer server =
                        LinkwayServer.start(ServerConfig.forTests(data).withWebhooks(WebhookContract.FAST))) {
            ApiClient admin = new ApiClient(server.port());
            DevTokens tokens = DevTokens.forPort(server.port()).orElseThrow();
            ApiClient linkWorker = admin.as(tokens.mint(Role.LINK_WORKER, "8EC41"));
            ApiClient provider = admin.as(tokens.mint(Role.PROVIDER, "1187342"));

            String referral = linkWorker
                    .postJson(
                            "/v1/referrals",
                            ReferralApiContract.example("valid/referral--hospital-discharge-carer.json"))
                    .json()
                    .path("id")
                    .asString();
            assertThat(admin.postJson("/v1/subscriptions", "{\"url\":\"" + receiver.url() + "\"}")
                            .status())
                    .isEqualTo(201);

            // an onward referral before any consent: the provider sees nothing, the webhook carries nothing
            String onward = linkWorker
                    .postJson(
                            "/v1/referrals/" + referral + "/onward-referrals",
                            ReferralApiContract.example("valid/onward-referral--walking-group-with-feedback.json"))
                    .json()
                    .path("id")
                    .asString();
            assertThat(provider.get("/v1/onward-referrals/" + onward).status()).isEqualTo(404);
            assertThat(provider.get("/v1/events?limit=1000").json().path("items"))
                    .as("nor in the provider's event feed")
                    .isEmpty();
            WebhookReceiver.eventually(
                    "the event is withheld",
                    () -> auditOutcomes(server).stream()
                            .anyMatch(o -> o.startsWith("451 withheld: no consent or lawful basis")));

            // consent given, naming this provider: the provider reads it and the next event is delivered
            assertThat(linkWorker
                            .postJson(
                                    "/v1/referrals/" + referral + "/consents",
                                    ReferralApiContract.example("valid/consent--given-gp-and-provider.json"))
                            .status())
                    .isEqualTo(201);
            ApiClient.Answer read = provider.get("/v1/onward-referrals/" + onward);
            assertThat(read.status()).isEqualTo(200);
            assertThat(provider.get("/v1/events?limit=1000").json().path("items"))
                    .extracting(e -> e.path("resourceId").asString())
                    .as("its inbox shows the onward referral's events, and nothing of the referral itself")
                    .isNotEmpty()
                    .containsOnly(onward);
            assertThat(provider.postJson(
                                    "/v1/onward-referrals/" + onward + "/transitions",
                                    "{\"to\":\"accepted\"}",
                                    "If-Match",
                                    read.header("ETag"))
                            .status())
                    .isEqualTo(200);
            WebhookReceiver.eventually(
                    "the provider's acceptance is delivered",
                    () -> types(receiver).contains("onward-referral.status-changed"));
            assertThat(types(receiver))
                    .as("the event before consent was withheld")
                    .doesNotContain("onward-referral.sent");

            // withdrawn: from this moment no read, no write, no webhook
            ObjectNode withdrawal = (ObjectNode)
                    LinkwayJson.mapper().readTree(ReferralApiContract.example("valid/consent--withdrawn.json"));
            assertThat(linkWorker
                            .postJson("/v1/referrals/" + referral + "/consents", withdrawal.toString())
                            .status())
                    .isEqualTo(201);
            assertThat(provider.get("/v1/onward-referrals/" + onward).status()).isEqualTo(404);
            assertThat(provider.postJson("/v1/onward-referrals/" + onward + "/feedback", "{}")
                            .status())
                    .isEqualTo(404);
            assertThat(provider.get("/v1/events?limit=1000").json().path("items"))
                    .as("the feed hides them from then on, earlier ones too")
                    .isEmpty();

            // the link worker still manages the onward referral; the event it makes is not pushed
            ApiClient.Answer lw = linkWorker.get("/v1/onward-referrals/" + onward);
            assertThat(lw.status()).isEqualTo(200);
            assertThat(linkWorker
                            .postJson(
                                    "/v1/onward-referrals/" + onward + "/transitions",
                                    "{\"to\":\"attended\"}",
                                    "If-Match",
                                    lw.header("ETag"))
                            .status())
                    .isEqualTo(200);
            // the referral's own events stop too: this subscription names no organisation, so nothing shows
            // it is the link worker service that holds the record, and a withdrawal of everything reaches it
            assertThat(linkWorker
                            .postJson(
                                    "/v1/referrals/" + referral + "/transitions",
                                    "{\"to\":\"accepted\"}",
                                    "If-Match",
                                    "\"1\"")
                            .status())
                    .isEqualTo(200);
            WebhookReceiver.eventually(
                    "the referral's own event is withheld",
                    () -> auditOutcomes(server).stream()
                            .anyMatch(o -> o.startsWith("451 withheld: consent withdrawn for every recipient")));
            assertThat(types(receiver)).doesNotContain("referral.status-changed");
            assertThat(types(receiver).stream().filter("onward-referral.status-changed"::equals))
                    .as("only the one before withdrawal")
                    .hasSize(1);

            // each refusal is in the trail
            List<String> outcomes = auditOutcomes(server);
            assertThat(outcomes).anyMatch(o -> o.contains("refused: consent withdrawn"));
            assertThat(outcomes).anyMatch(o -> o.startsWith("451 withheld: consent withdrawn"));
            assertThat(outcomes).anyMatch(o -> o.startsWith("451 withheld: no consent or lawful basis"));
        }
    }

    /**
     * Consent is enforced per recipient: a withdrawal reaching only the onward provider withholds
     * its events from the provider's subscription and no one else's; a withdrawal of everything
     * then withholds them from the referrer too, while the link worker service that holds the
     * referral still receives them. A subscriber that is no party to the referral gets nothing.
     */
    @Test
    void aWithdrawalWithholdsEventsOnlyFromTheSubscribersItNoLongerCovers() {
        try (WebhookReceiver provider = WebhookReceiver.start();
                WebhookReceiver linkWorkerHook = WebhookReceiver.start();
                WebhookReceiver referrer = WebhookReceiver.start();
                WebhookReceiver stranger = WebhookReceiver.start();
                LinkwayServer server =
                        LinkwayServer.start(ServerConfig.forTests(data).withWebhooks(WebhookContract.FAST))) {
            ApiClient admin = new ApiClient(server.port());
            ApiClient linkWorker =
                    admin.as(DevTokens.forPort(server.port()).orElseThrow().mint(Role.LINK_WORKER, "8EC41"));
            String referral = linkWorker
                    .postJson(
                            "/v1/referrals",
                            ReferralApiContract.example("valid/referral--hospital-discharge-carer.json"))
                    .json()
                    .path("id")
                    .asString();
            assertThat(linkWorker
                            .postJson(
                                    "/v1/referrals/" + referral + "/consents",
                                    ReferralApiContract.example("valid/consent--given-gp-and-provider.json"))
                            .status())
                    .isEqualTo(201);
            subscribe(admin, provider, "1187342");
            subscribe(admin, linkWorkerHook, "8EC41");
            subscribe(admin, referrer, "RX9E2");
            String strangerSubscription = subscribe(admin, stranger, "9ZZ99");

            String onward = linkWorker
                    .postJson(
                            "/v1/referrals/" + referral + "/onward-referrals",
                            ReferralApiContract.example("valid/onward-referral--walking-group-with-feedback.json"))
                    .json()
                    .path("id")
                    .asString();
            for (WebhookReceiver r : List.of(provider, linkWorkerHook, referrer)) {
                WebhookReceiver.eventually(
                        "consent covers every party", () -> types(r).contains("onward-referral.sent"));
            }
            WebhookReceiver.eventually(
                    "no party, no delivery",
                    () -> auditOutcomes(server).stream()
                            .anyMatch(o -> o.startsWith("451 withheld: subscriber organisation 9ZZ99 is not a party")));
            assertThat(types(stranger)).doesNotContain("onward-referral.sent");

            // withdrawn for the onward provider only
            ObjectNode scoped = (ObjectNode) LinkwayJson.mapper()
                    .readTree(ReferralApiContract.example("valid/consent--given-gp-and-provider.json"));
            scoped.put("decision", "withdrawn");
            scoped.putArray("scope").add("onward-provider");
            scoped.remove("expiresAt");
            ApiClient.Answer recorded =
                    linkWorker.postJson("/v1/referrals/" + referral + "/consents", scoped.toString());
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
            ApiClient.Answer lw = linkWorker.get("/v1/onward-referrals/" + onward);
            assertThat(linkWorker
                            .postJson(
                                    "/v1/onward-referrals/" + onward + "/transitions",
                                    "{\"to\":\"accepted\"}",
                                    "If-Match",
                                    lw.header("ETag"))
                            .status())
                    .isEqualTo(200);
            WebhookReceiver.eventually(
                    "the link worker service still hears",
                    () -> types(linkWorkerHook).contains("onward-referral.status-changed"));
            WebhookReceiver.eventually(
                    "the referrer still hears", () -> types(referrer).contains("onward-referral.status-changed"));
            WebhookReceiver.eventually(
                    "the provider's delivery is withheld and audited",
                    () -> auditOutcomes(server).stream()
                            .anyMatch(o -> o.startsWith("451 withheld: consent withdrawn")
                                    && o.endsWith("(subscriber organisation 1187342)")));
            assertThat(types(provider)).doesNotContain("onward-referral.status-changed");

            // withdrawn for everyone: the referrer is cut off too, the link worker service is not
            assertThat(linkWorker
                            .postJson(
                                    "/v1/referrals/" + referral + "/consents",
                                    ReferralApiContract.example("valid/consent--withdrawn.json"))
                            .status())
                    .isEqualTo(201);
            lw = linkWorker.get("/v1/onward-referrals/" + onward);
            assertThat(linkWorker
                            .postJson(
                                    "/v1/onward-referrals/" + onward + "/transitions",
                                    "{\"to\":\"attended\"}",
                                    "If-Match",
                                    lw.header("ETag"))
                            .status())
                    .isEqualTo(200);
            WebhookReceiver.eventually(
                    "the link worker service hears of attendance",
                    () -> types(linkWorkerHook).stream()
                                    .filter("onward-referral.status-changed"::equals)
                                    .count()
                            == 2);
            WebhookReceiver.eventually(
                    "the referrer's delivery is withheld",
                    () -> auditOutcomes(server).stream()
                            .anyMatch(o -> o.startsWith("451 withheld: consent withdrawn for the referrer")
                                    && o.endsWith("(subscriber organisation RX9E2)")));
            assertThat(types(referrer).stream().filter("onward-referral.status-changed"::equals))
                    .hasSize(1);
            assertThat(types(provider)).doesNotContain("onward-referral.status-changed");
            assertThat(admin.get("/v1/subscriptions/" + strangerSubscription)
                            .json()
                            .path("organisation")
                            .asString())
                    .isEqualTo("9ZZ99");
        }
    }

    private static String subscribe(ApiClient admin, WebhookReceiver receiver, String organisation) {
        ApiClient.Answer created = admin.postJson(
                "/v1/subscriptions",
                "{\"url\":\"" + receiver.url() + "\",\"organisation\":\"" + organisation
                        + "\",\"types\":[\"onward-referral.sent\",\"onward-referral.status-changed\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("organisation").asString()).isEqualTo(organisation);
        return created.json().path("id").asString();
    }

    private static List<String> types(WebhookReceiver receiver) {
        return receiver.accepted().stream()
                .map(d -> LinkwayJson.mapper().readTree(d.body()).path("type").asString())
                .toList();
    }

    static List<String> auditOutcomes(LinkwayServer server) {
        return server.store().transaction(tx -> tx.audit().after(0, 10_000)).stream()
                .map(e -> e.outcome())
                .toList();
    }
}
