package org.linkway.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

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
            PartialDateTime quick = quickParse(text);
            if (quick != null) {
                return quick;
            }
            if (text.length() == 10) {
                return new PartialDateTime(text, LocalDate.parse(text), null);
            }
            return new PartialDateTime(text, null, OffsetDateTime.parse(text));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a date (yyyy-MM-dd) or a date-time with offset: '" + text + "'", e);
        }
    }

    /**
     * The two shapes messages almost always use ({@code yyyy-MM-dd}, {@code yyyy-MM-ddTHH:mm:ssZ}),
     * read digit by digit: java.time's general parser costs a microsecond a value, and validating
     * a referral reads a dozen dates. Anything else returns null and takes the general route.
     */
    private static PartialDateTime quickParse(String t) {
        int n = t.length();
        if (n < 10
                || !digits(t, 0, 4)
                || t.charAt(4) != '-'
                || !digits(t, 5, 7)
                || t.charAt(7) != '-'
                || !digits(t, 8, 10)) {
            return null;
        }
        LocalDate day = LocalDate.of(num(t, 0, 4), num(t, 5, 7), num(t, 8, 10));
        if (n == 10) {
            return new PartialDateTime(t, day, null);
        }
        if (n != 20
                || t.charAt(10) != 'T'
                || !digits(t, 11, 13)
                || t.charAt(13) != ':'
                || !digits(t, 14, 16)
                || t.charAt(16) != ':'
                || !digits(t, 17, 19)
                || t.charAt(19) != 'Z') {
            return null;
        }
        return new PartialDateTime(
                t,
                null,
                OffsetDateTime.of(day, LocalTime.of(num(t, 11, 13), num(t, 14, 16), num(t, 17, 19)), ZoneOffset.UTC));
    }

    private static boolean digits(String t, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int num(String t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (t.charAt(i) - '0');
        }
        return v;
    }

    public static PartialDateTime of(LocalDate date) {
        return new PartialDateTime(date.toString(), date, null);
    }

    /**
     * Always written with seconds ({@code 09:56:00Z}, never {@code 09:56Z}, which is what
     * {@code OffsetDateTime.toString()} gives on a whole minute): RFC 3339 and FHIR both require
     * them, and a value that lost them one minute in sixty would fail only sometimes.
     */
    public static PartialDateTime of(OffsetDateTime dateTime) {
        return new PartialDateTime(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime), null, dateTime);
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
