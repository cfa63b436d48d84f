package org.linkway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.client.error.LinkwayException;
import org.linkway.crypto.SigningKey;
import org.linkway.model.Referral;
import org.linkway.server.security.SigningSettings;
import org.linkway.signature.DetachedSignature;
import org.linkway.validation.Finding;
import org.linkway.validation.Severity;

/**
 * A sending system signs its referrals through the client, against a real server that trusts
 * its key and accepts only signed referrals: signed with the trusted key is received; unsigned,
 * or signed with another key, is refused with the problem naming why.
 */
class SignedReferralClientTest {

    static final SigningKey sender = SigningKey.generateEd25519("gp-system-7");

    @RegisterExtension
    static final TestServer server =
            TestServer.sqlite(config -> config.withSigning(new SigningSettings(null, trust(sender), true)));

    /** A key file naming the sender's public key, for the server to trust. */
    private static Path trust(SigningKey key) {
        try {
            Path trusted = Files.createTempFile("trusted-senders", ".jwks");
            Files.writeString(trusted, key.publicKeys().toJwks());
            return trusted;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void a_referral_signed_with_the_trusted_key_is_received() {
        LinkwayClient signing =
                server.clientBuilder(server.url()).signer(sender).build();
        Versioned<Referral> created = signing.referrals().create(Fixtures.referral("signed-1"));
        assertThat(created.value().getId()).isNotBlank();
    }

    @Test
    void an_unsigned_referral_or_one_signed_by_another_key_is_refused() throws Exception {
        assertThatThrownBy(() -> server.client().referrals().create(Fixtures.referral("unsigned")))
                .isInstanceOfSatisfying(
                        LinkwayException.class, e -> assertThat(e.code()).isEqualTo("signature-required"));
        LinkwayClient impostor = server.clientBuilder(server.url())
                .signer(SigningKey.generateEd25519("gp-system-7"))
                .build();
        assertThatThrownBy(() -> impostor.referrals().create(Fixtures.referral("impostor")))
                .isInstanceOfSatisfying(LinkwayException.class, e -> {
                    assertThat(e.code()).isEqualTo("signature-invalid");
                    assertThat(e.status()).isEqualTo(422);
                });
        assertThatThrownBy(() -> LinkwayClient.builder().signer(null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("signer");
        LinkwayClient failing = server.clientBuilder(server.url())
                .signer(json -> new DetachedSignature(
                        null, List.of(new Finding(Severity.ERROR, DetachedSignature.RULE, "", "", "no key"))))
                .build();
        assertThatThrownBy(() -> failing.referrals().create(Fixtures.referral("cannot-sign")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("cannot be signed");
    }

    @Test
    void a_subscription_names_the_organisation_it_delivers_to() {
        Subscription s = server.client()
                .subscriptions()
                .create(SubscriptionRequest.builder()
                        .url(URI.create("http://127.0.0.1:9/hook"))
                        .organisation("1187342")
                        .build());
        try {
            assertThat(s.organisation()).contains("1187342");
            assertThat(server.client().subscriptions().get(s.id()).organisation())
                    .contains("1187342");
        } finally {
            server.client().subscriptions().delete(s.id());
        }
    }
}
