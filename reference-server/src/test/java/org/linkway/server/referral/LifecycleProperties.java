package org.linkway.server.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The lifecycle is exactly the one the standard's journey describes, and every walk through it ends. */
class LifecycleProperties {

    /** The journey as the issue and the design write it, kept here as plain text on purpose. */
    private static final Set<String> ALLOWED = Set.of(
            "received>accepted", "received>rejected", "received>cancelled",
            "accepted>in-progress", "accepted>declined", "accepted>unable-to-contact", "accepted>cancelled",
            "in-progress>completed", "in-progress>cancelled");

    @Property
    void a_move_is_allowed_exactly_when_the_journey_lists_it(@ForAll Lifecycle from, @ForAll Lifecycle to) {
        assertThat(from.canMoveTo(to)).isEqualTo(ALLOWED.contains(from.code() + ">" + to.code()));
    }

    @Property
    void every_walk_from_received_closes_within_three_moves(@ForAll("choices") List<Integer> choices) {
        Lifecycle state = Lifecycle.RECEIVED;
        int moves = 0;
        for (int choice : choices) {
            List<Lifecycle> next = List.copyOf(state.next());
            if (next.isEmpty()) {
                break;
            }
            state = next.get(Math.floorMod(choice, next.size()));
            moves++;
        }
        assertThat(moves).isLessThanOrEqualTo(3);
        if (moves < choices.size()) {
            assertThat(state.isOpen()).isFalse();
        }
    }

    @Example
    void endings_that_need_a_reason() {
        assertThat(Set.of(Lifecycle.values())).filteredOn(Lifecycle::needsReason)
                .containsExactlyInAnyOrder(Lifecycle.REJECTED, Lifecycle.DECLINED, Lifecycle.UNABLE_TO_CONTACT, Lifecycle.CANCELLED);
    }

    @Example
    void codes_match_the_schema_status_values() {
        for (org.linkway.model.Referral.Status s : org.linkway.model.Referral.Status.values()) {
            assertThat(Lifecycle.fromCode(s.value())).as(s.value()).isPresent();
        }
        assertThat(Lifecycle.values()).hasSize(org.linkway.model.Referral.Status.values().length);
    }

    @Provide
    Arbitrary<List<Integer>> choices() {
        return Arbitraries.integers().between(0, 10).list().ofMinSize(0).ofMaxSize(6);
    }
}
