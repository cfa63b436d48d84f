package org.linkway.client;

import java.util.Objects;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.model.Referral;

/**
 * One move of a referral along its journey: the referral, the state it moves to, the ETag you
 * last read ({@code If-Match}), and for some moves why ({@code reason}: needed for rejected,
 * declined, unable-to-contact and cancelled) and what the GP practice is asked to do
 * ({@code gpActions}: only for an ending that sends a message back). Immutable; the builder
 * checks lengths before anything is sent.
 *
 * <pre>{@code
 * Versioned<Referral> completed = client.referrals().transition(TransitionRequest.builder()
 *         .after(inProgress)                       // its id and ETag
 *         .to(Referral.Status.COMPLETED)
 *         .reason("Joined a walking group")
 *         .gpActions("Please review her medication at the next appointment")
 *         .build());
 * }</pre>
 */
public final class TransitionRequest {

    static final int MAX_REASON = 500;
    static final int MAX_GP_ACTIONS = 2000;

    private final String referralId;
    private final Referral.Status to;
    private final String etag;
    private final String reason;
    private final String gpActions;

    private TransitionRequest(Builder b) {
        this.referralId = b.referralId;
        this.to = InvalidArgumentException.require(b.to, "to");
        this.etag = Versioned.requireEtag(b.etag);
        this.reason = TransitionBody.checkedText(b.reason, "reason", MAX_REASON);
        this.gpActions = TransitionBody.checkedText(b.gpActions, "gpActions", MAX_GP_ACTIONS);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .referralId(referralId)
                .to(to)
                .etag(etag)
                .reason(reason)
                .gpActions(gpActions);
    }

    /** The referral's id; null when the request is made through {@link ReferralResource}, which knows it. */
    public String referralId() {
        return referralId;
    }

    public Referral.Status to() {
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

    /** What the GP practice is asked to do, for the message back, or null. */
    public String gpActions() {
        return gpActions;
    }

    byte[] body() {
        return TransitionBody.write(to.value(), reason, gpActions);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransitionRequest t
                && Objects.equals(referralId, t.referralId)
                && to == t.to
                && etag.equals(t.etag)
                && Objects.equals(reason, t.reason)
                && Objects.equals(gpActions, t.gpActions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(referralId, to, etag, reason, gpActions);
    }

    @Override
    public String toString() {
        return "TransitionRequest[referral " + referralId + " to " + to.value() + " if-match " + etag + "]";
    }

    /** Reusable: each {@link #build()} makes a new request from what is set. */
    public static final class Builder {
        private String referralId;
        private Referral.Status to;
        private String etag;
        private String reason;
        private String gpActions;

        private Builder() {}

        /** The referral to move (not needed through {@link ReferralResource#transition(TransitionRequest)}). */
        public Builder referralId(String referralId) {
            this.referralId = referralId;
            return this;
        }

        /** The referral as last read: its id and its ETag. */
        public Builder after(Versioned<Referral> current) {
            InvalidArgumentException.require(current, "current");
            this.referralId = current.value().getId();
            this.etag = current.etag();
            return this;
        }

        public Builder to(Referral.Status to) {
            this.to = to;
            return this;
        }

        /** The ETag of the version the move is made from, sent as {@code If-Match}. */
        public Builder etag(String etag) {
            this.etag = etag;
            return this;
        }

        /** Why (at most 500 characters): needed for rejected, declined, unable-to-contact and cancelled. */
        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        /**
         * What the GP practice is asked to do (1 to 2000 characters), carried in the message back:
         * only for an ending that sends one (completed, declined, unable-to-contact, rejected).
         */
        public Builder gpActions(String gpActions) {
            this.gpActions = gpActions;
            return this;
        }

        /** @throws InvalidArgumentException without {@code to} or an ETag, or with text too long */
        public TransitionRequest build() {
            return new TransitionRequest(this);
        }
    }
}
