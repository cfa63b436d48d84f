package org.linkway.server.events;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.linkway.server.http.Json;
import org.linkway.server.storage.DueDelivery;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the outbox to subscribers. Each round it turns new events into deliveries, claims the
 * due ones (never one another instance holds, never a referral's event before the earlier one is
 * acknowledged), sends them in parallel, and records each answer: a 2xx is done, anything else is
 * tried again after an exponentially growing, jittered wait, for as long as the subscription
 * exists. A dispatcher that dies mid-send loses nothing: the claim runs out and the delivery is
 * sent again, which is why receivers deduplicate by {@code webhook-id}.
 */
public final class WebhookDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int SCAN_BATCH = 500;
    private static final Duration KEEP_DELIVERED = Duration.ofDays(7);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private static final int MAX_ERROR_CHARS = 300;
    /** The detached JWS header, named as on the API's answers. */
    public static final String SIGNATURE_HEADER = "Linkway-Signature";

    private record Attempt(DueDelivery delivery, Integer status, String error, OptionalLong retryAfterSeconds) {
        boolean acknowledged() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final Store store;
    private final WebhookSettings settings;
    private final Clock clock;
    private HttpClient
            http; // made at the first delivery: building one loads the TLS trust store, which start-up need not wait
    // for
    private final Thread thread;
    private volatile boolean running;
    private volatile DeliveryGate gate = DeliveryGate.OPEN;
    private volatile Function<byte[], String> signer = body -> null;
    private Instant lastPrune = Instant.MIN;

    public WebhookDispatcher(Store store, WebhookSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.thread = new Thread(this::loop, "linkway-webhooks");
        thread.setDaemon(true);
    }

    private synchronized HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .connectTimeout(settings.timeout())
                    .followRedirects(HttpClient.Redirect.NEVER) // a redirect could point the signed event anywhere
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
        }
        return http;
    }

    /** Consulted before every attempt; see {@link DeliveryGate}. */
    public void gate(DeliveryGate gate) {
        this.gate = gate;
    }

    /**
     * Signs each delivery's body for its {@code Linkway-Signature} header (a detached JWS over the
     * canonical JSON, beside the Standard Webhooks HMAC): the HMAC proves the subscriber's shared
     * secret, the JWS proves this server to anyone holding its published key. Null: no header.
     */
    public void signer(Function<byte[], String> signer) {
        this.signer = signer;
    }

    public void start() {
        running = true;
        thread.start();
    }

    private void loop() {
        int failedRounds = 0;
        while (running) {
            long pause;
            try {
                pause = runOnce() > 0 ? 0 : settings.pollInterval().toMillis();
                if (failedRounds > 0) {
                    LOG.info("webhook dispatch works again after {} failed round(s)", failedRounds);
                    failedRounds = 0;
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                failedRounds++;
                // the database is down or failing: say so once, then now and then, and poll it gently
                if (failedRounds == 1 || failedRounds % 100 == 0) {
                    LOG.warn(
                            "webhook dispatch round failed ({} in a row); deliveries wait until it works again",
                            failedRounds,
                            e);
                }
                pause = backoff(settings, failedRounds, 0.5, OptionalLong.empty())
                        .toMillis();
            }
            if (pause > 0) {
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** One round; returns how many deliveries it attempted. */
    int runOnce() {
        store.transaction(tx -> tx.webhooks().scan(SCAN_BATCH));
        List<DueDelivery> claimed =
                store.transaction(tx -> tx.webhooks().claim(settings.batchSize(), settings.lease()));
        List<DueDelivery> due = withhold(claimed);
        if (!due.isEmpty()) {
            List<CompletableFuture<Attempt>> attempts =
                    due.stream().map(this::send).toList();
            List<Attempt> answers =
                    attempts.stream().map(CompletableFuture::join).toList();
            store.transaction(tx -> {
                for (Attempt a : answers) {
                    DueDelivery d = a.delivery();
                    if (a.acknowledged()) {
                        tx.webhooks().delivered(d.subscriptionId(), d.event().sequence(), a.status());
                    } else {
                        Duration wait = nextWait(d.attempt(), a.retryAfterSeconds());
                        LOG.info(
                                "webhook: event {} to subscription {} not acknowledged (attempt {}): {}; next try in {} ms",
                                d.event().id(),
                                d.subscriptionId(),
                                d.attempt(),
                                a.error(),
                                wait.toMillis());
                        tx.webhooks()
                                .failed(
                                        d.subscriptionId(),
                                        d.event().sequence(),
                                        a.status(),
                                        a.error(),
                                        clock.instant().plus(wait));
                    }
                }
                return null;
            });
        }
        pruneNowAndThen();
        return claimed.size();
    }

    /** Marks the deliveries the gate refuses as finished without sending them; returns the rest. */
    private List<DueDelivery> withhold(List<DueDelivery> claimed) {
        List<DueDelivery> send = new ArrayList<>(claimed.size());
        List<DueDelivery> refused = new ArrayList<>();
        for (DueDelivery d : claimed) {
            if (gate.withhold(d.subscriptionId(), d.event()) != null) {
                refused.add(d);
                continue;
            }
            StoredEvent shown = gate.disclose(d.subscriptionId(), d.event());
            // the sequence stays the claimed one: the delivery is recorded against it
            send.add(
                    shown == d.event()
                            ? d
                            : new DueDelivery(d.subscriptionId(), d.url(), d.secret(), d.attempt(), shown));
        }
        if (!refused.isEmpty()) {
            store.transaction(tx -> {
                refused.forEach(d ->
                        tx.webhooks().delivered(d.subscriptionId(), d.event().sequence(), DeliveryGate.WITHHELD));
                return null;
            });
        }
        return send;
    }

    private CompletableFuture<Attempt> send(DueDelivery d) {
        try {
            byte[] body = Json.MAPPER.writeValueAsBytes(EventJson.of(d.event()));
            long timestamp = clock.instant().getEpochSecond();
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(d.url()));
            String jws = signer.apply(body);
            if (jws != null) {
                builder.header(SIGNATURE_HEADER, jws);
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
            return client().sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    // the request timeout covers the answer's head; this also bounds a body that never ends
                    .orTimeout(settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS)
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

    /** Exponential from {@code retryBase}, capped at {@code retryMax}, jittered by 20% so receivers coming back are not stampeded. */
    Duration nextWait(int attempt, OptionalLong retryAfterSeconds) {
        return backoff(settings, attempt, ThreadLocalRandom.current().nextDouble(), retryAfterSeconds);
    }

    static Duration backoff(WebhookSettings settings, int attempt, double random, OptionalLong retryAfterSeconds) {
        long max = settings.retryMax().toMillis();
        long exponential = Math.min(max, settings.retryBase().toMillis() << Math.min(Math.max(attempt - 1, 0), 30));
        long jittered = Math.min(max, (long) (exponential * (0.8 + 0.4 * random)));
        long asked = retryAfterSeconds.isPresent() ? Math.min(max, retryAfterSeconds.getAsLong() * 1000) : 0;
        return Duration.ofMillis(Math.max(jittered, asked));
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

    private static String describe(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS);
    }

    private void pruneNowAndThen() {
        Instant now = clock.instant();
        if (lastPrune.plus(PRUNE_EVERY).isBefore(now)) {
            lastPrune = now;
            store.transaction(tx -> tx.webhooks().pruneDelivered(now.minus(KEEP_DELIVERED)));
        }
    }

    /** Stops after the round in progress; what it had claimed but not recorded is sent again later. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(settings.timeout().toMillis() + 2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
