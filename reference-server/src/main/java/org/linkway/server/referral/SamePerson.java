package org.linkway.server.referral;

import java.time.Clock;
import java.util.List;
import org.linkway.server.http.Json;
import org.linkway.server.person.Keyset;
import org.linkway.server.person.PersonIndex;
import org.linkway.server.person.PersonKey;
import org.linkway.server.storage.NewEvent;
import org.linkway.server.storage.ResourceRef;
import org.linkway.server.storage.StoredResource;
import org.linkway.server.storage.Tx;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * At intake, in the transaction that stores the referral: finds the same person's other referrals
 * in the receiving organisation ({@link PersonIndex}), records the new referral's keys, and raises
 * {@code referral.possible-duplicate} when the service holds open ones. The person's closed
 * referrals are its earlier episodes, linked through the same keys and read with
 * {@code GET /v1/referrals/{id}/episodes}; linking them raises {@code referral.episode-linked}, so
 * the link worker service learns of a step up or step down without polling every referral. Both
 * events are about the referral's {@code Episodes}, which only the link worker service receives
 * (the referrer is not told of the person's other referrals).
 */
final class SamePerson {

    /** The resource type the events name: the person's episodes as seen from one referral. */
    static final String EPISODES = "Episodes";

    private SamePerson() {}

    /** The open referrals of the same person, oldest first. */
    static List<PersonIndex.Match> atIntake(Tx tx, StoredResource referral, Clock clock) {
        JsonNode doc = Json.MAPPER.readTree(referral.body());
        String organisation = text(doc.at("/referralDetails/entries/0/referralTo/organisation/code"));
        PersonKey key = PersonKey.of(doc);
        List<PersonIndex.Match> others = PersonIndex.samePerson(tx, organisation, key, referral.id());
        PersonIndex.record(
                tx, referral.id(), organisation, referral.referrerOrg(), key, Keyset.micros(referral.createdAt()));
        List<PersonIndex.Match> open =
                others.stream().filter(PersonIndex.Match::open).toList();
        if (!open.isEmpty()) {
            event(tx, referral.id(), "referral.possible-duplicate", "possibleDuplicates", open, clock);
        }
        List<PersonIndex.Match> closed = others.stream().filter(m -> !m.open()).toList();
        if (!closed.isEmpty()) {
            event(tx, referral.id(), "referral.episode-linked", "earlierEpisodes", closed, clock);
        }
        return open;
    }

    private static void event(
            Tx tx, String id, String type, String member, List<PersonIndex.Match> matches, Clock clock) {
        ObjectNode data = Json.MAPPER.createObjectNode();
        ArrayNode ids = data.putArray(member);
        matches.forEach(m -> ids.add(m.id()));
        data.put("at", clock.instant().toString());
        tx.appendEvent(NewEvent.named(type)
                .about(new ResourceRef(EPISODES, id, 1))
                .inReferral(id)
                .payload(Json.write(data)));
    }

    private static String text(JsonNode n) {
        return n != null && n.isString() && !n.asString().isBlank() ? n.asString() : null;
    }
}
