package org.linkway.server.security;

import java.time.Clock;
import org.linkway.server.consent.OrganisationDirectory;
import org.linkway.server.events.DeliveryGate;
import org.linkway.server.http.Json;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.StoredEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Withholds events from each subscriber that may not receive them, cuts down what consent
 * withholds, and audits each refusal. The decision is {@link EventDisclosure}'s, the same one the
 * event feed makes, judged for the subscription's organisation as whatever party it is to the
 * event's referral, at each attempt: a withdrawal recorded after an event was written still stops
 * its delivery.
 */
final class SubscriberDisclosure implements DeliveryGate {

    private final Store store;
    private final Clock clock;
    private final AuditLog audit;
    private final OrganisationDirectory directory;

    SubscriberDisclosure(Store store, Clock clock, AuditLog audit, OrganisationDirectory directory) {
        this.store = store;
        this.clock = clock;
        this.audit = audit;
        this.directory = directory;
    }

    @Override
    public String withhold(String subscriptionId, StoredEvent event) {
        EventDisclosure.Verdict v = verdict(subscriptionId, event);
        String reason = v.send() ? null : v.reason();
        if (reason != null) {
            audit.record(Audited.request("webhook:" + event.id())
                    .by(Caller.SYSTEM)
                    .action(webhookAction(subscriptionId, event))
                    .on(event.resourceType() + "/" + event.resourceId())
                    .outcome(DeliveryGate.WITHHELD + " withheld: " + reason));
        }
        return reason;
    }

    /**
     * The event as this subscriber may receive it: whole, or, when the person's consent withholds
     * sharing with this recipient (judged now, at delivery), a message back event with only that
     * it was issued, the outcome and where to read it (each such delivery audited with the consent
     * record), or a status change without its reason.
     */
    @Override
    public StoredEvent disclose(String subscriptionId, StoredEvent event) {
        EventDisclosure.Verdict v = verdict(subscriptionId, event);
        if (!v.send() || v.cut() == EventDisclosure.Cut.NONE) {
            return event;
        }
        JsonNode payload = Json.MAPPER.readTree(event.payload());
        String data;
        if (v.cut() == EventDisclosure.Cut.MESSAGE_BACK_DETAILS) {
            data = Json.write(MessageBackView.withheldEventData(payload));
            audit.record(Audited.request("webhook:" + event.id())
                    .by(Caller.SYSTEM)
                    .action(webhookAction(subscriptionId, event))
                    .on("MessageBack/" + event.resourceId())
                    .outcome("sent, details withheld: " + v.reason() + " (subscriber organisation "
                            + organisation(subscriptionId) + ")"));
        } else if (payload instanceof ObjectNode o && o.has("reason")) {
            o.remove("reason"); // why the referral closed is a detail of the journey, as in the feed
            data = Json.write(o);
        } else {
            return event;
        }
        return new StoredEvent(
                event.sequence(),
                event.id(),
                event.referralId(),
                event.type(),
                event.resourceType(),
                event.resourceId(),
                event.resourceVersion(),
                data,
                event.at());
    }

    private EventDisclosure.Verdict verdict(String subscriptionId, StoredEvent event) {
        return new EventDisclosure(store, clock.instant(), directory)
                .judge(
                        new EventDisclosure.Recipient(organisation(subscriptionId), null),
                        new EventDisclosure.About(event.referralId(), event.resourceType(), event.resourceId()));
    }

    private String organisation(String subscriptionId) {
        return store.read(tx -> tx.webhooks().subscription(subscriptionId).map(s -> s.organisation()))
                .orElse(null);
    }

    private static String webhookAction(String subscriptionId, StoredEvent event) {
        return "WEBHOOK " + event.type() + " to subscription " + subscriptionId;
    }
}
