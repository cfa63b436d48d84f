package org.linkway.server.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.linkway.server.storage.DueDelivery;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the outbox to subscribers. Each round it turns new events into deliveries and claims the
 * due ones (never one another instance holds, never a referral's event before the earlier one is
 * acknowledged, never more for a subscription than its lane has room for), and starts them. It
 * does not wait for the answers: each attempt records its own outcome when it ends (a 2xx is
 * done, anything else is tried again after an exponentially growing, jittered wait, for as long
 * as the subscription exists) and frees its place in the subscription's lane. So a receiver that
 * hangs holds only its own lane, and a failing one is held back by its circuit breaker
 * ({@link SubscriberLanes}) while every other subscriber's deliveries go on.
 *
 * <p>A dispatcher that dies mid-send loses nothing: the claim runs out and the delivery is sent
 * again, which is why receivers deduplicate by {@code webhook-id}.
 */
public final class WebhookDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int SCAN_BATCH = 500;
    private static final Duration KEEP_DELIVERED = Duration.ofDays(7);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    /** How long closing waits for attempts in flight; what it leaves is sent again once its lease runs out. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);
    /** The detached JWS header, named as on the API's answers. */
    public static final String SIGNATURE_HEADER = "Linkway-Signature";

    private final Store store;
    private final WebhookSettings settings;
    private final Clock clock;
    private final WebhookSender sender;
    private final SubscriberLanes lanes;
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running;
    private volatile DeliveryGate gate = DeliveryGate.OPEN;
    private Instant lastPrune = Instant.MIN;

    public WebhookDispatcher(Store store, WebhookSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.sender = new WebhookSender(settings, clock);
        this.lanes =
                new SubscriberLanes(settings, () -> ThreadLocalRandom.current().nextDouble());
        this.thread = new Thread(this::loop, "linkway-webhooks");
        thread.setDaemon(true);
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
        sender.signer(signer);
    }

    /**
     * How this dispatcher sees the subscription's receiver: {@code circuit} ({@code closed},
     * {@code open} or {@code half-open}), attempts in flight, failures in a row, and until when
     * an open circuit holds deliveries back. Empty while nothing is in flight and the last
     * attempt succeeded.
     */
    public Optional<Map<String, Object>> receiverState(String subscriptionId) {
        return lanes.state(subscriptionId, clock.instant()).map(s -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("circuit", s.circuit());
            out.put("inFlight", s.inFlight());
            out.put("failuresInARow", s.failuresInARow());
            if (s.openUntil() != null) {
                out.put("openUntil", s.openUntil().toString());
            }
            return out;
        });
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
                    // an attempt that ends wakes the loop: the referral's next event may now be claimed
                    if (wake.tryAcquire(pause, TimeUnit.MILLISECONDS)) {
                        wake.drainPermits();
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** One round; returns how many deliveries it claimed. */
    int runOnce() {
        store.transaction(tx -> tx.webhooks().scan(SCAN_BATCH));
        int free = settings.batchSize() - lanes.inFlight();
        int claimedCount = 0;
        if (free > 0) {
            Map<String, Integer> rooms = lanes.rooms(clock.instant());
            List<DueDelivery> claimed = store.transaction(
                    tx -> tx.webhooks().claim(free, settings.lease(), rooms, settings.perSubscriber()));
            claimedCount = claimed.size();
            withhold(claimed).forEach(this::start);
        }
        pruneNowAndThen();
        return claimedCount;
    }

    private void start(DueDelivery d) {
        lanes.started(d.subscriptionId());
        sender.send(d).thenAccept(this::record);
    }

    /** Records one attempt's outcome in its own transaction, then frees its place in the lane. */
    private void record(WebhookSender.Attempt a) {
        DueDelivery d = a.delivery();
        try {
            store.transaction(tx -> {
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
                return null;
            });
        } catch (RuntimeException e) {
            // unrecorded, the delivery stays claimed until its lease runs out, then is sent again
            if (running) {
                LOG.warn(
                        "webhook: cannot record the attempt of event {} to subscription {}",
                        d.event().id(),
                        d.subscriptionId(),
                        e);
            }
        } finally {
            lanes.finished(d.subscriptionId(), a.acknowledged(), clock.instant())
                    .ifPresent(until -> LOG.info(
                            "webhook: subscription {} is failing; its circuit is open until {}",
                            d.subscriptionId(),
                            until));
            wake.release();
        }
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

    private void pruneNowAndThen() {
        Instant now = clock.instant();
        if (lastPrune.plus(PRUNE_EVERY).isBefore(now)) {
            lastPrune = now;
            store.transaction(tx -> tx.webhooks().pruneDelivered(now.minus(KEEP_DELIVERED)));
        }
    }

    /**
     * Stops claiming, then waits briefly for attempts in flight to be recorded; what it leaves
     * unrecorded (a receiver still hanging) is sent again once its lease runs out.
     */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(settings.timeout().toMillis() + 2000);
            long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
            while (lanes.inFlight() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
