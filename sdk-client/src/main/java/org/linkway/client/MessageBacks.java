package org.linkway.client;

import java.util.concurrent.CompletableFuture;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.model.MessageBack;

/**
 * The message backs addressed to the caller's organisation: a GP practice's, for the people
 * registered with it; a referrer's, for the referrals it sent. Each is in the view the person's
 * consent allows this recipient (when sharing was refused, the withheld view: who, which
 * referral, the outcome, and a summary saying details were withheld). One message back by
 * referral id is {@code client.referral(id).messageBack()}.
 *
 * <pre>{@code
 * for (MessageBack back : client.messageBacks().list(MessageBackQuery.builder().since(lastPoll).build())) {
 *     file(back);
 * }
 * }</pre>
 */
public final class MessageBacks {

    private final Calls calls;

    MessageBacks(Calls calls) {
        this.calls = calls;
    }

    /** Every message back addressed to the caller, a page at a time as iteration reaches it. */
    public PagedIterable<MessageBack> list() {
        return list(MessageBackQuery.all());
    }

    /** The message backs the query selects, a page at a time as iteration reaches it. */
    public PagedIterable<MessageBack> list(MessageBackQuery query) {
        InvalidArgumentException.require(query, "query");
        return new PagedIterable<>(cursor -> listPageAsync(query, cursor));
    }

    /** One page: {@code cursor} null for the first, else a {@link Page#nextCursor()} from before. */
    public CompletableFuture<Page<MessageBack>> listPageAsync(MessageBackQuery query, String cursor) {
        InvalidArgumentException.require(query, "query");
        String q = query.toQueryString(cursor);
        return calls.page("/v1/message-backs" + (q.isEmpty() ? "" : "?" + q), MessageBack.class);
    }
}
