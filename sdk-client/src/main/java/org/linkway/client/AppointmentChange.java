package org.linkway.client;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.client.internal.Codec;
import tools.jackson.databind.node.ObjectNode;

/**
 * A change to a booked appointment: only the members set are sent, and they replace the stored
 * ones. New times are a reschedule (the calendar's SEQUENCE goes up); a new start alone keeps the
 * length. {@code clear...} removes an optional member. Immutable.
 *
 * <pre>{@code
 * AppointmentChange later = AppointmentChange.builder().start(Instant.parse("2027-01-15T14:00:00Z")).build();
 * AppointmentChange byPhone = AppointmentChange.builder().method(Appointment.Method.TELEPHONE).clearAddress().build();
 * }</pre>
 */
public final class AppointmentChange {

    private final Map<String, Object> members;

    private AppointmentChange(Builder b) {
        this.members = new LinkedHashMap<>(b.members);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether the change moves the appointment in time. */
    public boolean reschedules() {
        return members.containsKey("start") || members.containsKey("end") || members.containsKey("durationMinutes");
    }

    byte[] body() {
        ObjectNode doc = Codec.mapper().createObjectNode();
        members.forEach((name, value) -> {
            if (value == null) {
                doc.putNull(name);
            } else if (value instanceof Integer i) {
                doc.put(name, i);
            } else {
                doc.put(name, value.toString());
            }
        });
        return Codec.write(doc);
    }

    @Override
    public String toString() {
        return "AppointmentChange" + members.keySet();
    }

    /** Builds an {@link AppointmentChange}; at least one member must be set. */
    public static final class Builder {
        private final Map<String, Object> members = new LinkedHashMap<>();

        private Builder() {}

        public Builder start(Instant start) {
            members.put("start", InvalidArgumentException.require(start, "start"));
            return this;
        }

        public Builder end(Instant end) {
            members.remove("durationMinutes");
            members.put("end", InvalidArgumentException.require(end, "end"));
            return this;
        }

        public Builder duration(Duration duration) {
            InvalidArgumentException.require(duration, "duration");
            long minutes = duration.toMinutes();
            if (minutes < 1 || minutes > Integer.MAX_VALUE || !duration.equals(Duration.ofMinutes(minutes))) {
                throw new InvalidArgumentException("duration", "must be a positive whole number of minutes");
            }
            members.remove("end");
            members.put("durationMinutes", (int) minutes);
            return this;
        }

        public Builder method(Appointment.Method method) {
            members.put(
                    "method", InvalidArgumentException.require(method, "method").value());
            return this;
        }

        public Builder address(String address) {
            members.put("address", InvalidArgumentException.require(address, "address"));
            return this;
        }

        public Builder clearAddress() {
            members.put("address", null);
            return this;
        }

        /** Moves the session to another link worker of the service (their token subject). */
        public Builder linkWorker(String linkWorker) {
            members.put("linkWorker", InvalidArgumentException.require(linkWorker, "linkWorker"));
            return this;
        }

        public Builder notes(String notes) {
            members.put("notes", InvalidArgumentException.require(notes, "notes"));
            return this;
        }

        public Builder clearNotes() {
            members.put("notes", null);
            return this;
        }

        public AppointmentChange build() {
            if (members.isEmpty()) {
                throw new InvalidArgumentException("change", "must set at least one member");
            }
            return new AppointmentChange(this);
        }
    }
}
