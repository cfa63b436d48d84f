package org.linkway.client.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.linkway.client.Event;
import org.linkway.client.error.WebhookVerificationException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** The verifier against signatures computed independently here, per the webhook contract. */
@PropertyDefaults(tries = 300)
class WebhookVerifierProperties {

    static final Instant NOW = Instant.parse("2026-11-27T03:30:00Z");
    static final Set<String> CODES = Set.of("webhook-missing-header", "webhook-malformed-header", "webhook-timestamp-out-of-tolerance",
            "webhook-signature-mismatch", "webhook-malformed-body", "webhook-id-mismatch");

    static WebhookVerifier verifier(byte[]... keys) {
        WebhookVerifier.Builder b = WebhookVerifier.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC));
        for (byte[] key : keys) {
            b.secret(Signing.secret(key));
        }
        return b.build();
    }

    @Provide
    Arbitrary<byte[]> keys() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32);
    }

    @Property
    void a_delivery_signed_with_the_secret_within_tolerance_verifies_and_reads_as_its_event(
            @ForAll("keys") byte[] key, @ForAll @LongRange(min = -300, max = 300) long skew,
            @ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 2) long sequence, @ForAll @Size(max = 200) String reason) {
        String id = UUID.randomUUID().toString();
        long ts = NOW.getEpochSecond() + skew;
        byte[] body = Signing.event(id, sequence, reason);

        Event event = verifier(key).verify(id, Long.toString(ts), Signing.signature(key, id, ts, body), body);

        assertThat(event.id()).isEqualTo(id);
        assertThat(event.sequence()).isEqualTo(sequence);
        assertThat(event.type()).isEqualTo("referral.status-changed");
        assertThat(event.data().path("reason").asString()).isEqualTo(reason);
    }

    @Property
    void any_changed_byte_of_the_body_is_refused(@ForAll("keys") byte[] key, @ForAll @IntRange(min = 0, max = 10_000) int where,
                                                 @ForAll @IntRange(min = 1, max = 255) int flip) {
        String id = UUID.randomUUID().toString();
        long ts = NOW.getEpochSecond();
        byte[] body = Signing.event(id, 7, "moved away");
        String signature = Signing.signature(key, id, ts, body);
        byte[] tampered = body.clone();
        tampered[where % body.length] ^= (byte) flip;

        assertThat(code(() -> verifier(key).verify(id, Long.toString(ts), signature, tampered))).isEqualTo("webhook-signature-mismatch");
    }

    @Property
    void a_changed_id_or_timestamp_is_refused(@ForAll("keys") byte[] key, @ForAll @LongRange(min = 1, max = 300) long shift) {
        String id = UUID.randomUUID().toString();
        long ts = NOW.getEpochSecond() - shift;
        byte[] body = Signing.event(id, 7, "x");
        String signature = Signing.signature(key, id, ts, body);

        assertThat(code(() -> verifier(key).verify(id, Long.toString(ts + 1), signature, body))).isEqualTo("webhook-signature-mismatch");
        String otherId = UUID.randomUUID().toString();
        assertThat(code(() -> verifier(key).verify(otherId, Long.toString(ts), signature, body))).isEqualTo("webhook-signature-mismatch");
    }

    @Property
    void a_delivery_signed_with_another_secret_is_refused(@ForAll("keys") byte[] key, @ForAll("keys") byte[] other) {
        if (Arrays.equals(key, other)) {
            return;
        }
        String id = UUID.randomUUID().toString();
        long ts = NOW.getEpochSecond();
        byte[] body = Signing.event(id, 1, "x");

        assertThat(code(() -> verifier(other).verify(id, Long.toString(ts), Signing.signature(key, id, ts, body), body)))
                .isEqualTo("webhook-signature-mismatch");
    }

    @Property
    void a_timestamp_beyond_the_tolerance_is_refused_even_with_a_good_signature(
            @ForAll("keys") byte[] key, @ForAll @LongRange(min = 301, max = 100_000_000) long distance, @ForAll boolean future) {
        String id = UUID.randomUUID().toString();
        long ts = NOW.getEpochSecond() + (future ? distance : -distance);
        byte[] body = Signing.event(id, 1, "x");

        assertThat(code(() -> verifier(key).verify(id, Long.toString(ts), Signing.signature(key, id, ts, body), body)))
                .isEqualTo("webhook-timestamp-out-of-tolerance");
    }

    @Property
    void during_rotation_any_listed_signature_by_any_configured_secret_passes(
            @ForAll("keys") byte[] oldKey, @ForAll("keys") byte[] newKey, @ForAll boolean signedWithNew,
            @ForAll @Size(max = 4) List<@Size(value = 32) List<Byte>> decoys, @ForAll @IntRange(min = 0, max = 4) int position) {
        String id = UUID.randomUUID().toString();
        long ts = NOW.getEpochSecond();
        byte[] body = Signing.event(id, 3, "rotation");
        List<String> entries = new ArrayList<>();
        for (List<Byte> decoy : decoys) {
            byte[] bytes = new byte[decoy.size()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = decoy.get(i);
            }
            entries.add("v1," + Base64.getEncoder().encodeToString(bytes));
        }
        entries.add("v1a,c29tZSBvdGhlciBzY2hlbWU=");
        entries.add(Math.min(position, entries.size()), Signing.signature(signedWithNew ? newKey : oldKey, id, ts, body));

        Event event = verifier(oldKey, newKey).verify(id, Long.toString(ts), String.join(" ", entries), body);

        assertThat(event.id()).isEqualTo(id);
    }

    @Property
    void malformed_signature_headers_fail_only_with_a_verification_exception(@ForAll("keys") byte[] key, @ForAll String header) {
        String id = UUID.randomUUID().toString();
        long ts = NOW.getEpochSecond();
        byte[] body = Signing.event(id, 1, "x");

        assertThat(CODES).contains(code(() -> verifier(key).verify(id, Long.toString(ts), header, body)));
    }

    @Property
    void malformed_timestamps_fail_only_with_a_verification_exception(@ForAll("keys") byte[] key, @ForAll("notTimestamps") String ts) {
        String id = UUID.randomUUID().toString();
        byte[] body = Signing.event(id, 1, "x");

        assertThat(code(() -> verifier(key).verify(id, ts, "v1,AAAA", body)))
                .isIn("webhook-malformed-header", "webhook-missing-header", "webhook-timestamp-out-of-tolerance");
    }

    @Provide
    Arbitrary<String> notTimestamps() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20).filter(s -> !s.strip().matches("[0-9]+")),
                Arbitraries.strings().numeric().ofMinLength(16).ofMaxLength(40),
                Combinators.combine(Arbitraries.longs(), Arbitraries.of("-", "+", " 1", "e3", ".5")).as((n, s) -> n + s));
    }

    static String code(Runnable call) {
        WebhookVerificationException e = catchThrowableOfType(WebhookVerificationException.class, call::run);
        assertThat(e).as("a WebhookVerificationException").isNotNull();
        return e.code();
    }

    @Property(tries = 1)
    void the_header_map_is_read_in_any_letter_case_and_a_repeated_header_is_refused() {
        byte[] key = new byte[32];
        String id = UUID.randomUUID().toString();
        long ts = NOW.getEpochSecond();
        byte[] body = Signing.event(id, 9, "x");
        String sig = Signing.signature(key, id, ts, body);

        Event e = verifier(key).verify(java.util.Map.of("Webhook-Id", List.of(id), "WEBHOOK-TIMESTAMP", List.of(Long.toString(ts)),
                "webhook-signature", List.of(sig)), body);
        assertThat(e.sequence()).isEqualTo(9);

        assertThatThrownBy(() -> verifier(key).verify(java.util.Map.of("webhook-id", List.of(id, id),
                "webhook-timestamp", List.of(Long.toString(ts)), "webhook-signature", List.of(sig)), body))
                .isInstanceOfSatisfying(WebhookVerificationException.class, x -> assertThat(x.code()).isEqualTo("webhook-malformed-header"));
        assertThat(code(() -> verifier(key).verify(java.util.Map.of("webhook-id", List.of(id)), body))).isEqualTo("webhook-missing-header");
    }
}
