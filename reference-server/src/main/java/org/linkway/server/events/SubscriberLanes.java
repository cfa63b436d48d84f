package org.linkway.server.events;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.DoubleSupplier;

/**
 * One lane per subscription: how many of its deliveries are in flight, and its circuit breaker.
 * A lane holds at most {@link WebhookSettings#perSubscriber()} attempts at once, so a receiver
 * that hangs ties up its own lane and nothing else. After {@link WebhookSettings#breakAfter()}
 * failures in a row the circuit opens: the subscription is sent nothing until a wait that doubles
 * with each opening (from {@code retryBase} to {@code retryMax}, jittered) has passed; then one
 * probe goes out (half open), and its success closes the circuit while its failure opens it again
 * for longer. Deliveries wait in the database meanwhile, so nothing is lost and order holds.
 *
 * <p>Kept in memory by each dispatcher: a second server instance learns a receiver is failing
 * from its own attempts.
 */
final class SubscriberLanes {

    /** What an operator sees of a lane. */
    record State(String circuit, int inFlight, int failuresInARow, Instant openUntil) {}

    private static final class Lane {
        int inFlight;
        int failuresInARow;
        int openings;
        Instant openUntil; // null: closed
        boolean probing;
    }

    private final WebhookSettings settings;
    private final DoubleSupplier random;
    private final Map<String, Lane> lanes = new HashMap<>();

    SubscriberLanes(WebhookSettings settings, DoubleSupplier random) {
        this.settings = settings;
        this.random = random;
    }

    /**
     * How many more attempts the subscription may start now: 0 while its circuit is open or its
     * lane is full, 1 while half open (the probe), otherwise what its lane has left.
     */
    synchronized int room(String subscriptionId, Instant now) {
        Lane lane = lanes.get(subscriptionId);
        if (lane == null) {
            return settings.perSubscriber();
        }
        if (lane.openUntil != null) {
            if (now.isBefore(lane.openUntil) || lane.probing) {
                return 0;
            }
            return lane.inFlight == 0 ? 1 : 0;
        }
        return Math.max(0, settings.perSubscriber() - lane.inFlight);
    }

    /** The room of every subscription this dispatcher has a lane for (any other has a whole lane). */
    synchronized Map<String, Integer> rooms(Instant now) {
        Map<String, Integer> out = new HashMap<>();
        for (String id : lanes.keySet()) {
            out.put(id, room(id, now));
        }
        return out;
    }

    /** An attempt is starting. */
    synchronized void started(String subscriptionId) {
        Lane lane = lanes.computeIfAbsent(subscriptionId, id -> new Lane());
        lane.inFlight++;
        if (lane.openUntil != null) {
            lane.probing = true;
        }
    }

    /**
     * An attempt ended. A success closes the circuit; a failure counts towards opening it, and a
     * failed probe opens it again for longer. Returns the time the circuit opened until, if this
     * answer opened it.
     */
    synchronized Optional<Instant> finished(String subscriptionId, boolean acknowledged, Instant now) {
        Lane lane = lanes.computeIfAbsent(subscriptionId, id -> new Lane());
        lane.inFlight = Math.max(0, lane.inFlight - 1);
        boolean wasProbe = lane.probing;
        lane.probing = false;
        if (acknowledged) {
            lane.failuresInARow = 0;
            lane.openings = 0;
            lane.openUntil = null;
            if (lane.inFlight == 0) {
                lanes.remove(subscriptionId); // an idle healthy lane costs nothing to forget
            }
            return Optional.empty();
        }
        lane.failuresInARow++;
        boolean reopen = wasProbe || (lane.openUntil == null && lane.failuresInARow >= settings.breakAfter());
        if (!reopen) {
            return Optional.empty();
        }
        lane.openings++;
        Duration wait = WebhookDispatcher.backoff(settings, lane.openings, random.getAsDouble(), OptionalLong.empty());
        lane.openUntil = now.plus(wait);
        return Optional.of(lane.openUntil);
    }

    /** The lane as an operator would want to see it; empty for a subscription with nothing going on. */
    synchronized Optional<State> state(String subscriptionId, Instant now) {
        Lane lane = lanes.get(subscriptionId);
        if (lane == null) {
            return Optional.empty();
        }
        String circuit = lane.openUntil == null ? "closed" : now.isBefore(lane.openUntil) ? "open" : "half-open";
        return Optional.of(new State(circuit, lane.inFlight, lane.failuresInARow, lane.openUntil));
    }

    /** Attempts in flight over every lane. */
    synchronized int inFlight() {
        return lanes.values().stream().mapToInt(l -> l.inFlight).sum();
    }
}
