package org.linkway.client.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linkway.client.webhook.WebhookVerifierProperties.NOW;
import static org.linkway.client.webhook.WebhookVerifierProperties.code;
import static org.linkway.client.webhook.WebhookVerifierProperties.verifier;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linkway.client.error.InvalidArgumentException;

/** Worked examples of the verifier's refusals, beside the properties. */
class WebhookVerifierTest {

    private final byte[] key = "a 32-byte key for the tests only".getBytes(StandardCharsets.US_ASCII);

    @Test
    void a_signed_body_that_is_not_an_event_is_refused_after_the_signature_passes() {
        String id = UUID.randomUUID().toString();
        long ts = NOW.getEpochSecond();
        byte[] body = "{\"hello\":1}".getBytes(StandardCharsets.UTF_8);

        assertThat(code(() -> verifier(key)
                        .verify(
                                WebhookHeaders.webhookId(id)
                                        .timestamp(Long.toString(ts))
                                        .signature(Signing.signature(key, id, ts, body)),
                                body)))
                .isEqualTo("webhook-malformed-body");
        // the generic check still serves bodies that are not Linkway events
        verifier(key)
                .verifySignature(
                        WebhookHeaders.webhookId(id)
                                .timestamp(Long.toString(ts))
                                .signature(Signing.signature(key, id, ts, body)),
                        body);
    }

    @Test
    void the_webhook_id_must_be_the_events_id() {
        String id = UUID.randomUUID().toString();
        String announced = UUID.randomUUID().toString();
        long ts = NOW.getEpochSecond();
        byte[] body = Signing.event(id, 1, "x");

        assertThat(code(() -> verifier(key)
                        .verify(
                                WebhookHeaders.webhookId(announced)
                                        .timestamp(Long.toString(ts))
                                        .signature(Signing.signature(key, announced, ts, body)),
                                body)))
                .isEqualTo("webhook-id-mismatch");
    }

    @Test
    void a_header_without_a_v1_entry_is_malformed() {
        String id = UUID.randomUUID().toString();
        byte[] body = Signing.event(id, 1, "x");
        String ts = Long.toString(NOW.getEpochSecond());

        assertThat(code(() -> verifier(key)
                        .verify(WebhookHeaders.webhookId(id).timestamp(ts).signature("v2,abc"), body)))
                .isEqualTo("webhook-malformed-header");
        assertThat(code(() -> verifier(key)
                        .verify(WebhookHeaders.webhookId(id).timestamp(ts).signature("v1,not*base64"), body)))
                .isEqualTo("webhook-malformed-header");
        assertThat(code(() -> verifier(key)
                        .verify(WebhookHeaders.webhookId(id).timestamp(ts).signature("nocomma"), body)))
                .isEqualTo("webhook-malformed-header");
        assertThat(code(() -> verifier(key)
                        .verify(WebhookHeaders.webhookId(id).timestamp(null).signature("v1,AAAA"), body)))
                .isEqualTo("webhook-missing-header");
    }

    @Test
    void the_tolerance_is_configurable() {
        String id = UUID.randomUUID().toString();
        long ts = NOW.getEpochSecond() - 3600;
        byte[] body = Signing.event(id, 1, "x");
        WebhookVerifier lenient = WebhookVerifier.builder()
                .secret(Signing.secret(key))
                .tolerance(Duration.ofHours(2))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();

        assertThat(lenient.verify(
                                WebhookHeaders.webhookId(id)
                                        .timestamp(Long.toString(ts))
                                        .signature(Signing.signature(key, id, ts, body)),
                                body)
                        .id())
                .isEqualTo(id);
        assertThat(code(() -> verifier(key)
                        .verify(
                                WebhookHeaders.webhookId(id)
                                        .timestamp(Long.toString(ts))
                                        .signature(Signing.signature(key, id, ts, body)),
                                body)))
                .isEqualTo("webhook-timestamp-out-of-tolerance");
    }

    @Test
    void secrets_are_checked_when_the_verifier_is_built() {
        assertThatThrownBy(() -> WebhookVerifier.builder().build())
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("secret");
        assertThatThrownBy(() -> WebhookVerifier.builder().secret("whsec_***"))
                .isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> WebhookVerifier.builder()
                        .secret("whsec_" + Base64.getEncoder().encodeToString(new byte[4])))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("16 bytes");
        // the prefix is optional, as in other Standard Webhooks verifiers
        assertThat(WebhookVerifier.builder()
                        .secret(Base64.getEncoder().encodeToString(key))
                        .build())
                .isNotNull();
    }
}
