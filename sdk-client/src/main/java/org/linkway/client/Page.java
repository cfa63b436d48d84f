package org.linkway.client;

import java.util.List;

/**
 * One page of a list, as the server answered it. Most callers never see pages: iterate the
 * {@link PagedIterable} and it fetches them as needed.
 *
 * <pre>{@code
 * Page<Referral> first = client.referrals().list(query).firstPage();
 * String resumeFrom = first.nextCursor(); // null on the last page
 * }</pre>
 *
 * @param items      the items of this page, in the server's order
 * @param nextCursor the cursor of the next page; null on the last page
 * @param requestId  the answer's {@code X-Request-Id}
 * @param <T>        the item type
 */
public record Page<T>(List<T> items, String nextCursor, String requestId) {

    public Page {
        items = List.copyOf(items);
    }

    /** Whether another page follows. */
    public boolean hasNext() {
        return nextCursor != null;
    }
}
