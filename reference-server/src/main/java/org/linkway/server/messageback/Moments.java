package org.linkway.server.messageback;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import tools.jackson.databind.JsonNode;

/**
 * Orders journey records by when they happened. PRSB dates may be a day or a date-time with an
 * offset, so they are compared as instants (a day counts from its start, UTC); records without a
 * date, or with one that cannot be read, go last in the order they were stored.
 */
final class Moments {

    private Moments() {}

    /** The instant a PRSB date or date-time names, or null. */
    static Instant of(String text) {
        if (text == null) {
            return null;
        }
        try {
            return text.length() == 10
                    ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Earliest first by the date at {@code pointer}, undated last; a stable sort keeps stored order among equals. */
    static Comparator<JsonNode> byDateAt(String pointer) {
        return Comparator.comparing(
                (JsonNode n) -> of(n.at(pointer).asString(null)), Comparator.nullsLast(Comparator.naturalOrder()));
    }

    /** The day part of a PRSB date or date-time, for prose. */
    static String day(String text) {
        return text == null || text.length() < 10 ? text : text.substring(0, 10);
    }
}
