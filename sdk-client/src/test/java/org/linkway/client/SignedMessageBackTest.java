package org.linkway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.client.error.SignatureVerificationException;
import org.linkway.crypto.SigningKey;
import org.linkway.crypto.TrustedKeys;
import org.linkway.model.MessageBack;
import org.linkway.model.Referral;
import org.linkway.model.json.LinkwayJson;

/**
 * The message back proves where it came from: against the real reference server (development
 * mode signs with a throwaway key and publishes it), a verifier trusting the server's keys
 * accepts it, one trusting another key refuses it, and a body changed after signing fails.
 */
class SignedMessageBackTest {

    @RegisterExtension
    static final TestServer server = TestServer.sqlite();

    static LinkwayClient client;

    @BeforeAll
    static void start() {
        client = server.client();
    }

    private static String closedReferral() {
        Versioned<Referral> created = client.referrals().create(Fixtures.referral("signed-back"));
        client.referrals()
                .transition(TransitionRequest.builder()
                        .referralId(created.value().getId())
                        .to(Referral.Status.REJECTED)
                        .reason("outside our area")
                        .etag(created.etag())
                        .build());
        return created.value().getId();
    }

    @Test
    void a_message_back_verifies_against_the_servers_published_keys() {
        String id = closedReferral();
        String jwks = client.serverKeys();
        assertThat(jwks).contains("\"keys\"").doesNotContain("\"d\"");
        TrustedKeys keys = TrustedKeys.fromJwks(jwks);
        assertThat(keys.size()).isPositive();
        Versioned<MessageBack> back = client.referral(id).messageBack(SignatureVerifier.using(keys));
        assertThat(back.value()).isEqualTo(client.referral(id).messageBack().value());
        assertThat(back.etag()).isNotBlank();
    }

    @Test
    void a_verifier_trusting_another_key_refuses_it() throws Exception {
        String id = closedReferral();
        SignatureVerifier stranger = SignatureVerifier.using(
                SigningKey.generateEd25519("someone-else").publicKeys());
        assertThatThrownBy(() -> client.referral(id).messageBack(stranger))
                .isInstanceOfSatisfying(SignatureVerificationException.class, e -> {
                    assertThat(e.code()).isEqualTo("signature-invalid");
                    assertThat(e.findings())
                            .anySatisfy(f -> assertThat(f.ruleId()).isEqualTo("LW-SIGNATURE-INVALID"));
                    assertThat(e.requestId()).isNotBlank();
                });
    }

    @Test
    void a_body_changed_after_signing_fails_and_the_original_holds() throws Exception {
        String id = closedReferral();
        HttpResponse<byte[]> raw = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url() + "/v1/referrals/" + id + "/message-back"))
                                .header("Authorization", "Bearer " + server.adminToken())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        String jws = raw.headers().firstValue("Linkway-Signature").orElseThrow();
        SignatureVerifier verifier = SignatureVerifier.using(TrustedKeys.fromJwks(client.serverKeys()));
        assertThat(verifier.check(raw.body(), jws).valid()).isTrue();
        // spacing does not matter (canonical JSON), meaning does
        String pretty = LinkwayJson.mapper().readTree(raw.body()).toPrettyString();
        assertThat(verifier.check(pretty.getBytes(StandardCharsets.UTF_8), jws).valid())
                .isTrue();
        byte[] changed = new String(raw.body(), StandardCharsets.UTF_8)
                .replace("rejected", "completed")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.check(changed, jws).valid()).isFalse();
        assertThatThrownBy(() -> verifier.verify(changed, jws, null))
                .isInstanceOf(SignatureVerificationException.class);
        assertThatThrownBy(() -> verifier.verify(raw.body(), null, null))
                .isInstanceOfSatisfying(
                        SignatureVerificationException.class,
                        e -> assertThat(e.code()).isEqualTo("signature-missing"));
    }

    @Test
    void an_empty_or_malformed_key_set_is_refused_up_front() {
        assertThatThrownBy(() -> SignatureVerifier.using(null)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> TrustedKeys.fromJwks("{\"keys\":[]}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedKeys.fromJwks("{not json")).isInstanceOf(IllegalArgumentException.class);
    }
}
