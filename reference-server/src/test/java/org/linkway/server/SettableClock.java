package org.linkway.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A server clock a test moves by hand, so time rules run without waiting. */
final class SettableClock extends Clock {

    private final Instant[] now;
    private final ZoneId zone;

    SettableClock(Instant start) {
        this(new Instant[] {start}, ZoneOffset.UTC);
    }

    private SettableClock(Instant[] now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    synchronized void advance(Duration by) {
        now[0] = now[0].plus(by);
    }

    @Override
    public synchronized Instant instant() {
        return now[0];
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same moving time seen in another zone (the validator reads dates in UK time). */
    @Override
    public Clock withZone(ZoneId other) {
        return new SettableClock(now, other);
    }
}
