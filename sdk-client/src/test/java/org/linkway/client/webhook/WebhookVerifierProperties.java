package org.linkway.client.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.client.Event;
import org.linkway.client.error.WebhookVerificationException;
import org.linkway.testing.Gens;
import org.quicktheories.core.Gen;

/** The verifier against signatures computed independently here, per the webhook contract. 300 examples per property. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class WebhookVerifierProperties {

    static final int EXAMPLES = 300;

    static final Instant NOW = Instant.parse("2026-11-27T03:30:00Z");
    static final Set<String> CODES = Set.of(
            "webhook-missing-header",
            "webhook-malformed-header",
            "webhook-timestamp-out-of-tolerance",
            "webhook-signature-mismatch",
            "webhook-malformed-body",
            "webhook-id-mismatch");

    static WebhookVerifier verifier(byte[]... keys) {
        WebhookVerifier.Builder b = WebhookVerifier.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC));
        for (byte[] key : keys) {
            b.secret(Signing.secret(key));
        }
        return b.build();
    }

    static Gen<byte[]> keys() {
        return Gens.bytes(32, 32);
    }

    @Test
    void a_delivery_signed_with_the_secret_within_tolerance_verifies_and_reads_as_its_event() {
        qt().withFixedSeed(6_501L)
                .withExamples(EXAMPLES)
                .forAll(keys(), longs().between(-300, 300), longs().between(1, Long.MAX_VALUE / 2), Gens.anyText(200))
                .checkAssert(WebhookVerifierProperties::verifiesWithinTolerance);
    }

    private static void verifiesWithinTolerance(byte[] key, long skew, long sequence, String reason) {
        String id = UUID.randomUUID().toString();
        long ts = NOW.getEpochSecond() + skew;
        byte[] body = Signing.event(id, sequence, reason);

        Event event = verifier(key)
                .verify(
                        WebhookHeaders.webhookId(id)
                                .timestamp(Long.toString(ts))
                                .signature(Signing.signature(key, id, ts, body)),
                        body);

        assertThat(event.id()).isEqualTo(id);
        assertThat(event.sequence()).isEqualTo(sequence);
        assertThat(event.type()).isEqualTo("referral.status-changed");
        assertThat(event.data().path("reason").asString()).isEqualTo(reason);
    }

    @Test
    void any_changed_byte_of_the_body_is_refused() {
        qt().withFixedSeed(6_502L)
                .withExamples(EXAMPLES)
                .forAll(keys(), integers().between(0, 10_000), integers().between(1, 255))
                .checkAssert(WebhookVerifierProperties::changedByteRefused);
    }

    private static void changedByteRefused(byte[] key, int where, int flip) {
        String id = UUID.randomUUID().toString();
        long ts = NOW.getEpochSecond();
        byte[] body = Signing.event(id, 7, "moved away");
        String signature = Signing.signature(key, id, ts, body);
        byte[] tampered = body.clone();
        tampered[where % body.length] ^= (byte) flip;

        assertThat(code(() -> verifier(key)
                        .verify(
                                WebhookHeaders.webhookId(id)
                                        .timestamp(Long.toString(ts))
                                        .signature(signature),
                                tampered)))
                .isEqualTo("webhook-signature-mismatch");
    }

    @Test
    void a_changed_id_or_timestamp_is_refused() {
        qt().withFixedSeed(6_503L)
                .withExamples(EXAMPLES)
                .forAll(keys(), longs().between(1, 300))
                .checkAssert(WebhookVerifierProperties::changedIdOrTimestampRefused);
    }

    private static void changedIdOrTimestampRefused(byte[] key, long shift) {
        String id = UUID.randomUUID().toString();
        long ts = NOW.getEpochSecond() - shift;
        byte[] body = Signing.event(id, 7, "x");
        String signature = Signing.signature(key, id, ts, body);

        assertThat(code(() -> verifier(key)
                        .verify(
                                WebhookHeaders.webhookId(id)
                                        .timestamp(Long.toString(ts + 1))
                                        .signature(signature),
                                body)))
                .isEqualTo("webhook-signature-mismatch");
        String otherId = UUID.randomUUID().toString();
        assertThat(code(() -> verifier(key)
                        .verify(
                                WebhookHeaders.webhookId(otherId)
                                        .timestamp(Long.toString(ts))
                                        .signature(signature),
                                body)))
                .isEqualTo("webhook-signature-mismatch");
    }

    @Test
    void a_delivery_signed_with_another_secret_is_refused() {
        qt().withFixedSeed(6_504L)
                .withExamples(EXAMPLES)
                .forAll(keys(), keys())
                .checkAssert(WebhookVerifierProperties::otherSecretRefused);
    }

    private static void otherSecretRefused(byte[] key, byte[] other) {
        if (Arrays.equals(key, other)) {
            return;
        }
        String id = UUID.randomUUID().toString();
        long ts = NOW.getEpochSecond();
        byte[] body = Signing.event(id, 1, "x");

        assertThat(code(() -> verifier(other)
                        .verify(
                                WebhookHeaders.webhookId(id)
                                        .timestamp(Long.toString(ts))
                                        .signature(Signing.signature(key, id, ts, body)),
                                body)))
                .isEqualTo("webhook-signature-mismatch");
    }

    @Test
    void a_timestamp_beyond_the_tolerance_is_refused_even_with_a_good_signature() {
        qt().withFixedSeed(6_505L)
                .withExamples(EXAMPLES)
                .forAll(keys(), longs().between(301, 100_000_000), booleans().all())
                .checkAssert(WebhookVerifierProperties::staleTimestampRefused);
    }

    private static void staleTimestampRefused(byte[] key, long distance, boolean future) {
        String id = UUID.randomUUID().toString();
        long ts = NOW.getEpochSecond() + (future ? distance : -distance);
        byte[] body = Signing.event(id, 1, "x");

        assertThat(code(() -> verifier(key)
                        .verify(
                                WebhookHeaders.webhookId(id)
                                        .timestamp(Long.toString(ts))
                                        .signature(Signing.signature(key, id, ts, body)),
                                body)))
                .isEqualTo("webhook-timestamp-out-of-tolerance");
    }

    /** Two secrets, which one signed, decoy signatures and where the real one goes in the header. */
    record Rotation(byte[] oldKey, byte[] newKey, boolean signedWithNew, List<byte[]> decoys, int position) {}

    @Test
    void during_rotation_any_listed_signature_by_any_configured_secret_passes() {
        Gen<Rotation> rotations = keys().zip(
                        keys(),
                        booleans().all(),
                        lists().of(keys()).ofSizeBetween(0, 4),
                        (oldKey, newKey, signedWithNew, decoys) -> new Object[] {oldKey, newKey, signedWithNew, decoys})
                .zip(
                        integers().between(0, 4),
                        (r, position) ->
                                new Rotation((byte[]) r[0], (byte[]) r[1], (Boolean) r[2], castDecoys(r[3]), position));
        qt().withFixedSeed(6_506L)
                .withExamples(EXAMPLES)
                .forAll(rotations)
                .checkAssert(WebhookVerifierProperties::anyConfiguredSecretPasses);
    }

    @SuppressWarnings("unchecked")
    private static List<byte[]> castDecoys(Object decoys) {
        return (List<byte[]>) decoys;
    }

    private static void anyConfiguredSecretPasses(Rotation r) {
        byte[] oldKey = r.oldKey();
        byte[] newKey = r.newKey();
        boolean signedWithNew = r.signedWithNew();
        int position = r.position();
        String id = UUID.randomUUID().toString();
        long ts = NOW.getEpochSecond();
        byte[] body = Signing.event(id, 3, "rotation");
        List<String> entries = new ArrayList<>();
        for (byte[] decoy : r.decoys()) {
            entries.add("v1," + Base64.getEncoder().encodeToString(decoy));
        }
        entries.add("v1a,c29tZSBvdGhlciBzY2hlbWU=");
        entries.add(
                Math.min(position, entries.size()), Signing.signature(signedWithNew ? newKey : oldKey, id, ts, body));

        Event event = verifier(oldKey, newKey)
                .verify(
                        WebhookHeaders.webhookId(id)
                                .timestamp(Long.toString(ts))
                                .signature(String.join(" ", entries)),
                        body);

        assertThat(event.id()).isEqualTo(id);
    }

    @Test
    void malformed_signature_headers_fail_only_with_a_verification_exception() {
        qt().withFixedSeed(6_507L)
                .withExamples(EXAMPLES)
                .forAll(keys(), Gens.anyText())
                .checkAssert(WebhookVerifierProperties::malformedHeaderIsAVerificationFailure);
    }

    private static void malformedHeaderIsAVerificationFailure(byte[] key, String header) {
        String id = UUID.randomUUID().toString();
        long ts = NOW.getEpochSecond();
        byte[] body = Signing.event(id, 1, "x");

        assertThat(CODES)
                .contains(code(() -> verifier(key)
                        .verify(
                                WebhookHeaders.webhookId(id)
                                        .timestamp(Long.toString(ts))
                                        .signature(header),
                                body)));
    }

    @Test
    void malformed_timestamps_fail_only_with_a_verification_exception() {
        qt().withFixedSeed(6_508L)
                .withExamples(EXAMPLES)
                .forAll(keys(), notTimestamps())
                .checkAssert(WebhookVerifierProperties::malformedTimestampIsAVerificationFailure);
    }

    private static void malformedTimestampIsAVerificationFailure(byte[] key, String ts) {
        String id = UUID.randomUUID().toString();
        byte[] body = Signing.event(id, 1, "x");

        assertThat(code(() -> verifier(key)
                        .verify(WebhookHeaders.webhookId(id).timestamp(ts).signature("v1,AAAA"), body)))
                .isIn("webhook-malformed-header", "webhook-missing-header", "webhook-timestamp-out-of-tolerance");
    }

    /** Text that is not a run of digits (a digit-only draw gets an "x"), digit runs too long for a long, numbers with a tail. */
    static Gen<String> notTimestamps() {
        return Gens.oneOf(
                Gens.anyText(20).map(s -> s.strip().matches("[0-9]+") ? s + "x" : s),
                Gens.digits(16, 40),
                longs().all().zip(Gens.pick("-", "+", " 1", "e3", ".5"), (n, s) -> n + s));
    }

    static String code(Runnable call) {
        WebhookVerificationException e = catchThrowableOfType(WebhookVerificationException.class, call::run);
        assertThat(e).as("a WebhookVerificationException").isNotNull();
        return e.code();
    }

    @Test
    void the_header_map_is_read_in_any_letter_case_and_a_repeated_header_is_refused() {
        byte[] key = new byte[32];
        String id = UUID.randomUUID().toString();
        long ts = NOW.getEpochSecond();
        byte[] body = Signing.event(id, 9, "x");
        String sig = Signing.signature(key, id, ts, body);

        Event e = verifier(key)
                .verify(
                        Map.of(
                                "Webhook-Id",
                                List.of(id),
                                "WEBHOOK-TIMESTAMP",
                                List.of(Long.toString(ts)),
                                "webhook-signature",
                                List.of(sig)),
                        body);
        assertThat(e.sequence()).isEqualTo(9);

        assertThatThrownBy(() -> verifier(key)
                        .verify(
                                Map.of(
                                        "webhook-id",
                                        List.of(id, id),
                                        "webhook-timestamp",
                                        List.of(Long.toString(ts)),
                                        "webhook-signature",
                                        List.of(sig)),
                                body))
                .isInstanceOfSatisfying(
                        WebhookVerificationException.class,
                        x -> assertThat(x.code()).isEqualTo("webhook-malformed-header"));
        assertThat(code(() -> verifier(key).verify(Map.of("webhook-id", List.of(id)), body)))
                .isEqualTo("webhook-missing-header");
    }
}
