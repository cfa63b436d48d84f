package org.linkway.client.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * {@code Retry-After} (RFC 9110 §10.2.3): whole seconds, or an HTTP date.
 *
 * <pre>{@code
 * Duration wait = RetryAfter.parse("120", Clock.systemUTC()); // PT2M
 * }</pre>
 */
public final class RetryAfter {

    private RetryAfter() {}

    /** The wait it asks for, or null when absent or unreadable (a bad header is no reason to fail). */
    public static Duration parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        // HTTP's delay-seconds is ASCII digits only; Character.isDigit would take any script's digits
        if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return v.length() > 9 ? Duration.ofSeconds(999_999_999L) : Duration.ofSeconds(Long.parseLong(v));
        }
        try {
            Instant at =
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(clock.instant(), at);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
