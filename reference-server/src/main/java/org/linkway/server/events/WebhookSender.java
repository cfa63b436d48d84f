package org.linkway.server.events;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.linkway.server.http.Json;
import org.linkway.server.storage.DueDelivery;

/**
 * Sends one delivery: the signed POST with the Standard Webhooks headers, bounded by the connect
 * timeout, the answer's timeout, and a second more for an answer whose body never ends.
 */
final class WebhookSender {

    private static final int MAX_ERROR_CHARS = 300;

    /** One attempt's outcome. */
    record Attempt(DueDelivery delivery, Integer status, String error, OptionalLong retryAfterSeconds) {
        boolean acknowledged() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final WebhookSettings settings;
    private final Clock clock;
    private HttpClient
            http; // made at the first delivery: building one loads the TLS trust store, which start-up need not wait
    // for
    private volatile Function<byte[], String> signer = body -> null;

    WebhookSender(WebhookSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    void signer(Function<byte[], String> signer) {
        this.signer = signer;
    }

    private synchronized HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .connectTimeout(settings.connectTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER) // a redirect could point the signed event anywhere
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
        }
        return http;
    }

    /** Never fails: a failure to send is an attempt without a status. */
    CompletableFuture<Attempt> send(DueDelivery d) {
        try {
            byte[] body = Json.MAPPER.writeValueAsBytes(EventJson.of(d.event()));
            long timestamp = clock.instant().getEpochSecond();
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(d.url()));
            String jws = signer.apply(body);
            if (jws != null) {
                builder.header(WebhookDispatcher.SIGNATURE_HEADER, jws);
            }
            HttpRequest request = builder.timeout(settings.timeout())
                    .header("Content-Type", Json.CONTENT_TYPE)
                    .header("User-Agent", "Linkway-Webhooks")
                    .header("webhook-id", d.event().id())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header(
                            "webhook-signature",
                            WebhookSignature.sign(d.secret(), d.event().id(), timestamp, body))
                    .header("Linkway-Subscription-Id", d.subscriptionId())
                    .header("Linkway-Delivery-Attempt", Integer.toString(d.attempt()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            long bound = settings.connectTimeout().toMillis()
                    + settings.timeout().toMillis()
                    + 1000; // the request timeout covers the answer's head; this also bounds a body that never ends
            return client().sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .orTimeout(bound, TimeUnit.MILLISECONDS)
                    .handle((response, failure) -> failure == null
                            ? new Attempt(
                                    d,
                                    response.statusCode(),
                                    response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode(),
                                    retryAfter(response))
                            : new Attempt(d, null, describe(failure), OptionalLong.empty()));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Attempt(d, null, describe(e), OptionalLong.empty()));
        }
    }

    private static OptionalLong retryAfter(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Retry-After")
                .flatMap(v -> {
                    String t = v.trim();
                    // delay-seconds is ASCII digits; an HTTP date (or anything else) leaves our own backoff in charge
                    if (t.isEmpty() || t.length() > 9 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
                        return Optional.<Long>empty();
                    }
                    return Optional.of(Long.parseLong(t));
                })
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    static String describe(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS);
    }
}
