package org.linkway.server.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.model.Referral;
import org.quicktheories.core.Gen;

/** The lifecycle is exactly the one the standard's journey describes, and every walk through it ends. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LifecycleProperties {

    /** The journey as the issue and the design write it, kept here as plain text on purpose. */
    private static final Set<String> ALLOWED = Set.of(
            "received>accepted",
            "received>rejected",
            "received>cancelled",
            "accepted>in-progress",
            "accepted>declined",
            "accepted>unable-to-contact",
            "accepted>cancelled",
            "in-progress>completed",
            "in-progress>cancelled");

    @Test
    void a_move_is_allowed_exactly_when_the_journey_lists_it() {
        qt().withFixedSeed(7_301L)
                .withExamples(1000)
                .forAll(arbitrary().enumValues(Lifecycle.class), arbitrary().enumValues(Lifecycle.class))
                .checkAssert((from, to) ->
                        assertThat(from.canMoveTo(to)).isEqualTo(ALLOWED.contains(from.code() + ">" + to.code())));
    }

    @Test
    void every_walk_from_received_closes_within_three_moves() {
        qt().withFixedSeed(7_302L)
                .withExamples(1000)
                .forAll(choices())
                .checkAssert(LifecycleProperties::closesWithinThreeMoves);
    }

    private static void closesWithinThreeMoves(List<Integer> choices) {
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

    @Test
    void endings_that_need_a_reason() {
        assertThat(Set.of(Lifecycle.values()))
                .filteredOn(Lifecycle::needsReason)
                .containsExactlyInAnyOrder(
                        Lifecycle.REJECTED, Lifecycle.DECLINED, Lifecycle.UNABLE_TO_CONTACT, Lifecycle.CANCELLED);
    }

    @Test
    void codes_match_the_schema_status_values() {
        for (Referral.Status s : Referral.Status.values()) {
            assertThat(Lifecycle.fromCode(s.value())).as(s.value()).isPresent();
        }
        assertThat(Lifecycle.values()).hasSize(Referral.Status.values().length);
    }

    static Gen<List<Integer>> choices() {
        return lists().of(integers().between(0, 10)).ofSizeBetween(0, 6);
    }
}
