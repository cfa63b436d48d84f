package org.linkway.client.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.linkway.client.Event;
import org.linkway.client.SignatureVerifier;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.client.error.WebhookVerificationException;
import org.linkway.client.internal.Codec;
import org.linkway.client.internal.EventJson;
import org.linkway.signature.SignatureChecker;
import org.linkway.signature.SignatureVerification;
import org.linkway.validation.Finding;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Checks that a webhook delivery came from the server and was not changed or replayed, then
 * reads it as an {@link Event}. Deliveries are signed as Standard Webhooks specifies:
 * {@code webhook-signature} holds one or more {@code v1,<base64 HMAC-SHA256>} entries over
 * {@code "<webhook-id>.<webhook-timestamp>.<body>"}, keyed with the subscription's
 * {@code whsec_} secret. Signatures are compared in constant time; a timestamp further than the
 * tolerance (default 5 minutes) from this clock is refused, so an old delivery cannot be
 * replayed. Give several secrets while rotating: a delivery signed with any of them passes.
 * Immutable and thread-safe. Pass the body exactly as received: verify the bytes, never
 * re-serialised JSON.
 *
 * <p>Given the server's public keys ({@link Builder#signingKeys}, from {@code linkway-sdk-crypto}), it also checks the
 * {@code Linkway-Signature} header, a detached JWS over the body's canonical JSON: the HMAC
 * shows the sender knew your subscription's secret, the JWS shows it was the server itself,
 * which still holds when a delivery was relayed or stored and checked later.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.builder().secret(storedSecret).build();
 *
 * // in your HTTP handler
 * try {
 *     Event event = verifier.verify(exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes());
 *     if (seen.add(event.id())) { handle(event); }          // at least once: drop duplicates by id
 *     exchange.sendResponseHeaders(204, -1);
 * } catch (WebhookVerificationException e) {
 *     exchange.sendResponseHeaders(400, -1);
 * }
 * }</pre>
 */
public final class WebhookVerifier {

    /** The tolerance Standard Webhooks recommends. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String PREFIX = "whsec_";
    private static final int MAX_SIGNATURE_HEADER = 8 * 1024;

    private final List<byte[]> keys;
    private final Duration tolerance;
    private final Clock clock;
    private final SignatureVerifier jws;

    private WebhookVerifier(Builder b) {
        this.jws = b.jws;
        this.keys = List.copyOf(b.keys);
        this.tolerance = b.tolerance;
        this.clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a delivery given its headers (any letter case; a map such as
     * {@code com.sun.net.httpserver.Headers} or {@code HttpHeaders.map()}) and raw body.
     */
    public Event verify(Map<String, ? extends Collection<String>> headers, byte[] body) {
        WebhookHeaders standard = WebhookHeaders.from(headers);
        if (jws != null) {
            // the HMAC first: it is cheaper and says nothing about the body until it holds
            verifySignature(standard, body);
            verifyServerSignature(WebhookHeaders.header(headers, SignatureVerifier.HEADER), body);
        }
        return verify(standard, body);
    }

    /**
     * Checks the delivery's {@code Linkway-Signature} against the server keys this verifier was
     * given. Without keys it does nothing.
     *
     * @throws WebhookVerificationException {@code webhook-missing-header} when there is no
     *         signature, {@code webhook-jws-invalid} when it does not hold
     */
    public void verifyServerSignature(String linkwaySignature, byte[] body) {
        if (jws == null) {
            return;
        }
        if (linkwaySignature == null || linkwaySignature.isBlank()) {
            throw new WebhookVerificationException(
                    "webhook-missing-header",
                    SignatureVerifier.HEADER + " is missing; the server's "
                            + "keys were given, so deliveries must carry its signature");
        }
        SignatureVerification v = jws.check(body, linkwaySignature.strip());
        if (!v.valid()) {
            throw new WebhookVerificationException(
                    "webhook-jws-invalid",
                    SignatureVerifier.HEADER + " does not hold: "
                            + v.findings().stream()
                                    .map(Finding::message)
                                    .reduce((a, c) -> a + "; " + c)
                                    .orElse(""));
        }
    }

    /** Verifies a delivery given its three Standard Webhooks headers and the raw body, and reads the event. */
    public Event verify(WebhookHeaders headers, byte[] body) {
        verifySignature(headers, body);
        String webhookId = headers.id();
        Event event;
        try {
            JsonNode tree = Codec.mapper().readTree(body);
            event = EventJson.read(tree);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new WebhookVerificationException(
                    "webhook-malformed-body", "the signed body is not an event: " + e.getMessage(), e);
        }
        if (!event.id().equals(webhookId)) {
            // the contract makes webhook-id the event id; a mismatch means the body is not what was announced
            throw new WebhookVerificationException(
                    "webhook-id-mismatch", "webhook-id '" + webhookId + "' is not the event's id");
        }
        return event;
    }

