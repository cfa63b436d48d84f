package org.linkway.server.events;

import org.linkway.server.storage.StoredEvent;

/**
 * Asked before each webhook attempt whether the event may still be disclosed; a refusal is
 * final for that delivery (recorded with status 451, Unavailable For Legal Reasons, and never
 * retried), because a consent withdrawn stops disclosure from the moment it is recorded.
 */
@FunctionalInterface
public interface DeliveryGate {

    /** Recorded as the delivery's status when it is withheld. */
    int WITHHELD = 451;

    /** Null to deliver, or why the event is withheld. */
    String withhold(String subscriptionId, StoredEvent event);

    /**
     * The event as this subscriber may receive it, asked for each delivery the gate did not
     * withhold: the event itself, or a copy whose data says less (a message back whose details
     * the person's consent withholds from this recipient).
     */
    default StoredEvent disclose(String subscriptionId, StoredEvent event) {
        return event;
    }

    DeliveryGate OPEN = (subscription, event) -> null;
}
