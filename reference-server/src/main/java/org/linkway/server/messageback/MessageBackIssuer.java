package org.linkway.server.messageback;

import java.time.Clock;
import java.util.Optional;
import org.linkway.server.http.Json;
import org.linkway.server.storage.NewEvent;
import org.linkway.server.storage.NewResource;
import org.linkway.server.storage.StoredEvent;
import org.linkway.server.storage.StoredResource;
import org.linkway.server.storage.Tx;
import org.linkway.validation.MessageValidator;
import org.linkway.validation.ValidationResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the message back, checks it and announces it, always inside the caller's transaction:
 * first when the referral closes ({@code message-back.issued}), then again as a new version each
 * time a provider reports on an onward referral made before the close ({@code message-back.updated}),
 * so the GP and the referrer hear how it ended without the referral being reopened.
 */
public final class MessageBackIssuer {

    public static final String TYPE = "MessageBack";
    public static final String ISSUED = "message-back.issued";
    public static final String UPDATED = "message-back.updated";
    private static final String REFERRER_ORG = "/referralDetails/entries/0/referrerDetails/organisation/code";

    private final MessageValidator validator;
    private final Clock clock;

    public MessageBackIssuer(MessageValidator validator, Clock clock) {
        this.validator = validator;
        this.clock = clock;
    }

    /** In the closing transaction: the first version, built from everything recorded on the journey. */
    public StoredResource issue(Tx tx, JsonNode referral, Closing closing) {
        String id = referral.path("id").asString();
        tx.create(NewResource.of(Closing.TYPE, id)
                .inReferral(id)
                .status(closing.outcome())
                .body(closing.toJson()));
        String json = build(referral, closing, JourneyRecords.read(tx, id));
        StoredResource stored = tx.create(NewResource.of(TYPE, id)
                .inReferral(id)
                .status(closing.outcome())
                .referrerOrg(referral.at(REFERRER_ORG).asString(null))
                .body(json));
        tx.appendEvent(NewEvent.named(ISSUED)
                .about(stored.ref())
                .inReferral(id)
                .payload(eventData(referral, closing.outcome(), null)));
        return stored;
    }

    /**
     * In the transaction that changed an onward referral of {@code referralId}: when the referral
     * has closed with a message back, stores its next version with the onward referral as it now
     * stands. Nothing happens while the referral is open (the change reaches the message back when
     * it closes) or when it was cancelled (there is no message back).
     */
    public Optional<StoredResource> afterOnwardReferralChange(Tx tx, String referralId, String onwardReferralId) {
        Optional<StoredResource> current = tx.get(TYPE, referralId);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        JsonNode referral = Json.MAPPER.readTree(
                tx.get("Referral", referralId).orElseThrow().body());
        Closing closing = tx.get(Closing.TYPE, referralId)
                .map(r -> Closing.fromJson(r.body()))
                .orElseGet(() -> closingFromEvents(tx, referralId, current.get().status()));
        String json = build(referral, closing, JourneyRecords.read(tx, referralId));
        StoredResource next = tx.update(current.get().ref(), current.get().status(), json);
        tx.appendEvent(NewEvent.named(UPDATED)
                .about(next.ref())
                .inReferral(referralId)
                .payload(eventData(referral, closing.outcome(), onwardReferralId)));
        return Optional.of(next);
    }

    private String build(JsonNode referral, Closing closing, JourneyRecords journey) {
        String json = Json.write(MessageBackBuilder.build(referral, closing, journey, clock.instant()));
        ValidationResult check = validator.validate(json);
        if (!check.isValid()) {
            // every part was valid when it was recorded, so this is the server's fault, not the caller's
            throw new IllegalStateException(
                    "built an invalid message back for " + referral.path("id").asString() + ": " + check);
        }
        return json;
    }

    /** A message back issued before closings were kept: the reason is in the closing event. */
    private static Closing closingFromEvents(Tx tx, String referralId, String outcome) {
        String reason = null;
        for (StoredEvent e : tx.eventsForReferral(referralId)) {
            JsonNode data = Json.MAPPER.readTree(e.payload());
            if ("referral.status-changed".equals(e.type())
                    && outcome.equals(data.path("to").asString(null))) {
                reason = data.path("reason").asString(null);
            }
        }
        return new Closing(outcome, reason, null);
    }

    private static String eventData(JsonNode referral, String outcome, String onwardReferralId) {
        String id = referral.path("id").asString();
        ObjectNode data = Json.MAPPER.createObjectNode();
        data.put("outcome", outcome);
        data.set("recipients", MessageBackBuilder.recipients(referral));
        data.put("href", "/v1/referrals/" + id + "/message-back");
        if (onwardReferralId != null) {
            data.put("onwardReferralId", onwardReferralId);
        }
        return Json.write(data);
    }
}
