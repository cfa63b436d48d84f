package org.linkway.server.storage;

/**
 * An event as {@link Tx#appendEvent} appends it to the outbox, built in named steps so that the
 * event's type, the referral and the resource cannot be swapped:
 *
 * <pre>{@code
 * tx.appendEvent(NewEvent.named("referral.received").about(stored.ref()).inReferral(id).payload(json));
 * }</pre>
 *
 * @param type       the event type, e.g. {@code referral.status-changed}
 * @param resource   the resource version it is about
 * @param referralId the referral it belongs to
 * @param payload    its data, a JSON object
 */
public record NewEvent(String type, ResourceRef resource, String referralId, String payload) {

    /** An event of this type, about nothing yet. */
    public static NewEvent named(String type) {
        return new NewEvent(type, null, null, null);
    }

    public NewEvent about(ResourceRef resource) {
        return new NewEvent(type, resource, referralId, payload);
    }

    public NewEvent inReferral(String referralId) {
        return new NewEvent(type, resource, referralId, payload);
    }

    public NewEvent payload(String payload) {
        return new NewEvent(type, resource, referralId, payload);
    }
}
