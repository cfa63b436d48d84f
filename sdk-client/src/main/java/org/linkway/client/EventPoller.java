package org.linkway.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.client.internal.Transport;

/**
 * Follows the event log for a receiver without a public endpoint: an endless, lazy sequence of
 * events after a stored sequence. While the log is quiet it waits before asking again, longer
 * each time (from {@code minWait} doubling to {@code maxWait}), and asks promptly again once
 * events flow, or while the server is passing over events this caller may not see (a page with
 * no events whose {@code next} moved on). {@link #position()} is where to resume: store it after
 * handling each event and build the next poller from it, and nothing is missed or repeated.
 * One consumer at a time: the poller is a cursor (its methods are synchronised, but two
 * consumers would each see only some of the events). A failure that outlasts the client's
 * retries is thrown from {@code next()} or {@code poll()} with the position unchanged, so
 * calling again carries on where it stopped.
 *
 * <pre>{@code
 * EventPoller poller = client.events().pollerBuilder().after(store.lastSequence()).pageSize(200).build();
 * for (Event event : poller) {            // blocks while there is nothing new
 *     handle(event);
 *     store.saveLastSequence(poller.position());
 * }
 * }</pre>
 */
public final class EventPoller implements Iterable<Event> {

    private final Events events;
    private final Sleeper sleeper;
    private final int pageSize;
    private final Duration minWait;
    private final Duration maxWait;
    private final Deque<Event> buffered = new ArrayDeque<>();
    private long position;
    private long fetched;
    private int quietPolls;

    private EventPoller(Builder b) {
        this.events = b.events;
        this.sleeper = b.sleeper;
        this.pageSize = b.pageSize;
        this.minWait = b.minWait;
        this.maxWait = b.maxWait;
        this.position = b.after;
        this.fetched = b.after;
    }

    /**
     * Where to resume: the sequence of the last event handed out, or further on when the log
     * since then held only events this caller may not see (or the start, before any).
     */
    public synchronized long position() {
        return position;
    }

    /**
     * The next events, without waiting: those already fetched, else one request. Empty when
     * there is nothing new. Advances {@link #position()} past everything returned.
     */
    public synchronized List<Event> poll() {
        if (buffered.isEmpty()) {
            fetch();
        }
        List<Event> out = new ArrayList<>(buffered);
        buffered.clear();
        if (!out.isEmpty()) {
            position = out.get(out.size() - 1).sequence();
        }
        return out;
    }

    /** The next event, waiting (with growing pauses) for as long as the log is quiet. */
    public synchronized Event next() {
        while (buffered.isEmpty()) {
            if (!fetch()) {
                Transport.join(sleeper.sleep(quietWait()).toCompletableFuture());
            }
        }
        Event e = buffered.poll();
        position = e.sequence();
        return e;
    }

    /** The wait after the current run of empty answers: minWait, doubling, at most maxWait. */
    synchronized Duration quietWait() {
        long wait = minWait.toMillis() << Math.min(Math.max(quietPolls - 1, 0), 30);
        return Duration.ofMillis(wait < 0 || wait > maxWait.toMillis() ? maxWait.toMillis() : wait);
    }

    /**
     * One request. A page with no events whose {@code next} moved on passed over events this
     * caller may not see (a busy log filtered to the caller's own): that is progress, so the
     * position moves past them and the next request goes at once rather than after a quiet wait.
     */
    private boolean fetch() {
        EventPage page = events.list(fetched, pageSize);
        buffered.addAll(page.items());
        boolean moved = page.next() > fetched;
        fetched = Math.max(fetched, page.next());
        if (buffered.isEmpty()) {
            position = Math.max(position, fetched);
        }
        boolean progress = !page.items().isEmpty() || moved;
        quietPolls = progress ? 0 : quietPolls + 1;
        return progress;
    }

    /** Endless: {@code hasNext()} is always true and {@code next()} waits for the next event. */
    @Override
    public Iterator<Event> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Event next() {
                return EventPoller.this.next();
            }
        };
    }

    /** The events as an endless lazy stream; limit it, e.g. {@code poller.stream().limit(10)}. */
    public Stream<Event> stream() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Builds an {@link EventPoller}: from {@code client.events().pollerBuilder()}. */
    public static final class Builder {
        private final Events events;
        private Sleeper sleeper;
        private long after;
        private int pageSize = 100;
        private Duration minWait = Duration.ofSeconds(1);
        private Duration maxWait = Duration.ofSeconds(30);

        Builder(Events events, Sleeper sleeper) {
            this.events = events;
            this.sleeper = sleeper;
        }

        /** Start after this sequence: 0 for the whole log, else the {@link #position()} you stored. */
        public Builder after(long after) {
            if (after < 0) {
                throw new InvalidArgumentException("after", "must not be negative, not " + after);
            }
            this.after = after;
            return this;
        }

        /** Events per request, from 1 to 1000. */
        public Builder pageSize(int pageSize) {
            if (pageSize < 1 || pageSize > 1000) {
                throw new InvalidArgumentException("pageSize", "must be from 1 to 1000, not " + pageSize);
            }
            this.pageSize = pageSize;
            return this;
        }

        /** The first wait after an empty answer (default 1 s) and the longest (default 30 s). */
        public Builder waits(Duration minWait, Duration maxWait) {
            InvalidArgumentException.require(minWait, "minWait");
            InvalidArgumentException.require(maxWait, "maxWait");
            if (minWait.isNegative() || minWait.isZero() || maxWait.compareTo(minWait) < 0) {
                throw new InvalidArgumentException("minWait/maxWait", "must be positive with minWait <= maxWait");
            }
            this.minWait = minWait;
            this.maxWait = maxWait;
            return this;
        }

        /** How to wait while the log is quiet (default: the client's retry policy sleeper). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = InvalidArgumentException.require(sleeper, "sleeper");
            return this;
        }

        public EventPoller build() {
            return new EventPoller(this);
        }
    }
}
