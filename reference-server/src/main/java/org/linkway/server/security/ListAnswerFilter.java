package org.linkway.server.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.linkway.server.consent.OrganisationDirectory;
import org.linkway.server.http.Json;
import org.linkway.server.storage.Store;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cuts a list answer down to what its caller may see, for {@link AccessDecider}: which items, and
 * in which view. One instance serves one answer.
 */
final class ListAnswerFilter {

    private final Store store;
    private final Clock clock;
    private final OrganisationDirectory directory;

    ListAnswerFilter(Store store, Clock clock, OrganisationDirectory directory) {
        this.store = store;
        this.clock = clock;
        this.directory = directory;
    }

    /** What a referrer-role caller is to one referral: whether it may see it, the parties it receives the message back as, the view. */
    private record Standing(JsonNode referral, boolean sees, Set<String> parties, MessageBackView view) {
        boolean recipient() {
            return sees || !parties.isEmpty();
        }
    }

    /**
     * A list answer with only the items the caller may see (items that are referrals, or name one
     * by referralId), each in the view it may see. Events are judged by {@link EventDisclosure},
     * exactly as webhook deliveries are, so the feed never gives what a webhook withheld; message
     * backs reach their recipients (the registered GP practice too), in the withheld view when
     * the person refused sharing with them.
     */
    AccessDecider.Filtered filter(Caller caller, String body) {
        JsonNode doc = Json.MAPPER.readTree(body);
        if (!(doc instanceof ObjectNode page) || !(page.get("items") instanceof ArrayNode items)) {
            return new AccessDecider.Filtered(body, List.of());
        }
        Map<String, Boolean> visible = new HashMap<>();
        Map<String, Optional<Standing>> standings = new HashMap<>();
        List<String> withheld = new ArrayList<>();
        ArrayNode kept = Json.MAPPER.createArrayNode();
        EventDisclosure events = new EventDisclosure(store, clock.instant(), directory);
        EventDisclosure.Recipient recipient = new EventDisclosure.Recipient(caller.organisation(), caller.role());
        for (JsonNode item : items) {
            boolean event = item.has("sequence");
            String type = item.path("resourceType").asString("");
            String referralId = item.path("referralId").asString(null);
            JsonNode out = item;
            boolean see;
            if (event) {
                // the same decision as for webhook deliveries
                EventDisclosure.Verdict v = events.judge(
                        recipient,
                        new EventDisclosure.About(
                                referralId, type, item.path("resourceId").asString(null)));
                see = v.send();
                if (see && v.cut() != EventDisclosure.Cut.NONE) {
                    out = cutEvent((ObjectNode) item.deepCopy(), v.cut());
                    if (v.cut() == EventDisclosure.Cut.MESSAGE_BACK_DETAILS) {
                        withheld.add("MessageBack/" + referralId + " " + v.reason());
                    }
                }
            } else if (caller.is(Role.PROVIDER)) {
                String onwardId = item.path("id").asString("");
                see = "OnwardReferral".equals(type)
                        && visible.computeIfAbsent("onward " + onwardId, k -> providerMaySee(events, caller, onwardId));
                if (see) {
                    // each item exactly as GET /v1/onward-referrals/{id} shows it to its provider
                    out = Json.MAPPER.readTree(new OnwardProviderView(store, clock, directory).of(Json.write(item)));
                }
            } else if ("Referral".equals(type)) {
                see = AccessDecider.canSee(caller, item);
            } else if (referralId == null) {
                see = false;
            } else {
                Standing st = standings
                        .computeIfAbsent(referralId, rid -> standing(caller, rid))
                        .orElse(null);
                boolean messageBack = "MessageBack".equals(type);
                see = st != null && (messageBack ? st.recipient() : st.sees());
                if (see && !st.view().full()) {
                    out = withheldItem((ObjectNode) item.deepCopy(), messageBack, st);
                    if (messageBack) {
                        withheld.add(
                                "MessageBack/" + referralId + " " + st.view().reason());
                    }
                }
            }
            if (see) {
                kept.add(out);
            }
        }
        page.set("items", kept);
        return new AccessDecider.Filtered(
                Json.write(page), withheld.stream().distinct().toList());
    }

    private Optional<Standing> standing(Caller caller, String referralId) {
        return store.transaction(tx -> tx.get("Referral", referralId).map(r -> {
            JsonNode referral = Json.MAPPER.readTree(r.body());
            Set<String> parties = MessageBackRecipients.partiesOf(caller, referral);
            MessageBackView view = parties.isEmpty()
                    ? MessageBackView.FULL
                    : MessageBackRecipients.view(tx, referralId, parties, clock.instant());
            return new Standing(referral, AccessDecider.canSee(caller, referral), parties, view);
        }));
    }

    /** A message back, or another record, cut to what a recipient whose sharing was refused may see. */
    private static JsonNode withheldItem(ObjectNode item, boolean messageBack, Standing st) {
        if (messageBack) {
            return MessageBackView.withheldDocument(
                    item, st.referral(), st.view().party());
        }
        return item;
    }

    /** An event cut as {@link EventDisclosure} decided. */
    private static JsonNode cutEvent(ObjectNode item, EventDisclosure.Cut cut) {
        if (cut == EventDisclosure.Cut.MESSAGE_BACK_DETAILS) {
            item.set("data", MessageBackView.withheldEventData(item.path("data")));
        } else if (item.path("data") instanceof ObjectNode data) {
            data.remove("reason"); // why the referral closed is a detail of the journey
        }
        return item;
    }

    /**
     * A record a provider may see: an onward referral addressed to it (by any identifier it is
     * known by), and only while the person's consent (or a recorded lawful basis) covers it.
     */
    private static boolean providerMaySee(EventDisclosure events, Caller caller, String onwardId) {
        return events.provider(onwardId).isKnownBy(caller.organisation())
                && events.providerCoverage(onwardId).covered();
    }
}
