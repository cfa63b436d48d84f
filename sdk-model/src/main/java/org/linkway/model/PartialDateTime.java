package org.linkway.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A PRSB "date and time" element: either a calendar date ({@code 2026-03-01}) or an instant
 * with its UTC offset ({@code 2026-03-01T09:30:00Z}). Practitioners often know only the day a
 * risk started or a service ended; forcing a time would invent one.
 *
 * <p>The text is kept exactly as written, so a message read and written again is unchanged.
 */
public final class PartialDateTime implements Comparable<PartialDateTime> {

    private final String text;
    private final LocalDate date;
    private final OffsetDateTime dateTime;

    private PartialDateTime(String text, LocalDate date, OffsetDateTime dateTime) {
        this.text = text;
        this.date = date;
        this.dateTime = dateTime;
    }

    /**
     * Reads {@code yyyy-MM-dd} or an ISO-8601 date-time with offset.
     *
     * @throws IllegalArgumentException if the text is neither
     */
    @JsonCreator
    public static PartialDateTime parse(String text) {
        Objects.requireNonNull(text, "text");
        try {
            if (text.length() == 10) {
                return new PartialDateTime(text, LocalDate.parse(text), null);
            }
            return new PartialDateTime(text, null, OffsetDateTime.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date (yyyy-MM-dd) or a date-time with offset: '" + text + "'", e);
        }
    }

    public static PartialDateTime of(LocalDate date) {
        return new PartialDateTime(date.toString(), date, null);
    }

    public static PartialDateTime of(OffsetDateTime dateTime) {
        return new PartialDateTime(dateTime.toString(), null, dateTime);
    }

    /** True when only the day is known. */
    public boolean isDateOnly() {
        return date != null;
    }

    /** The calendar day (for a date-time, the day at its own offset). */
    public LocalDate toLocalDate() {
        return date != null ? date : dateTime.toLocalDate();
    }

    /** The instant, when a time was recorded. */
    public Optional<OffsetDateTime> dateTime() {
        return Optional.ofNullable(dateTime);
    }

    /** Orders by day first; on the same day a date-only value sorts before any time. */
    @Override
    public int compareTo(PartialDateTime other) {
        int byDay = toLocalDate().compareTo(other.toLocalDate());
        if (byDay != 0) {
            return byDay;
        }
        if (dateTime == null || other.dateTime == null) {
            return Boolean.compare(dateTime != null, other.dateTime != null);
        }
        return dateTime.toInstant().compareTo(other.dateTime.toInstant());
    }

    @JsonValue
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartialDateTime p && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
