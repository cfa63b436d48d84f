package org.linkway.client;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.linkway.client.error.UnexpectedResponseException;
import org.linkway.client.internal.Transport;

/**
 * Every item of a list, fetched a page at a time as iteration reaches it. Nothing is sent
 * until iteration starts, and each {@link #iterator()} starts again from the first page, so
 * the iterable can be shared; an iterator itself belongs to one thread.
 *
 * <pre>{@code
 * for (Referral r : client.referrals().list(ReferralQuery.builder().status(Referral.Status.RECEIVED).build())) {
 *     triage(r);
 * }
 * long open = client.referrals().list().stream().filter(r -> r.getStatus() == Referral.Status.ACCEPTED).count();
 * }</pre>
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {

    private final Function<String, CompletableFuture<Page<T>>> fetch;

    PagedIterable(Function<String, CompletableFuture<Page<T>>> fetch) {
        this.fetch = fetch;
    }

    /** The first page only (one request). */
    public Page<T> firstPage() {
        return Transport.join(fetch.apply(null));
    }

    /** The pages, fetched lazily one after another. */
    public Iterable<Page<T>> pages() {
        return PageIterator::new;
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private final PageIterator pages = new PageIterator();
            private final Deque<T> buffered = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                while (buffered.isEmpty() && pages.hasNext()) {
                    buffered.addAll(pages.next().items());
                }
                return !buffered.isEmpty();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return buffered.poll();
            }
        };
    }

    /** The items as a sequential stream, fetched lazily. */
    public Stream<T> stream() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    private final class PageIterator implements Iterator<Page<T>> {
        private boolean started;
        private String cursor;

        @Override
        public boolean hasNext() {
            return !started || cursor != null;
        }

        @Override
        public Page<T> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Page<T> page = Transport.join(fetch.apply(cursor));
            if (page.nextCursor() != null && Objects.equals(page.nextCursor(), cursor)) {
                // a server that hands back the cursor it was given would make this loop forever
                throw new UnexpectedResponseException(
                        200, page.requestId(), "the server answered the same cursor again: " + cursor, null);
            }
            started = true;
            cursor = page.nextCursor();
            return page;
        }
    }
}
