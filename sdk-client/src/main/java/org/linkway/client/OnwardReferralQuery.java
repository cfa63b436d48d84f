package org.linkway.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.client.internal.Codec;
import org.linkway.model.OnwardReferral;

/**
 * Which onward referrals to list from {@code GET /v1/onward-referrals}: those in some states,
 * those sent or changed since an instant, and how many to fetch per page (1 to 500; the server's
 * default is 50). A provider lists only the onward referrals addressed to its organisation, while
 * the person's consent covers it (its inbox); a link worker service those under the referrals
 * addressed to it. Least recently changed first. Immutable.
 *
 * <pre>{@code
 * OnwardReferralQuery newOnes = OnwardReferralQuery.builder().status(OnwardReferral.Status.SENT).build();
 * }</pre>
 */
public final class OnwardReferralQuery {

    private final Set<OnwardReferral.Status> statuses;
    private final Instant since;
    private final Integer pageSize;

    private OnwardReferralQuery(Builder b) {
        this.statuses = b.statuses.isEmpty() ? Set.of() : Set.copyOf(b.statuses);
        this.since = b.since;
        this.pageSize = b.pageSize;
    }

    /** Every onward referral the caller may list, in the server's default page size. */
    public static OnwardReferralQuery all() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The request's query string (without {@code ?}), the cursor last. */
    String toQueryString(String cursor) {
        StringBuilder q = new StringBuilder();
        List<OnwardReferral.Status> ordered = new ArrayList<>(statuses);
        ordered.sort(null);
        for (OnwardReferral.Status s : ordered) {
            append(q, "status", s.value());
        }
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
        return "OnwardReferralQuery[" + toQueryString(null) + "]";
    }

    /** Builds an {@link OnwardReferralQuery}; every filter is optional. */
    public static final class Builder {
        private final Set<OnwardReferral.Status> statuses = EnumSet.noneOf(OnwardReferral.Status.class);
        private Instant since;
        private Integer pageSize;

        private Builder() {}

        /** Only onward referrals in one of these states; called again, adds to them. */
        public Builder status(OnwardReferral.Status... statuses) {
            InvalidArgumentException.require(statuses, "statuses");
            for (OnwardReferral.Status s : Arrays.asList(statuses)) {
                InvalidArgumentException.require(s, "status");
                this.statuses.add(s);
            }
            return this;
        }

        /** Only onward referrals sent or changed at or after this instant. */
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

        public OnwardReferralQuery build() {
            return new OnwardReferralQuery(this);
        }
    }
}
