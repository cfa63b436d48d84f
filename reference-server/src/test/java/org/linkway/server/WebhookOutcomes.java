package org.linkway.server;

import java.util.HashSet;
import java.util.Set;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.ConsentLedgerContract.Party;
import org.linkway.server.storage.AuditEntry;

/**
 * How each delivery of an event to a subscription ended: sent (the receiver has it) or withheld
 * (the audit trail says 451 for that event and subscription). Waits, within the receiver's bound,
 * until one or the other is known.
 */
final class WebhookOutcomes {

    private final Set<String> withheld = new HashSet<>();
    private long auditSeen;

    boolean delivered(ConsentLedgerContract suite, Party party, String eventId) {
        String subscription = suite.subscriptions.get(party);
        WebhookReceiver receiver = suite.receivers.get(party);
        boolean[] sent = new boolean[1];
        WebhookReceiver.eventually("the delivery of event " + eventId + " to " + party + " settles", () -> {
            sent[0] = receiver.accepted().stream()
                    .anyMatch(d -> eventId.equals(
                            LinkwayJson.mapper().readTree(d.body()).path("id").asString()));
            return sent[0] || withheld(suite, subscription, eventId);
        });
        return sent[0];
    }

    private boolean withheld(ConsentLedgerContract suite, String subscription, String eventId) {
        while (true) {
            var batch =
                    suite.running.server().store().transaction(tx -> tx.audit().after(auditSeen, 1000));
            if (batch.isEmpty()) {
                break;
            }
            for (AuditEntry e : batch) {
                if (e.outcome().startsWith("451") && e.requestId().startsWith("webhook:")) {
                    withheld.add(e.requestId().substring("webhook:".length()) + " "
                            + e.action().substring(e.action().lastIndexOf(' ') + 1));
                }
                auditSeen = e.sequence();
            }
        }
        return withheld.contains(eventId + " " + subscription);
    }
}
