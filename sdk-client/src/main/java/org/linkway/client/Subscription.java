package org.linkway.client;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A webhook subscription as the server holds it. The signing {@link #secret()} is present only
 * in the answer to the create: store it then (it is what a
 * {@link org.linkway.client.webhook.WebhookVerifier} is built from); the server never shows it
 * again. {@link #delivery()} is reported by {@code get}.
 *
 * <pre>{@code
 * Subscription s = client.subscriptions().create(request);
 * secrets.store(s.id(), s.secret().orElseThrow());
 * }</pre>
 */
public final class Subscription {

    private final String id;
    private final URI url;
    private final List<String> types;
    private final String referrerOrg;
    private final long after;
    private final String status;
    private final Instant createdAt;
    private final String secret;
    private final SubscriptionDelivery delivery;
    private final String requestId;
    private final String organisation;

    Subscription(
            String id,
            URI url,
            List<String> types,
            String referrerOrg,
            long after,
            String status,
            Instant createdAt,
            String secret,
            SubscriptionDelivery delivery,
            String requestId,
            String organisation) {
        this.organisation = organisation;
        this.id = id;
        this.url = url;
        this.types = types == null ? null : List.copyOf(types);
        this.referrerOrg = referrerOrg;
        this.after = after;
        this.status = status;
        this.createdAt = createdAt;
        this.secret = secret;
        this.delivery = delivery;
        this.requestId = requestId;
    }

    public String id() {
        return id;
    }

    public URI url() {
        return url;
    }

    /** The event types delivered; empty when every type is. */
    public List<String> types() {
        return types == null ? List.of() : types;
    }

    /** The referring organisation filter, when there is one. */
    public Optional<String> referrerOrg() {
        return Optional.ofNullable(referrerOrg);
    }

    /** The organisation the deliveries go to, when the subscription names one. */
    public Optional<String> organisation() {
        return Optional.ofNullable(organisation);
    }

    /** Events after this sequence are delivered. */
    public long after() {
        return after;
    }

    /** {@code active} while deliveries are made. */
    public String status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The {@code whsec_...} signing secret: only in the answer to the create. */
    public Optional<String> secret() {
        return Optional.ofNullable(secret);
    }

    /** Delivery progress: only in the answer to a get. */
    public Optional<SubscriptionDelivery> delivery() {
        return Optional.ofNullable(delivery);
    }

    /** The {@code X-Request-Id} of the answer this came from. */
    public String requestId() {
        return requestId;
    }

    @Override
    public String toString() {
        // never the secret: toString ends up in logs
        return "Subscription[id=" + id + ", url=" + url + ", types=" + types() + ", status=" + status + "]";
    }
}
