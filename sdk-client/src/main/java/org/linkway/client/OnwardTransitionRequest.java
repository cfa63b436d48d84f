package org.linkway.client;

import java.util.Objects;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.model.OnwardReferral;

/**
 * One move of an onward referral in the provider's lifecycle ({@code sent -> accepted | declined},
 * {@code accepted -> attended | did-not-attend -> completed}): the onward referral, the state,
 * the ETag you last read ({@code If-Match}) and, for declined and did-not-attend, why.
 *
 * <pre>{@code
 * Versioned<OnwardReferral> declined = client.onwardReferrals().transition(OnwardTransitionRequest.builder()
 *         .after(sent)
 *         .to(OnwardReferral.Status.DECLINED)
 *         .reason("The group is full until spring")
 *         .build());
 * }</pre>
 */
public final class OnwardTransitionRequest {

    private final String onwardReferralId;
    private final OnwardReferral.Status to;
    private final String etag;
    private final String reason;

    private OnwardTransitionRequest(Builder b) {
        this.onwardReferralId = InvalidArgumentException.require(b.onwardReferralId, "onwardReferralId");
        this.to = InvalidArgumentException.require(b.to, "to");
        this.etag = Versioned.requireEtag(b.etag);
        this.reason = TransitionBody.checkedText(b.reason, "reason", TransitionRequest.MAX_REASON);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .onwardReferralId(onwardReferralId)
                .to(to)
                .etag(etag)
                .reason(reason);
    }

    public String onwardReferralId() {
        return onwardReferralId;
    }

    public OnwardReferral.Status to() {
        return to;
    }

    /** The ETag sent as {@code If-Match}. */
    public String etag() {
        return etag;
    }

    /** Why, or null. */
    public String reason() {
        return reason;
    }

    byte[] body() {
        return TransitionBody.write(to.value(), reason, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OnwardTransitionRequest t
                && onwardReferralId.equals(t.onwardReferralId)
                && to == t.to
                && etag.equals(t.etag)
                && Objects.equals(reason, t.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(onwardReferralId, to, etag, reason);
    }

    @Override
    public String toString() {
        return "OnwardTransitionRequest[onward referral " + onwardReferralId + " to " + to.value() + " if-match " + etag
                + "]";
    }

    /** Reusable: each {@link #build()} makes a new request from what is set. */
    public static final class Builder {
        private String onwardReferralId;
        private OnwardReferral.Status to;
        private String etag;
        private String reason;

        private Builder() {}

        public Builder onwardReferralId(String onwardReferralId) {
            this.onwardReferralId = onwardReferralId;
            return this;
        }

        /** The onward referral as last read: its id and its ETag. */
        public Builder after(Versioned<OnwardReferral> current) {
            InvalidArgumentException.require(current, "current");
            this.onwardReferralId = current.value().getId();
            this.etag = current.etag();
            return this;
        }

        public Builder to(OnwardReferral.Status to) {
            this.to = to;
            return this;
        }

        /** The ETag of the version the move is made from, sent as {@code If-Match}. */
        public Builder etag(String etag) {
            this.etag = etag;
            return this;
        }

        /** Why (at most 500 characters): needed for declined and did-not-attend. */
        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        /** @throws InvalidArgumentException without an id, {@code to} or an ETag, or with a reason too long */
        public OnwardTransitionRequest build() {
            return new OnwardTransitionRequest(this);
        }
    }
}
