package org.linkway.client;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.linkway.client.error.InvalidArgumentException;

/**
 * What to subscribe to: the URL events are POSTed to, and optionally which event types, which
 * referring organisation's referrals, and the sequence to replay from. Checked as it is built,
 * against the same rules the server applies.
 *
 * <pre>{@code
 * SubscriptionRequest request = SubscriptionRequest.builder()
 *         .url(URI.create("https://receiver.example.org/linkway/events"))
 *         .types(List.of("referral.received", "message-back.issued"))
 *         .referrerOrg("Y1234")
 *         .build();
 * }</pre>
 */
public final class SubscriptionRequest {

    private static final Pattern TYPE = Pattern.compile("^[a-z][a-z-]*\\.[a-z][a-z-]*$");

    private final URI url;
    private final List<String> types;
    private final String referrerOrg;
    private final String organisation;
    private final Long after;

    private SubscriptionRequest(Builder b) {
        this.url = b.url;
        this.types = b.types;
        this.referrerOrg = b.referrerOrg;
        this.organisation = b.organisation;
        this.after = b.after;
    }

    public static Builder builder() {
        return new Builder();
    }

    public URI url() {
        return url;
    }

    /** The event types to deliver; null for all. */
    public List<String> types() {
        return types;
    }

    /** Only events of referrals from this organisation; null for all. */
    public String referrerOrg() {
        return referrerOrg;
    }

    /** The organisation that receives the deliveries (ODS code or charity number), or null. */
    public String organisation() {
        return organisation;
    }

    /** The sequence to replay after; null for "events from now on". */
    public Long after() {
        return after;
    }

    /** Builds a {@link SubscriptionRequest}; only the URL is required. */
    public static final class Builder {
        private URI url;
        private List<String> types;
        private String referrerOrg;
        private String organisation;
        private Long after;

        private Builder() {}

        /** An absolute http(s) URL of at most 2048 characters (plain http only for loopback or a development server). */
        public Builder url(URI url) {
            InvalidArgumentException.require(url, "url");
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
                throw new InvalidArgumentException("url", "must be an absolute http or https URL, not " + url);
            }
            if (url.toString().length() > 2048) {
                throw new InvalidArgumentException("url", "must be at most 2048 characters");
            }
            this.url = url;
            return this;
        }

        /** Only these event types, each {@code <resource>.<change>}, e.g. {@code referral.received}. */
        public Builder types(List<String> types) {
            InvalidArgumentException.require(types, "types");
            Set<String> unique = new LinkedHashSet<>();
            for (String t : types) {
                if (t == null || !TYPE.matcher(t).matches()) {
                    throw new InvalidArgumentException(
                            "types", "must each look like 'referral.received', not '" + t + "'");
                }
                if (!unique.add(t)) {
                    throw new InvalidArgumentException("types", "must not repeat '" + t + "'");
                }
            }
            this.types = List.copyOf(unique);
            return this;
        }

        public Builder referrerOrg(String referrerOrg) {
            this.referrerOrg = InvalidArgumentException.require(referrerOrg, "referrerOrg");
            return this;
        }

        /** Replay: deliver events after this sequence (0 for the whole log). */
        /**
         * The organisation that receives the deliveries (ODS code or charity number). The server
         * enforces the person's consent against it: an onward referral's events are withheld from
         * a recipient the consent no longer covers.
         */
        public Builder organisation(String organisation) {
            this.organisation = InvalidArgumentException.require(organisation, "organisation");
            return this;
        }

        public Builder after(long after) {
            if (after < 0) {
                throw new InvalidArgumentException("after", "must not be negative, not " + after);
            }
            this.after = after;
            return this;
        }

        public SubscriptionRequest build() {
            InvalidArgumentException.require(url, "url");
            return new SubscriptionRequest(this);
        }
    }
}
