package org.linkway.conformance.internal.suite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pushed events duplicated under new ids (LW-EVT-012): a subscriber that de-duplicates by
 * {@code webhook-id}, as Standard Webhooks tells it to, files such a change twice.
 */
final class PushedEvents {

    private PushedEvents() {}

    /**
     * The changes delivered more than once under different ids: events whose content (everything
     * but {@code id} and {@code sequence}) is the same. The same id delivered again is a retry, not
     * a duplicate.
     */
    static List<String> sameChangeUnderNewIds(List<JsonNode> delivered) {
        Map<String, Set<String>> idsByChange = new LinkedHashMap<>();
        for (JsonNode event : delivered) {
            if (!(event instanceof ObjectNode o)) {
                continue;
            }
            ObjectNode change = o.deepCopy();
            change.remove(List.of("id", "sequence"));
            idsByChange
                    .computeIfAbsent(change.toString(), k -> new java.util.LinkedHashSet<>())
                    .add(o.path("id").asString(""));
        }
        List<String> found = new ArrayList<>();
        idsByChange.forEach((change, ids) -> {
            if (ids.size() > 1) {
                found.add("one change pushed under " + ids.size() + " ids " + ids + ": "
                        + (change.length() <= 500 ? change : change.substring(0, 500) + "..."));
            }
        });
        return found;
    }

    /** Delivered events about {@code referrals} whose id is not an event of the pulled feed. */
    static List<String> unknownIds(List<JsonNode> delivered, Set<String> referrals, Set<String> pulledIds) {
        List<String> found = new ArrayList<>();
        for (JsonNode e : delivered) {
            String id = e.path("id").asString("");
            if (referrals.contains(e.path("referralId").asString("")) && !pulledIds.contains(id)) {
                found.add("event " + id + " (" + e.path("type").asString("") + " of referral "
                        + e.path("referralId").asString("") + ") was pushed but is not in the referral's feed");
            }
        }
        return found;
    }
}
