package org.linkway.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests refused before anyone was authenticated (no token, a bad one, too many at once), kept
 * as a count rather than an audit entry each: a flood of them would otherwise grow the trail by
 * one entry per request. The first refusal writes an entry at once, and after that at most one
 * entry per interval says how many were refused, by status, since the last one; stopping the
 * server writes what is left.
 */
final class RefusalSummary {

    private static final Logger LOG = LoggerFactory.getLogger(RefusalSummary.class);
    static final String ACTION = "refused before authentication";

    private final AuditLog audit;
    private final Clock clock;
    private final Duration interval;
    private final Map<Integer, Long> counts = new TreeMap<>();
    private Instant since;
    private Instant lastWritten;

    RefusalSummary(AuditLog audit, Clock clock, Duration interval) {
        this.audit = audit;
        this.clock = clock;
        this.interval = interval;
    }

    void refused(int status) {
        String outcome;
        synchronized (this) {
            Instant now = clock.instant();
            counts.merge(status, 1L, Long::sum);
            if (since == null) {
                since = now;
            }
            if (lastWritten != null && now.isBefore(lastWritten.plus(interval))) {
                return;
            }
            outcome = take(now);
        }
        write(outcome);
    }

    void flush() {
        String outcome;
        synchronized (this) {
            if (counts.isEmpty()) {
                return;
            }
            outcome = take(clock.instant());
        }
        write(outcome);
    }

    private String take(Instant now) {
        StringBuilder out = new StringBuilder();
        counts.forEach((status, n) -> out.append(out.length() == 0 ? "" : "; ")
                .append(status)
                .append(" x")
                .append(n));
        out.append(" since ").append(since);
        counts.clear();
        since = null;
        lastWritten = now;
        return out.toString();
    }

    private void write(String outcome) {
        try {
            audit.record(
                    Audited.request("refusal-summary").action(ACTION).on("-").outcome(outcome));
        } catch (RuntimeException e) {
            // the requests were refused either way; the count is lost, not the refusal
            LOG.warn("could not write the summary of refused requests ({}): {}", outcome, e.toString());
        }
    }
}
