package org.linkway.client;

import java.util.Objects;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.client.internal.Codec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A link worker service's time rules: first contact within an allowance of the referral's
 * receipt, follow-up within an allowance of the last contact made, and review by (or within an
 * allowance after) the care plan's review date. A rule that falls due unmet makes the referral
 * overdue ({@code ReferralQuery.builder().overdue(true)}). Until a service sets its own it has the
 * defaults (3 working days, 28 days, the review date itself) at version 0. Immutable.
 *
 * <pre>{@code
 * Versioned<TimeRules> current = client.timeRules().get();
 * TimeRules faster = current.value().toBuilder().firstContact(TimeRule.workingDays(2)).build();
 * client.timeRules().update(current, faster);
 * }</pre>
 */
public final class TimeRules {

    private final String organisation;
    private final long version;
    private final TimeRule firstContact;
    private final TimeRule followUp;
    private final TimeRule review;

    private TimeRules(Builder b) {
        this.organisation = b.organisation;
        this.version = b.version;
        this.firstContact = b.firstContact;
        this.followUp = b.followUp;
        this.review = b.review;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.organisation = organisation;
        b.version = version;
        b.firstContact = firstContact;
        b.followUp = followUp;
        b.review = review;
        return b;
    }

    /** The link worker service (ODS code) whose rules these are; null in rules you built to send. */
    public String organisation() {
        return organisation;
    }

    /** 0 while the service has the defaults; then one more per change. */
    public long version() {
        return version;
    }

    public TimeRule firstContact() {
        return firstContact;
    }

    public TimeRule followUp() {
        return followUp;
    }

    public TimeRule review() {
        return review;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeRules t
                && Objects.equals(organisation, t.organisation)
                && version == t.version
                && firstContact.equals(t.firstContact)
                && followUp.equals(t.followUp)
                && review.equals(t.review);
    }

    @Override
    public int hashCode() {
        return Objects.hash(organisation, version, firstContact, followUp, review);
    }

    @Override
    public String toString() {
        return "TimeRules[" + organisation + " v" + version + ": firstContact=" + firstContact + ", followUp="
                + followUp + ", review=" + review + "]";
    }

    /** What is sent: the three rules (the server takes organisation and version from the call). */
    byte[] body() {
        ObjectNode doc = Codec.mapper().createObjectNode();
        firstContact.writeInto(doc.putObject("firstContact"));
        followUp.writeInto(doc.putObject("followUp"));
        review.writeInto(doc.putObject("review"));
        return Codec.write(doc);
    }

    static TimeRules from(JsonNode n) {
        Builder b = builder()
                .firstContact(TimeRule.from(n.path("firstContact")))
                .followUp(TimeRule.from(n.path("followUp")))
                .review(TimeRule.from(n.path("review")));
        b.organisation = Answers.optionalText(n, "organisation");
        b.version = Answers.number(n, "version");
        return b.build();
    }

    /** Builds {@link TimeRules}: all three rules are required, as the server replaces them together. */
    public static final class Builder {
        private String organisation;
        private long version;
        private TimeRule firstContact;
        private TimeRule followUp;
        private TimeRule review;

        private Builder() {}

        public Builder firstContact(TimeRule rule) {
            this.firstContact = InvalidArgumentException.require(rule, "firstContact");
            return this;
        }

        public Builder followUp(TimeRule rule) {
            this.followUp = InvalidArgumentException.require(rule, "followUp");
            return this;
        }

        public Builder review(TimeRule rule) {
            this.review = InvalidArgumentException.require(rule, "review");
            return this;
        }

        public TimeRules build() {
            InvalidArgumentException.require(firstContact, "firstContact");
            InvalidArgumentException.require(followUp, "followUp");
            InvalidArgumentException.require(review, "review");
            return new TimeRules(this);
        }
    }
}
