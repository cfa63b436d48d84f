package org.linkway.server.appointments;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An appointment's lifecycle: booked, then exactly one of cancelled, attended or did not attend,
 * each final. A booked appointment may be rescheduled any number of times; an outcome is
 * recorded only once its start has passed, and a cancelled appointment has none.
 */
enum AppointmentState {
    BOOKED("booked"),
    CANCELLED("cancelled"),
    ATTENDED("attended"),
    DID_NOT_ATTEND("did-not-attend");

    private final String code;

    AppointmentState(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    boolean isFinal() {
        return this != BOOKED;
    }

    /** The states a transition may name. */
    static final List<String> TARGETS = List.of("cancelled", "attended", "did-not-attend");

    static Optional<AppointmentState> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    /** Why this state may not be rescheduled, or empty if it may. */
    Optional<String> refuseReschedule() {
        return this == BOOKED
                ? Optional.empty()
                : Optional.of("the appointment is '" + code + "'; only a booked appointment can be changed");
    }

    /** Why this state may not move to {@code target} now, or empty if it may. */
    Optional<String> refuseMove(AppointmentState target, Instant start, Instant now) {
        if (this != BOOKED) {
            return Optional.of("the appointment is '" + code + "', which is final");
        }
        if (target == BOOKED) {
            return Optional.of("an appointment is booked by creating it");
        }
        if ((target == ATTENDED || target == DID_NOT_ATTEND) && now.isBefore(start)) {
            return Optional.of(
                    "'" + target.code + "' can be recorded only once the appointment has started (" + start + ")");
        }
        return Optional.empty();
    }

    /** Where a transition may go from here now: what an illegal move's answer lists. */
    List<String> allowed(Instant start, Instant now) {
        return TARGETS.stream()
                .filter(t -> refuseMove(fromCode(t).orElseThrow(), start, now).isEmpty())
                .toList();
    }
}
