package org.linkway.client;

import java.time.Instant;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.client.internal.Codec;

/**
 * Which message backs to list: those issued or changed since an instant, and how many to fetch
 * per page (1 to 500; the server's default is 50). The server lists only the message backs
 * addressed to the caller's organisation (as referrer, or as the person's registered GP
 * practice), least recently issued or changed first. Immutable.
 *
 * <pre>{@code
 * MessageBackQuery query = MessageBackQuery.builder().since(lastPoll).pageSize(100).build();
 * }</pre>
 */
public final class MessageBackQuery {

    private final Instant since;
    private final Integer pageSize;

    private MessageBackQuery(Builder b) {
        this.since = b.since;
        this.pageSize = b.pageSize;
    }

    /** Every message back addressed to the caller, in the server's default page size. */
    public static MessageBackQuery all() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The request's query string (without {@code ?}), the cursor last. */
    String toQueryString(String cursor) {
        StringBuilder q = new StringBuilder();
        append(q, "since", since == null ? null : since.toString());
        append(q, "limit", pageSize == null ? null : pageSize.toString());
        append(q, "cursor", cursor);
        return q.toString();
    }

    private static void append(StringBuilder q, String name, String value) {
        if (value != null) {
            q.append(q.length() == 0 ? "" : "&").append(name).append('=').append(Codec.query(value));
        }
    }

    @Override
    public String toString() {
        return "MessageBackQuery[" + toQueryString(null) + "]";
    }

    /** Builds a {@link MessageBackQuery}; every filter is optional. */
    public static final class Builder {
        private Instant since;
        private Integer pageSize;

        private Builder() {}

        /** Only message backs issued or changed at or after this instant. */
        public Builder since(Instant since) {
            this.since = since;
            return this;
        }

        /** Items per request, from 1 to 500. */
        public Builder pageSize(int pageSize) {
            if (pageSize < 1 || pageSize > 500) {
                throw new InvalidArgumentException("pageSize", "must be from 1 to 500, not " + pageSize);
            }
            this.pageSize = pageSize;
            return this;
        }

        public MessageBackQuery build() {
            return new MessageBackQuery(this);
        }
    }
}
