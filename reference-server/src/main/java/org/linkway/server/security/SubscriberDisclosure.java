package org.linkway.server.security;

import java.time.Clock;
import java.util.Set;
import org.linkway.server.events.DeliveryGate;
import org.linkway.server.http.Json;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.StoredEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Withholds events from each subscriber that may not receive them, and audits each refusal.
 * An onward referral's events: consent is decided per recipient; the link worker service that
 * holds the referral always receives them, the onward provider only while consent (or a
 * recorded lawful basis) covers it, the referrer and the GP practice until a decision reaching
 * them withdraws it; any other organisation, and a subscription that names none, is treated as
 * strictly as the provider. A message back's events: the link worker service and the message
 * back's recipients (referrer, registered GP practice; see {@link #disclose}); nobody else. The
 * referral's other events: the referrer and the link worker service, not the GP practice.
 * A subscription that names no organisation receives referral and message back events as the
 * admin chose when subscribing.
 */
final class SubscriberDisclosure implements DeliveryGate {

    private final Store store;
    private final Clock clock;
    private final AuditLog audit;

    SubscriberDisclosure(Store store, Clock clock, AuditLog audit) {
        this.store = store;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public String withhold(String subscriptionId, StoredEvent event) {
        String reason = "OnwardReferral".equals(event.resourceType())
                ? onwardWithheld(subscriptionId, event)
                : referralEventWithheld(subscriptionId, event);
        if (reason != null) {
            audit.record(Audited.request("webhook:" + event.id())
                    .by(Caller.SYSTEM)
                    .action(webhookAction(subscriptionId, event))
                    .on(event.resourceType() + "/" + event.resourceId())
                    .outcome(DeliveryGate.WITHHELD + " withheld: " + reason));
        }
        return reason;
    }

    /** Why a subscriber organisation may not receive an event of a referral or its message back, or null. */
    private String referralEventWithheld(String subscriptionId, StoredEvent event) {
        return store.transaction(tx -> {
            String recipient = tx.webhooks()
                    .subscription(subscriptionId)
                    .map(s -> s.organisation())
                    .orElse(null);
            if (recipient == null || event.referralId() == null) {
                return null;
            }
            JsonNode referral = tx.get("Referral", event.referralId())
                    .map(r -> Json.MAPPER.readTree(r.body()))
                    .orElse(null);
            if (referral == null
                    || recipient.equals(Documents.addresseeOrg(referral))
                    || recipient.equals(Documents.referrerOrg(referral))) {
                return null;
            }
            if ("MessageBack".equals(event.resourceType())) {
                return MessageBackRecipients.parties(referral, recipient).isEmpty()
                        ? "subscriber organisation " + recipient + " is not a recipient of this message back"
                        : null;
            }
            return "subscriber organisation " + recipient
                    + " may not see this referral (only its message back, if a recipient)";
        });
    }

    /**
     * A message back event as its recipient may receive it: whole, or, when the person's consent
     * withholds sharing with this recipient (judged now, at delivery), only that it was issued,
     * the outcome and where to read it. Each cut-down delivery is audited with the consent record.
     */
    @Override
    public StoredEvent disclose(String subscriptionId, StoredEvent event) {
        if ("OnwardReferral".equals(event.resourceType()) || event.referralId() == null) {
            return event;
        }
        return store.transaction(tx -> {
            String recipient = tx.webhooks()
                    .subscription(subscriptionId)
                    .map(s -> s.organisation())
                    .orElse(null);
            JsonNode referral = tx.get("Referral", event.referralId())
                    .map(r -> Json.MAPPER.readTree(r.body()))
                    .orElse(null);
            if (recipient == null || referral == null || recipient.equals(Documents.addresseeOrg(referral))) {
                return event;
            }
            Set<String> parties = MessageBackRecipients.parties(referral, recipient);
            MessageBackView view = parties.isEmpty()
                    ? MessageBackView.FULL
                    : MessageBackRecipients.view(tx, event.referralId(), parties, clock.instant());
            if (view.full()) {
                return event;
            }
            JsonNode payload = Json.MAPPER.readTree(event.payload());
            String data;
            if ("MessageBack".equals(event.resourceType())) {
                data = Json.write(MessageBackView.withheldEventData(payload));
                audit.append(
                        tx,
                        Audited.request("webhook:" + event.id())
                                .by(Caller.SYSTEM)
                                .action(webhookAction(subscriptionId, event))
                                .on("MessageBack/" + event.resourceId())
                                .outcome("sent, details withheld: " + view.reason() + " (subscriber organisation "
                                        + recipient + ")"));
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
        });
    }

    private String onwardWithheld(String subscriptionId, StoredEvent event) {
        return store.transaction(tx -> tx.get("OnwardReferral", event.resourceId())
                .map(o -> {
                    String recipient = tx.webhooks()
                            .subscription(subscriptionId)
                            .map(s -> s.organisation())
                            .orElse(null);
                    String provider = Documents.providerOrg(Json.MAPPER.readTree(o.body()));
                    JsonNode referral = tx.get("Referral", o.referralId())
                            .map(r -> Json.MAPPER.readTree(r.body()))
                            .orElse(null);
                    String party =
                            recipient == null ? "onward-provider" : Documents.partyOf(referral, provider, recipient);
                    if (party == null) {
                        return "subscriber organisation " + recipient + " is not a party to this referral";
                    }
                    ConsentLedger.Coverage c = switch (party) {
                        case "link-worker-service" ->
                            new ConsentLedger.Coverage(true, "the link worker service holds the referral");
                        case "onward-provider" ->
                            ConsentLedger.forProvider(tx, o.referralId(), provider, clock.instant());
                        default -> ConsentLedger.forParty(tx, o.referralId(), party, clock.instant());
                    };
                    return c.covered()
                            ? null
                            : c.reason() + (recipient == null ? "" : " (subscriber organisation " + recipient + ")");
                })
                .orElse(null));
    }

    private static String webhookAction(String subscriptionId, StoredEvent event) {
        return "WEBHOOK " + event.type() + " to subscription " + subscriptionId;
    }
}
