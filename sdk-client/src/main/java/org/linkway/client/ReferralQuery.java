package org.linkway.client;

import java.time.Instant;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.client.internal.Codec;
import org.linkway.model.Referral;

/**
 * Which referrals to list: by status, by referring organisation, changed since an instant, those
 * with a time rule overdue now, one person's by NHS number, and how many to fetch per page (1 to
 * 500; the server's default is 50). Immutable.
 *
 * <pre>{@code
 * ReferralQuery query = ReferralQuery.builder()
 *         .status(Referral.Status.RECEIVED)
 *         .referrerOrg("Y1234")
 *         .updatedSince(Instant.parse("2026-11-01T00:00:00Z"))
 *         .pageSize(100)
 *         .build();
 * ReferralQuery late = ReferralQuery.builder().overdue(true).build();
 * ReferralQuery person = ReferralQuery.builder().nhsNumber("9992174439").build();
 * }</pre>
 */
public final class ReferralQuery {

    private final Referral.Status status;
    private final String referrerOrg;
    private final Instant updatedSince;
    private final Integer pageSize;
    private final String nhsNumber;
    private final boolean overdue;

    private ReferralQuery(Builder b) {
        this.nhsNumber = b.nhsNumber;
        this.overdue = b.overdue;
        this.status = b.status;
        this.referrerOrg = b.referrerOrg;
        this.updatedSince = b.updatedSince;
        this.pageSize = b.pageSize;
    }

    /** Every referral, in the server's default page size. */
    public static ReferralQuery all() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.status = status;
        b.referrerOrg = referrerOrg;
        b.updatedSince = updatedSince;
        b.pageSize = pageSize;
        b.nhsNumber = nhsNumber;
        b.overdue = overdue;
        return b;
    }

    /** The request's query string (without {@code ?}), the cursor last. */
    String toQueryString(String cursor) {
        StringBuilder q = new StringBuilder();
        append(q, "status", status == null ? null : status.value());
        append(q, "referrerOrg", referrerOrg);
        append(q, "updatedSince", updatedSince == null ? null : updatedSince.toString());
        append(q, "overdue", overdue ? "true" : null);
        append(q, "nhsNumber", nhsNumber);
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
        return "ReferralQuery[" + toQueryString(null) + "]";
    }

    /** Builds a {@link ReferralQuery}; every filter is optional. */
    public static final class Builder {
        private Referral.Status status;
        private String referrerOrg;
        private Instant updatedSince;
        private Integer pageSize;
        private String nhsNumber;
        private boolean overdue;

        private Builder() {}

        /**
         * Only the person's referrals with this NHS number (10 digits; spaces are dropped), within
         * the caller's organisation: those it sent, or those addressed to it. Combines with
         * {@link #status} and {@link #pageSize} only; null clears it.
         */
        public Builder nhsNumber(String nhsNumber) {
            if (nhsNumber == null) {
                this.nhsNumber = null;
                return this;
            }
            String digits = nhsNumber.replace(" ", "");
            if (!digits.matches("[0-9]{10}")) {
                throw new InvalidArgumentException(
                        "nhsNumber", "must be 10 digits (spaces allowed), not '" + nhsNumber + "'");
            }
            this.nhsNumber = digits;
            return this;
        }

        /**
         * {@code true}: only open referrals with a time rule (first contact, follow-up, review)
         * overdue now. A page may then hold fewer than {@link #pageSize} items; iteration follows on.
         */
        public Builder overdue(boolean overdue) {
            this.overdue = overdue;
            return this;
        }

        public Builder status(Referral.Status status) {
            this.status = status;
            return this;
        }

        /** The referring organisation's ODS code. */
        public Builder referrerOrg(String referrerOrg) {
            this.referrerOrg = referrerOrg;
            return this;
        }

        public Builder updatedSince(Instant updatedSince) {
            this.updatedSince = updatedSince;
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

        /** @throws InvalidArgumentException an NHS number combined with a filter the server does not combine it with */
        public ReferralQuery build() {
            if (nhsNumber != null && (referrerOrg != null || updatedSince != null || overdue)) {
                throw new InvalidArgumentException(
                        "nhsNumber",
                        "combines with status and pageSize only, not referrerOrg, updatedSince or overdue");
            }
            return new ReferralQuery(this);
        }
    }
}
