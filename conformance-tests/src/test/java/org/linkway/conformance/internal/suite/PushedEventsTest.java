package org.linkway.conformance.internal.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.JsonNode;

/** LW-EVT-012's rule: a retry keeps its id; the same change under a new id, or an id the feed lacks, is a duplicate. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PushedEventsTest {

    static JsonNode event(String id, long sequence, String type, String referral, int version) {
        return LinkwayJson.mapper()
                .readTree("{\"id\":\"" + id + "\",\"sequence\":" + sequence + ",\"type\":\"" + type
                        + "\",\"referralId\":\"" + referral + "\",\"resourceVersion\":" + version
                        + ",\"data\":{\"status\":\"accepted\"}}");
    }

    @Test
    void a_retry_under_the_same_id_and_distinct_changes_are_not_duplicates() {
        List<JsonNode> pushed = List.of(
                event("e1", 1, "referral.received", "r1", 1),
                event("e1", 1, "referral.received", "r1", 1),
                event("e2", 2, "referral.status-changed", "r1", 2),
                event("e3", 3, "referral.status-changed", "r1", 3));
        assertThat(PushedEvents.sameChangeUnderNewIds(pushed)).isEmpty();
        assertThat(PushedEvents.unknownIds(pushed, Set.of("r1"), Set.of("e1", "e2", "e3")))
                .isEmpty();
    }

    @Test
    void the_same_change_under_a_new_id_and_sequence_is_a_duplicate() {
        List<JsonNode> pushed = List.of(
                event("e2", 2, "referral.status-changed", "r1", 2), event("e9", 9, "referral.status-changed", "r1", 2));
        assertThat(PushedEvents.sameChangeUnderNewIds(pushed))
                .singleElement()
                .asString()
                .contains("[e2, e9]");
        assertThat(PushedEvents.unknownIds(pushed, Set.of("r1"), Set.of("e2")))
                .singleElement()
                .asString()
                .contains("e9");
        // events about other referrals are not the kit's to judge against its feed reads
        assertThat(PushedEvents.unknownIds(pushed, Set.of("r2"), Set.of())).isEmpty();
    }
}
