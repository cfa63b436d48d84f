package org.linkway.client;

import java.util.List;

/**
 * One answer of {@code GET /v1/events?after=}: the events after a sequence and the sequence to
 * ask after next time. Store {@link #next()} once the events are handled, and resume from it.
 *
 * <pre>{@code
 * EventPage page = client.events().list(store.lastSequence(), 100);
 * page.items().forEach(this::handle);
 * store.saveLastSequence(page.next());
 * }</pre>
 *
 * @param items     the events, in sequence order
 * @param next      the sequence to send as {@code after} next time (the same as sent when empty)
 * @param requestId the answer's {@code X-Request-Id}
 */
public record EventPage(List<Event> items, long next, String requestId) {

    public EventPage {
        items = List.copyOf(items);
    }
}
