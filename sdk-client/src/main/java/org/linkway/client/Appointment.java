package org.linkway.client;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A session with the link worker, as the server holds it: when, how, with whom, its state, and
 * how it was cancelled or what happened. Book, change and record them with
 * {@link Appointments}; the {@link Versioned#etag()} of the last one read is what a change needs.
 *
 * <pre>{@code
 * Versioned<Appointment> booked = client.appointments().book(referralId, request);
 * Appointment a = booked.value();
 * System.out.println(a.start() + " " + a.method().value() + " with " + a.linkWorker());
 * }</pre>
 *
 * @param id                 the appointment's id
 * @param referralId         the referral it belongs to
 * @param status             booked, cancelled, attended or did not attend
 * @param start              when it starts
 * @param end                when it ends
 * @param method             how it is held
 * @param consultationMethod the NHS Data Dictionary consultation mechanism code the method maps to
 * @param locationType       the activity location type code (home visits); null otherwise
 * @param address            where a face-to-face session is held; null for none
 * @param linkWorker         the link worker's token subject
 * @param notes              the link worker's notes; null for none
 * @param sequence           the calendar's SEQUENCE: 0, one more at each reschedule and at cancelling
 * @param bookedBy           the subject of the token that booked it
 * @param cancellation       when, by whom and why it was cancelled; null unless cancelled
 * @param outcome            when and by whom attended or did-not-attend was recorded; null before
 */
public record Appointment(
        String id,
        String referralId,
        Status status,
        Instant start,
        Instant end,
        Method method,
        String consultationMethod,
        String locationType,
        String address,
        String linkWorker,
        String notes,
        int sequence,
        String bookedBy,
        Change cancellation,
        Change outcome) {

    public Appointment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(method, "method");
    }

    /** The appointment's length in minutes. */
    public long durationMinutes() {
        return java.time.Duration.between(start, end).toMinutes();
    }

    /** The cancellation, if it was cancelled. */
    public Optional<Change> cancelled() {
        return Optional.ofNullable(cancellation);
    }

    /** The state of an appointment: {@code booked}, then one final state. */
    public enum Status {
        BOOKED("booked"),
        CANCELLED("cancelled"),
        ATTENDED("attended"),
        DID_NOT_ATTEND("did-not-attend");

        private final String value;

        Status(String value) {
            this.value = value;
        }

        /** The code on the wire, e.g. {@code did-not-attend}. */
        public String value() {
            return value;
        }

        public static Status fromValue(String value) {
            return Arrays.stream(values())
                    .filter(s -> s.value.equals(value))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not an appointment state"));
        }
    }

    /** How the session is held; a face-to-face one needs an address. */
    public enum Method {
        FACE_TO_FACE("face-to-face"),
        TELEPHONE("telephone"),
        VIDEO("video"),
        HOME_VISIT("home-visit");

        private final String value;

        Method(String value) {
            this.value = value;
        }

        /** The code on the wire, e.g. {@code home-visit}. */
        public String value() {
            return value;
        }

        public static Method fromValue(String value) {
            return Arrays.stream(values())
                    .filter(m -> m.value.equals(value))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not an appointment method"));
        }
    }

    /**
     * A cancellation or an outcome: when it was recorded, by whom, and why.
     *
     * @param at     when
     * @param by     the subject of the token that recorded it
     * @param reason why; null when none was given
     */
    public record Change(Instant at, String by, String reason) {}

    static Appointment from(JsonNode n) {
        return new Appointment(
                Answers.text(n, "id"),
                Answers.text(n, "referralId"),
                Status.fromValue(Answers.text(n, "status")),
                Answers.instant(n, "start"),
                Answers.instant(n, "end"),
                Method.fromValue(Answers.text(n, "method")),
                Answers.optionalText(n, "consultationMethod"),
                Answers.optionalText(n, "locationType"),
                Answers.optionalText(n, "address"),
                Answers.text(n, "linkWorker"),
                Answers.optionalText(n, "notes"),
                (int) Answers.number(n, "sequence"),
                Answers.optionalText(n, "bookedBy"),
                change(n.path("cancellation")),
                change(n.path("outcome")));
    }

    private static Change change(JsonNode n) {
        if (!n.isObject()) {
            return null;
        }
        return new Change(Answers.instant(n, "at"), Answers.optionalText(n, "by"), Answers.optionalText(n, "reason"));
    }
}
