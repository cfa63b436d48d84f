package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.linkway.crypto.MessageSignature;
import org.linkway.crypto.SigningKey;
import org.linkway.crypto.TrustedKeys;
import org.linkway.crypto.nimbus.JwsAlgorithms;
import org.linkway.fhir.BundleForm;
import org.linkway.fhir.FhirBinding;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.security.DevTokens;
import org.linkway.server.security.Role;
import org.linkway.server.security.SigningSettings;
import org.linkway.signature.SignatureVerification;
import tools.jackson.databind.JsonNode;

/**
 * Signed messages both ways, over real HTTP: the server signs what it discloses with the key it
 * was given (a PEM file here) and publishes the public half; a referral signed by a trusted
 * sender is received and the signer recorded; a referral whose signature does not hold (changed
 * after signing, or signed by a key the server does not trust) is refused with nothing written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageSignatureTest {

    @TempDir
    static Path data;

    LinkwayServer server;
    ApiClient admin;
    SigningKey sender;
    SigningKey stranger;

    @BeforeAll
    void start() throws Exception {
        // the server's own key: P-256 in a PKCS#8 PEM file, as openssl genpkey writes it
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair serverKey = g.generateKeyPair();
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(pem)) {
            w.writeObject(new JcaPKCS8Generator(serverKey.getPrivate(), null));
        }
        Path signingKey = Files.writeString(data.resolve("signing-key.pem"), pem.toString());
        // a GP system's key the server trusts, and one it does not
        sender = SigningKey.generateEd25519("gp-system-1");
        stranger = SigningKey.fromJwk(
                new ECKeyGenerator(Curve.P_256).keyID("gp-system-1").generate().toJSONString());
        Path trusted = Files.writeString(
                data.resolve("trusted.jwks"), sender.publicKeys().toJwks());
        server = LinkwayServer.start(
                ServerConfig.forTests(data.resolve("db")).withSigning(new SigningSettings(signingKey, trusted, false)));
        admin = new ApiClient(server.port());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    JWKSet published() throws Exception {
        ApiClient.Answer jwks = admin.as(null).get("/.well-known/jwks.json");
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.header("Content-Type")).startsWith("application/jwk-set+json");
        return JWKSet.parse(jwks.body());
    }

    @Test
    void theServerPublishesOnlyThePublicHalfOfItsKey() throws Exception {
        JWKSet keys = published();
        assertThat(keys.getKeys()).hasSize(1);
        assertThat(keys.getKeys().get(0).isPrivate()).isFalse();
        assertThat(keys.getKeys().get(0).getKeyID()).isNotBlank();
        assertThat(admin.as(null).get("/.well-known/jwks.json").body()).doesNotContain("\"d\"");
    }

    @Test
    void aSignedReferralIsReceivedAndItsSignerRecorded() {
        String body = ReferralApiContract.example(ReferralApiContract.FULL);
        String jws = MessageSignature.sign(body, sender).jws();
        ApiClient.Answer created = admin.postJson("/v1/referrals", body, "Linkway-Signature", jws);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(ConsentWithdrawalTest.auditOutcomes(server))
                .anyMatch(o -> o.startsWith("201") && o.contains("signed by sender key gp-system-1"));
        // an unsigned referral is still accepted: require-signed-referrals is off here
        assertThat(admin.postJson("/v1/referrals", body).status()).isEqualTo(201);
    }

    @Test
    void aReferralChangedAfterSigningIsRefusedAndNothingIsWritten() {
        String body = ReferralApiContract.example(ReferralApiContract.FULL);
        String jws = MessageSignature.sign(body, sender).jws();
        String before = admin.get("/v1/events?limit=1000").body();
        String tampered = body.replace("Maureen", "Maureem");
        assertThat(tampered).isNotEqualTo(body);
        ApiClient.Answer refused = admin.postJson("/v1/referrals", tampered, "Linkway-Signature", jws);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().path("type").asString()).isEqualTo("urn:linkway:problem:signature-invalid");
        assertThat(refused.json().path("findings").findValuesAsString("ruleId")).contains("LW-SIGNATURE-INVALID");
        // signed by a key with the trusted key's id, but not the trusted key
        ApiClient.Answer wrongKey = admin.postJson(
                "/v1/referrals",
                body,
                "Linkway-Signature",
                MessageSignature.sign(body, stranger).jws());
        assertThat(wrongKey.status()).isEqualTo(422);
        assertThat(wrongKey.json().path("detail").asString()).contains("LW-SIGNATURE-INVALID");
        // the same spacing-insensitive signature still holds over the body re-serialised
        String respaced = LinkwayJson.mapper().readTree(body).toPrettyString();
        assertThat(admin.postJson("/v1/referrals", respaced, "Linkway-Signature", jws)
                        .status())
                .isEqualTo(201);
        String after = admin.get("/v1/events?limit=1000").body();
        JsonNode events = admin.get("/v1/events?limit=1000").json().path("items");
        assertThat(received(events))
                .as("only the respaced, valid one was written")
                .isEqualTo(received(LinkwayJson.mapper().readTree(before).path("items")) + 1);
        assertThat(after).isNotEqualTo(before);
        assertThat(ConsentWithdrawalTest.auditOutcomes(server))
                .anyMatch(o -> o.startsWith("422 refused: signature-invalid"));
    }

    @Test
    void aFhirBundleWithABadSignatureIsRefusedAsAnOperationOutcome() {
        String bundle = FhirBinding.create()
                .linkwayJsonToFhir(
                        ReferralApiContract.example(ReferralApiContract.FULL)
                                .replaceFirst("\\{", "{\"id\":\"sender-own\",\"status\":\"received\","),
                        BundleForm.MESSAGE)
                .output()
                .orElseThrow();
        String jws = MessageSignature.sign(bundle, stranger).jws();
        ApiClient.Answer refused = admin.post(
                "/fhir/R4/Bundle", bundle, "Content-Type", "application/fhir+json", "Linkway-Signature", jws);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("resourceType").asString()).isEqualTo("OperationOutcome");
        ApiClient.Answer signed = admin.post(
                "/fhir/R4/Bundle",
                bundle,
                "Content-Type",
                "application/fhir+json",
                "Linkway-Signature",
                MessageSignature.sign(bundle, sender).jws());
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
    }

    @Test
    void theMessageBackAndTheReferralCarryTheServersSignature() throws Exception {
        String id = admin.postJson("/v1/referrals", ReferralApiContract.example(ReferralApiContract.FULL))
                .json()
                .path("id")
                .asString();
        ApiClient.Answer referral = admin.get("/v1/referrals/" + id);
        TrustedKeys keys = TrustedKeys.fromJwks(published().toString());
        assertThat(MessageSignature.verify(referral.body(), referral.header("Linkway-Signature"), keys)
                        .valid())
                .isTrue();
        assertThat(admin.postJson(
                                "/v1/referrals/" + id + "/transitions",
                                "{\"to\":\"rejected\",\"reason\":\"outside our area\"}",
                                "If-Match",
                                "\"1\"")
                        .status())
                .isEqualTo(200);
        ApiClient.Answer back = admin.get("/v1/referrals/" + id + "/message-back");
        assertThat(back.status()).isEqualTo(200);
        String jws = back.header("Linkway-Signature");
        SignatureVerification v = MessageSignature.verify(back.body(), jws, keys);
        assertThat(v.valid()).as(v.findings().toString()).isTrue();
        assertThat(v.keyId()).isEqualTo(keys.keyIds().get(0));
        assertThat(MessageSignature.verify(back.body().replace("rejected", "completed"), jws, keys)
                        .valid())
                .isFalse();
        // the link worker's view is signed too: what is signed is what the caller receives
        ApiClient linkWorker =
                admin.as(DevTokens.forPort(server.port()).orElseThrow().mint(Role.LINK_WORKER, "8EC41"));
        ApiClient.Answer lw = linkWorker.get("/v1/referrals/" + id + "/message-back");
        if (lw.status() == 200) {
            assertThat(MessageSignature.verify(lw.body(), lw.header("Linkway-Signature"), keys)
                            .valid())
                    .isTrue();
        }
    }

    @Test
    void webhookDeliveriesCarryTheSignatureBesideTheHmac() throws Exception {
        // a second server (webhooks fast) signing with a JWK file, requiring signed referrals
        Path dir = Files.createDirectories(data.resolve("second"));
        OctetKeyPair own = JwsAlgorithms.generateEd25519(null);
        Path key = Files.writeString(dir.resolve("key.jwk"), own.toJSONString());
        Path trusted = Files.writeString(
                dir.resolve("trusted.jwks"), sender.publicKeys().toJwks());
        try (WebhookReceiver receiver = WebhookReceiver.start();
                LinkwayServer second = LinkwayServer.start(ServerConfig.forTests(dir)
                        .withWebhooks(WebhookContract.FAST)
                        .withSigning(new SigningSettings(key, trusted, true)))) {
            ApiClient api = new ApiClient(second.port());
            assertThat(api.postJson("/v1/subscriptions", "{\"url\":\"" + receiver.url() + "\"}")
                            .status())
                    .isEqualTo(201);
            String body = ReferralApiContract.example(ReferralApiContract.FULL);
            ApiClient.Answer unsigned = api.postJson("/v1/referrals", body);
            assertThat(unsigned.status()).isEqualTo(422);
            assertThat(unsigned.json().path("type").asString()).isEqualTo("urn:linkway:problem:signature-required");
            assertThat(api.postJson(
                                    "/v1/referrals",
                                    body,
                                    "Linkway-Signature",
                                    MessageSignature.sign(body, sender).jws())
                            .status())
                    .isEqualTo(201);
            WebhookReceiver.eventually(
                    "a delivery arrives", () -> !receiver.accepted().isEmpty());
            WebhookReceiver.Delivery d = receiver.accepted().get(0);
            assertThat(d.header("webhook-signature")).startsWith("v1,");
            TrustedKeys keys = TrustedKeys.fromJwks(
                    api.as(null).get("/.well-known/jwks.json").body());
            assertThat(keys.keyIds().get(0))
                    .as("a thumbprint when the JWK names no id")
                    .isEqualTo(own.computeThumbprint().toString());
            String text = new String(d.body(), StandardCharsets.UTF_8);
            assertThat(MessageSignature.verify(text, d.header("Linkway-Signature"), keys)
                            .valid())
                    .isTrue();
            assertThat(MessageSignature.verify(
                                    text.replace("referral.received", "referral.rejected"),
                                    d.header("Linkway-Signature"),
                                    keys)
                            .valid())
                    .isFalse();
        }
    }

    @Test
    void aServerRefusesToStartWithAPublicKeyAsItsSigningKey() throws Exception {
        Path dir = Files.createDirectories(data.resolve("third"));
        Path pub = Files.writeString(
                dir.resolve("pub.jwk"),
                JWKSet.parse(sender.publicKeys().toJwks()).getKeys().get(0).toJSONString());
        assertThatThrownBy(() -> LinkwayServer.start(
                        ServerConfig.forTests(dir).withSigning(new SigningSettings(pub, null, false))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("public key only");
        assertThatThrownBy(() -> LinkwayServer.start(
                        ServerConfig.forTests(dir).withSigning(new SigningSettings(null, null, true))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LINKWAY_TRUSTED_SENDER_KEYS");
        assertThat(List.of(dir.toFile().list())).doesNotContain("linkway.db.lock");
    }

    /** How many referrals were received (other events, such as a possible duplicate of the same person, aside). */
    private static long received(JsonNode items) {
        long n = 0;
        for (JsonNode e : items) {
            if (e.path("type").asString().equals("referral.received")) {
                n++;
            }
        }
        return n;
    }
}
