package org.linkway.client;

import java.util.concurrent.CompletableFuture;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.client.internal.ApiRequest;
import org.linkway.client.internal.Codec;
import org.linkway.client.internal.Transport;

/**
 * The server's change log ({@code GET /v1/events?after=}): every write appended its event in the
 * same transaction, so a receiver that stores the last sequence it handled misses nothing and can
 * resume after any outage. For receivers without a public endpoint for webhooks, an
 * {@link EventPoller} follows the log for you.
 *
 * <pre>{@code
 * EventPage page = client.events().list(0, 100);
 * EventPoller poller = client.events().poller(store.lastSequence());
 * }</pre>
 */
public final class Events {

    private final Calls calls;
    private final Sleeper sleeper;

    Events(Calls calls, Sleeper sleeper) {
        this.calls = calls;
        this.sleeper = sleeper;
    }

    /** Up to {@code limit} (1 to 1000) events after sequence {@code after} (0 for the start). */
    public EventPage list(long after, int limit) {
        return Transport.join(listAsync(after, limit));
    }

    public CompletableFuture<EventPage> listAsync(long after, int limit) {
        if (after < 0) {
            throw new InvalidArgumentException("after", "must not be negative, not " + after);
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidArgumentException("limit", "must be from 1 to 1000, not " + limit);
        }
        return calls.send(ApiRequest.get("/v1/events?after=" + after + "&limit=" + limit))
                .thenApply(r -> {
                    long next = Codec.tree(r).path("next").asLong(after);
                    return new EventPage(Calls.eventItems(r), next, r.requestId());
                });
    }

    /** A poller that hands out every event after {@code after}, with the default page size and waits. */
    public EventPoller poller(long after) {
        return pollerBuilder().after(after).build();
    }

    /** A poller to configure: start, page size, and how long to wait while the log is quiet. */
    public EventPoller.Builder pollerBuilder() {
        return new EventPoller.Builder(this, sleeper);
    }
}
