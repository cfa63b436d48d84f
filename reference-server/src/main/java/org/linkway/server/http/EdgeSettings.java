package org.linkway.server.http;

import java.time.Duration;

/**
 * How the server treats slow and greedy clients before a request reaches a route (see
 * {@link RequestGuard}): how long a request body may take, how slowly it may arrive, and how many
 * requests one token or one client address may have in progress at once.
 *
 * @param idleTimeout        a connection with nothing moving is closed after this long
 * @param bodyDeadline       the whole request body must arrive within this long of the first read
 * @param bodyGrace          how long a body may take before the minimum rate applies
 * @param minBodyBytesPerSecond the average rate a body must keep up after the grace period
 * @param maxPerToken        requests in progress at once with one bearer token
 * @param maxPerAddress      requests in progress at once from one client address
 * @param retryAfterSeconds  what {@code Retry-After} says on a 429
 * @param refusalSummaryInterval at most one audit entry per interval counts the requests refused before authentication
 */
public record EdgeSettings(
        Duration idleTimeout,
        Duration bodyDeadline,
        Duration bodyGrace,
        long minBodyBytesPerSecond,
        int maxPerToken,
        int maxPerAddress,
        int retryAfterSeconds,
        Duration refusalSummaryInterval) {

    /**
     * A referral from a GP system arrives in milliseconds; the largest body accepted (2 MiB) needs
     * about 70 KB/s to meet the deadline. A client that sends a byte every few seconds is cut off
     * when the grace period ends. A busy case management system has a few requests in flight, not
     * sixteen, and the cap per address allows several systems behind one NAT.
     */
    public static final EdgeSettings DEFAULTS = new EdgeSettings(
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            Duration.ofSeconds(5),
            8 * 1024,
            16,
            64,
            1,
            Duration.ofMinutes(1));

    public EdgeSettings {
        if (minBodyBytesPerSecond < 0 || maxPerToken < 1 || maxPerAddress < 1 || retryAfterSeconds < 0) {
            throw new IllegalArgumentException("edge limits must be positive: " + maxPerToken + ", " + maxPerAddress);
        }
    }

    public EdgeSettings withConcurrency(int perToken, int perAddress) {
        return new EdgeSettings(
                idleTimeout,
                bodyDeadline,
                bodyGrace,
                minBodyBytesPerSecond,
                perToken,
                perAddress,
                retryAfterSeconds,
                refusalSummaryInterval);
    }

    public EdgeSettings withBodyTiming(Duration deadline, Duration grace, long minBytesPerSecond) {
        return new EdgeSettings(
                idleTimeout,
                deadline,
                grace,
                minBytesPerSecond,
                maxPerToken,
                maxPerAddress,
                retryAfterSeconds,
                refusalSummaryInterval);
    }
}
