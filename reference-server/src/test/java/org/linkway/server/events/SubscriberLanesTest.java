package org.linkway.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The lane and circuit rules on their own, with the clock and the jitter fixed. */
class SubscriberLanesTest {

    static final WebhookSettings SETTINGS = new WebhookSettings(
            Duration.ofSeconds(1),
            Duration.ofSeconds(8),
            Duration.ofSeconds(10),
            Duration.ofMillis(250),
            32,
            Duration.ofSeconds(5),
            4,
            3);
    static final Instant T0 = Instant.parse("2026-12-05T12:00:00Z");

    /** Jitter 0.5: each wait is exactly the exponential step. */
    final SubscriberLanes lanes = new SubscriberLanes(SETTINGS, () -> 0.5);

    @Test
    void a_lane_holds_at_most_its_room_and_other_subscriptions_are_untouched() {
        for (int i = 0; i < 4; i++) {
            assertThat(lanes.room("hanging", T0)).isEqualTo(4 - i);
            lanes.started("hanging");
        }
        assertThat(lanes.room("hanging", T0)).isZero();
        assertThat(lanes.room("healthy", T0)).isEqualTo(4);
        assertThat(lanes.rooms(T0)).containsEntry("hanging", 0).doesNotContainKey("healthy");
        assertThat(lanes.inFlight()).isEqualTo(4);
    }

    @Test
    void the_circuit_opens_after_failures_in_a_row_probes_once_and_doubles_its_wait() {
        for (int i = 0; i < 3; i++) {
            lanes.started("s");
        }
        assertThat(lanes.finished("s", false, T0)).isEmpty();
        assertThat(lanes.finished("s", false, T0)).isEmpty();
        assertThat(lanes.finished("s", false, T0)).contains(T0.plusSeconds(1));
        assertThat(lanes.room("s", T0.plusMillis(999)))
                .as("open: nothing is sent")
                .isZero();
        assertThat(lanes.state("s", T0).orElseThrow().circuit()).isEqualTo("open");

        Instant t1 = T0.plusSeconds(1);
        assertThat(lanes.state("s", t1).orElseThrow().circuit()).isEqualTo("half-open");
        assertThat(lanes.room("s", t1)).as("half open: one probe").isEqualTo(1);
        lanes.started("s");
        assertThat(lanes.room("s", t1))
                .as("while the probe is out, nothing else")
                .isZero();
        assertThat(lanes.finished("s", false, t1))
                .as("a failed probe opens it for twice as long")
                .contains(t1.plusSeconds(2));

        Instant t2 = t1.plusSeconds(2);
        lanes.started("s");
        assertThat(lanes.finished("s", false, t2)).contains(t2.plusSeconds(4));
        Instant t3 = t2.plusSeconds(4);
        lanes.started("s");
        assertThat(lanes.finished("s", false, t3)).as("capped at retryMax").contains(t3.plusSeconds(8));

        Instant t4 = t3.plusSeconds(8);
        lanes.started("s");
        assertThat(lanes.finished("s", true, t4)).isEmpty();
        assertThat(lanes.room("s", t4))
                .as("a successful probe closes the circuit")
                .isEqualTo(4);
        assertThat(lanes.state("s", t4)).as("a healthy idle lane is forgotten").isEmpty();
    }

    @Test
    void a_success_between_failures_starts_the_count_again() {
        lanes.started("s");
        lanes.started("s");
        lanes.started("s");
        lanes.finished("s", false, T0);
        lanes.finished("s", false, T0);
        lanes.finished("s", true, T0);
        lanes.started("s");
        lanes.started("s");
        assertThat(lanes.finished("s", false, T0)).isEmpty();
        assertThat(lanes.finished("s", false, T0)).isEmpty();
        assertThat(lanes.room("s", T0)).isEqualTo(4);
    }
}
