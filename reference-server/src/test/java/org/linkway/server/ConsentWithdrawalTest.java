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
             LinkwayServer server = LinkwayServer.start(ServerConfig.forTests(data).withWebhooks(WebhookContract.FAST))) {
            ApiClient admin = new ApiClient(server.port());
            DevTokens tokens = DevTokens.forPort(server.port()).orElseThrow();
            ApiClient linkWorker = admin.as(tokens.mint(Role.LINK_WORKER, "8EC41"));
            ApiClient provider = admin.as(tokens.mint(Role.PROVIDER, "1187342"));

            String referral = linkWorker.postJson("/v1/referrals", ReferralApiContract.example("valid/referral--hospital-discharge-carer.json"))
                    .json().path("id").asString();
            assertThat(admin.postJson("/v1/subscriptions", "{\"url\":\"" + receiver.url() + "\"}").status()).isEqualTo(201);

            // an onward referral before any consent: the provider sees nothing, the webhook carries nothing
            String onward = linkWorker.postJson("/v1/referrals/" + referral + "/onward-referrals",
                    ReferralApiContract.example("valid/onward-referral--walking-group-with-feedback.json")).json().path("id").asString();
            assertThat(provider.get("/v1/onward-referrals/" + onward).status()).isEqualTo(404);
            WebhookReceiver.eventually("the event is withheld", () -> auditOutcomes(server).stream()
                    .anyMatch(o -> o.startsWith("451 withheld: no consent or lawful basis")));

            // consent given, naming this provider: the provider reads it and the next event is delivered
            assertThat(linkWorker.postJson("/v1/referrals/" + referral + "/consents",
                    ReferralApiContract.example("valid/consent--given-gp-and-provider.json")).status()).isEqualTo(201);
            ApiClient.Answer read = provider.get("/v1/onward-referrals/" + onward);
            assertThat(read.status()).isEqualTo(200);
            assertThat(provider.postJson("/v1/onward-referrals/" + onward + "/transitions", "{\"to\":\"accepted\"}",
                    "If-Match", read.header("ETag")).status()).isEqualTo(200);
            WebhookReceiver.eventually("the provider's acceptance is delivered", () -> types(receiver).contains("onward-referral.status-changed"));
            assertThat(types(receiver)).as("the event before consent was withheld").doesNotContain("onward-referral.sent");

            // withdrawn: from this moment no read, no write, no webhook
            ObjectNode withdrawal = (ObjectNode) LinkwayJson.mapper().readTree(ReferralApiContract.example("valid/consent--withdrawn.json"));
            assertThat(linkWorker.postJson("/v1/referrals/" + referral + "/consents", withdrawal.toString()).status()).isEqualTo(201);
            assertThat(provider.get("/v1/onward-referrals/" + onward).status()).isEqualTo(404);
            assertThat(provider.postJson("/v1/onward-referrals/" + onward + "/feedback", "{}").status()).isEqualTo(404);

            // the link worker still manages the onward referral; the event it makes is not pushed
            ApiClient.Answer lw = linkWorker.get("/v1/onward-referrals/" + onward);
            assertThat(lw.status()).isEqualTo(200);
            assertThat(linkWorker.postJson("/v1/onward-referrals/" + onward + "/transitions",
                    "{\"to\":\"attended\"}", "If-Match", lw.header("ETag")).status()).isEqualTo(200);
            // a later event on the same referral is delivered only after every earlier one was dealt with (order per referral)
            assertThat(linkWorker.postJson("/v1/referrals/" + referral + "/transitions", "{\"to\":\"accepted\"}", "If-Match", "\"1\"")
                    .status()).isEqualTo(200);
            WebhookReceiver.eventually("the referral's own event arrives", () -> types(receiver).contains("referral.status-changed"));
            assertThat(types(receiver).stream().filter("onward-referral.status-changed"::equals)).as("only the one before withdrawal")
                    .hasSize(1);

            // each refusal is in the trail
            List<String> outcomes = auditOutcomes(server);
            assertThat(outcomes).anyMatch(o -> o.contains("refused: consent withdrawn"));
            assertThat(outcomes).anyMatch(o -> o.startsWith("451 withheld: consent withdrawn"));
            assertThat(outcomes).anyMatch(o -> o.startsWith("451 withheld: no consent or lawful basis"));
        }
    }

    private static List<String> types(WebhookReceiver receiver) {
        return receiver.accepted().stream().map(d -> LinkwayJson.mapper().readTree(d.body()).path("type").asString()).toList();
    }

    static List<String> auditOutcomes(LinkwayServer server) {
        return server.store().transaction(tx -> tx.audit().after(0, 10_000)).stream().map(e -> e.outcome()).toList();
    }

}