    /** Only the signature and timestamp checks, for bodies that are not Linkway events. */
    public void verifySignature(WebhookHeaders headers, byte[] body) {
        if (headers == null) {
            throw new WebhookVerificationException("webhook-missing-header", "no headers given");
        }
        String webhookId = headers.id();
        String webhookTimestamp = headers.timestamp();
        String webhookSignature = headers.signature();
        require(webhookId, "webhook-id");
        require(webhookTimestamp, "webhook-timestamp");
        require(webhookSignature, "webhook-signature");
        if (body == null) {
            throw new WebhookVerificationException("webhook-malformed-body", "no body given");
        }
        if (webhookId.contains(".") || webhookId.length() > 256) {
            throw new WebhookVerificationException(
                    "webhook-malformed-header", "webhook-id must not contain '.' and be at most 256 characters");
        }
        long seconds = timestamp(webhookTimestamp);
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - seconds) > tolerance.toSeconds()) {
            throw new WebhookVerificationException(
                    "webhook-timestamp-out-of-tolerance",
                    "webhook-timestamp " + seconds + " is more than " + tolerance.toSeconds() + " s from now (" + now
                            + ")");
        }
        if (webhookSignature.length() > MAX_SIGNATURE_HEADER) {
            throw new WebhookVerificationException("webhook-malformed-header", "webhook-signature is too long");
        }
        List<byte[]> offered = signatures(webhookSignature);
        byte[] signed = signedContent(webhookId, webhookTimestamp, body);
        boolean match = false;
        for (byte[] key : keys) {
            byte[] expected = hmac(key, signed);
            for (byte[] candidate : offered) {
                // no early exit: every comparison runs, each in constant time
                match |= MessageDigest.isEqual(expected, candidate);
            }
        }
        if (!match) {
            throw new WebhookVerificationException(
                    "webhook-signature-mismatch", "no v1 signature matches this body with the configured secret(s)");
        }
    }

    private static List<byte[]> signatures(String header) {
        List<byte[]> out = new ArrayList<>();
        boolean anyV1 = false;
        for (String entry : header.strip().split(" +")) {
            int comma = entry.indexOf(',');
            if (comma < 0) {
                throw new WebhookVerificationException(
                        "webhook-malformed-header", "webhook-signature entries must be '<version>,<signature>'");
            }
            if (!entry.substring(0, comma).equals("v1")) {
                continue; // other schemes (v1a, future versions) are not ours to check
            }
            anyV1 = true;
            try {
                out.add(Base64.getDecoder().decode(entry.substring(comma + 1)));
            } catch (IllegalArgumentException e) {
                throw new WebhookVerificationException("webhook-malformed-header", "a v1 signature is not base64", e);
            }
        }
        if (!anyV1) {
            throw new WebhookVerificationException("webhook-malformed-header", "webhook-signature has no v1 entry");
        }
        return out;
    }

    private static long timestamp(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > 15 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new WebhookVerificationException(
                    "webhook-malformed-header", "webhook-timestamp must be unix seconds");
        }
        return Long.parseLong(t);
    }

    static byte[] signedContent(String id, String timestamp, byte[] body) {
        byte[] head = (id + "." + timestamp.strip() + ".").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    private static void require(String value, String header) {
        if (value == null || value.isBlank()) {
            throw new WebhookVerificationException("webhook-missing-header", header + " is missing");
        }
    }

    /** Builds a {@link WebhookVerifier}: at least one secret. */
    public static final class Builder {
        private final List<byte[]> keys = new ArrayList<>();
        private Duration tolerance = DEFAULT_TOLERANCE;
        private Clock clock = Clock.systemUTC();
        private SignatureVerifier jws;

        private Builder() {}

        /**
         * The server's public keys ({@link org.linkway.client.LinkwayClient#serverKeys()}, or a
         * pinned copy, read with {@code linkway-sdk-crypto}'s {@code TrustedKeys.fromJwks}): every
         * delivery must then also carry a {@code Linkway-Signature} that holds.
         */
        public Builder signingKeys(SignatureChecker serverKeys) {
            this.jws = SignatureVerifier.using(serverKeys);
            return this;
        }

        /** A signing secret as the server gave it ({@code whsec_<base64>}); call again to add more while rotating. */
        public Builder secret(String secret) {
            InvalidArgumentException.require(secret, "secret");
            String encoded =
                    secret.strip().startsWith(PREFIX) ? secret.strip().substring(PREFIX.length()) : secret.strip();
            byte[] key;
            try {
                key = Base64.getDecoder().decode(encoded);
            } catch (IllegalArgumentException e) {
                throw new InvalidArgumentException("secret", "must be 'whsec_' followed by base64");
            }
            if (key.length < 16) {
                throw new InvalidArgumentException(
                        "secret", "must hold at least 16 bytes of key (the server issues 32)");
            }
            keys.add(key);
            return this;
        }

        /** Every secret that may have signed a delivery, e.g. the old and the new one during a rotation. */
        public Builder secrets(Collection<String> secrets) {
            InvalidArgumentException.require(secrets, "secrets");
            secrets.forEach(this::secret);
            return this;
        }

        /** How far a delivery's timestamp may be from this clock (default 5 minutes). */
        public Builder tolerance(Duration tolerance) {
            InvalidArgumentException.require(tolerance, "tolerance");
            if (tolerance.isNegative()) {
                throw new InvalidArgumentException("tolerance", "must not be negative");
            }
            this.tolerance = tolerance;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = InvalidArgumentException.require(clock, "clock");
            return this;
        }

        public WebhookVerifier build() {
            if (keys.isEmpty()) {
                throw new InvalidArgumentException("secret", "must be given: at least one signing secret");
            }
            return new WebhookVerifier(this);
        }
    }
}
