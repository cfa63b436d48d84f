package org.linkway.server.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Any sequence of operations on an appointment (reschedule, cancel, attended, did not attend,
 * the clock moving on) keeps the invariants: a final state is never left, an outcome is recorded
 * at most once and never for a cancelled appointment nor before the start, and a refused
 * operation changes nothing.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class AppointmentStateProperties {

    static final Instant T0 = Instant.parse("2027-01-01T09:00:00Z");

    /** 0 reschedule, 1 cancel, 2 attended, 3 did not attend, 4 the clock moves an hour, 5 reschedule into the past. */
    @Test
    void every_sequence_of_operations_keeps_the_invariants() {
        qt().withFixedSeed(19_004L)
                .withExamples(2_000)
                .forAll(lists().of(integers().between(0, 5)).ofSizeBetween(0, 30))
                .checkAssert(this::run);
    }

    private void run(List<Integer> ops) {
        AppointmentState state = AppointmentState.BOOKED;
        Instant start = T0.plus(Duration.ofHours(3));
        Instant now = T0;
        int outcomes = 0;
        AppointmentState finalState = null;
        for (int op : ops) {
            AppointmentState before = state;
            switch (op) {
                case 0, 5 -> {
                    if (state.refuseReschedule().isEmpty()) {
                        start = op == 0 ? now.plus(Duration.ofHours(2)) : now.minus(Duration.ofHours(1));
                    } else {
                        assertThat(state.isFinal()).isTrue();
                    }
                }
                case 4 -> now = now.plus(Duration.ofHours(1));
                default -> {
                    AppointmentState target = switch (op) {
                        case 1 -> AppointmentState.CANCELLED;
                        case 2 -> AppointmentState.ATTENDED;
                        default -> AppointmentState.DID_NOT_ATTEND;
                    };
                    boolean allowed = state.refuseMove(target, start, now).isEmpty();
                    assertThat(state.allowed(start, now).contains(target.code()))
                            .isEqualTo(allowed);
                    if (allowed) {
                        assertThat(before).isEqualTo(AppointmentState.BOOKED);
                        if (target != AppointmentState.CANCELLED) {
                            assertThat(now).isAfterOrEqualTo(start);
                            outcomes++;
                        }
                        state = target;
                    }
                }
            }
            if (before.isFinal()) {
                assertThat(state).as("a final state is never left").isEqualTo(before);
            }
            if (state.isFinal() && finalState == null) {
                finalState = state;
            }
            assertThat(outcomes).as("an outcome is recorded at most once").isLessThanOrEqualTo(1);
            if (finalState == AppointmentState.CANCELLED) {
                assertThat(outcomes)
                        .as("a cancelled appointment has no outcome")
                        .isZero();
            }
        }
        assertThat(AppointmentState.BOOKED.refuseMove(AppointmentState.BOOKED, start, now))
                .isPresent();
    }
}
