package org.linkway.server.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most so many validations per client address in any sixty seconds: a sliding log of the
 * moments each address was let through, so a burst straddling a minute's boundary is counted
 * whole. The open validation endpoint has no token to count by, and each validation of a large
 * FHIR Bundle costs real CPU.
 */
final class RateLimit {

    static final Duration WINDOW = Duration.ofMinutes(1);
    /** Addresses remembered at most; past that, those quiet for a whole window are forgotten first. */
    private static final int MAX_ADDRESSES = 10_000;

    private final int perWindow;
    private final Clock clock;
    private final Map<String, Deque<Instant>> seen = new ConcurrentHashMap<>();

    RateLimit(int perWindow, Clock clock) {
        this.perWindow = perWindow;
        this.clock = clock;
    }

    /** Empty when the address may go on (and counts this one), else the seconds until it may. */
    OptionalLong take(String address) {
        Instant now = clock.instant();
        if (seen.size() > MAX_ADDRESSES) {
            seen.entrySet().removeIf(e -> quiet(e.getValue(), now));
        }
        Deque<Instant> log = seen.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (log) {
            while (!log.isEmpty() && !log.peekFirst().isAfter(now.minus(WINDOW))) {
                log.pollFirst();
            }
            if (log.size() >= perWindow) {
                long wait = Duration.between(now, log.peekFirst().plus(WINDOW)).toSeconds() + 1;
                return OptionalLong.of(Math.max(1, wait));
            }
            log.addLast(now);
            return OptionalLong.empty();
        }
    }

    private static boolean quiet(Deque<Instant> log, Instant now) {
        synchronized (log) {
            return log.isEmpty() || !log.peekLast().isAfter(now.minus(WINDOW));
        }
    }
}
