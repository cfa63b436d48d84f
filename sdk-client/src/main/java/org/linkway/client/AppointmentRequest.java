package org.linkway.client;

import java.time.Duration;
import java.time.Instant;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.client.internal.Codec;
import tools.jackson.databind.node.ObjectNode;

/**
 * A session to book: its start, its end or length (5 minutes to 8 hours), how it is held, where
 * (a face-to-face session needs an address), with which link worker (default: the caller), and
 * notes for the link worker (never shown in a calendar feed). Immutable; the server checks every
 * rule and answers all it finds broken at once ({@link org.linkway.client.error.ValidationException}).
 *
 * <pre>{@code
 * AppointmentRequest request = AppointmentRequest.builder()
 *         .start(Instant.parse("2027-01-14T10:30:00Z"))
 *         .duration(Duration.ofMinutes(45))
 *         .method(Appointment.Method.FACE_TO_FACE)
 *         .address("Eastmere Library, meeting room 2")
 *         .build();
 * }</pre>
 */
public final class AppointmentRequest {

    private final Instant start;
    private final Instant end;
    private final Integer durationMinutes;
    private final Appointment.Method method;
    private final String address;
    private final String linkWorker;
    private final String notes;

    private AppointmentRequest(Builder b) {
        this.start = b.start;
        this.end = b.end;
        this.durationMinutes = b.durationMinutes;
        this.method = b.method;
        this.address = b.address;
        this.linkWorker = b.linkWorker;
        this.notes = b.notes;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Instant start() {
        return start;
    }

    public Appointment.Method method() {
        return method;
    }

    byte[] body() {
        ObjectNode doc = Codec.mapper().createObjectNode();
        doc.put("start", start.toString());
        if (end != null) {
            doc.put("end", end.toString());
        } else {
            doc.put("durationMinutes", durationMinutes);
        }
        doc.put("method", method.value());
        putIfGiven(doc, "address", address);
        putIfGiven(doc, "linkWorker", linkWorker);
        putIfGiven(doc, "notes", notes);
        return Codec.write(doc);
    }

    static void putIfGiven(ObjectNode doc, String name, String value) {
        if (value != null) {
            doc.put(name, value);
        }
    }

    /** Builds an {@link AppointmentRequest}: start, method and an end or a duration are required. */
    public static final class Builder {
        private Instant start;
        private Instant end;
        private Integer durationMinutes;
        private Appointment.Method method;
        private String address;
        private String linkWorker;
        private String notes;

        private Builder() {}

        public Builder start(Instant start) {
            this.start = InvalidArgumentException.require(start, "start");
            return this;
        }

        /** When it ends; replaces a duration given before. */
        public Builder end(Instant end) {
            this.end = InvalidArgumentException.require(end, "end");
            this.durationMinutes = null;
            return this;
        }

        /** How long it lasts, in whole minutes; replaces an end given before. */
        public Builder duration(Duration duration) {
            InvalidArgumentException.require(duration, "duration");
            long minutes = duration.toMinutes();
            if (minutes < 1 || minutes > Integer.MAX_VALUE || !duration.equals(Duration.ofMinutes(minutes))) {
                throw new InvalidArgumentException("duration", "must be a positive whole number of minutes");
            }
            this.durationMinutes = (int) minutes;
            this.end = null;
            return this;
        }

        public Builder method(Appointment.Method method) {
            this.method = InvalidArgumentException.require(method, "method");
            return this;
        }

        /** Where a face-to-face session is held. */
        public Builder address(String address) {
            this.address = address;
            return this;
        }

        /** The link worker the session is with, as their token's subject; default the caller. */
        public Builder linkWorker(String linkWorker) {
            this.linkWorker = linkWorker;
            return this;
        }

        public Builder notes(String notes) {
            this.notes = notes;
            return this;
        }

        public AppointmentRequest build() {
            InvalidArgumentException.require(start, "start");
            InvalidArgumentException.require(method, "method");
            if (end == null && durationMinutes == null) {
                throw new InvalidArgumentException("end", "or a duration must be given");
            }
            return new AppointmentRequest(this);
        }
    }
}
