package org.linkway.server.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Date-time query parameters ({@code updatedSince}, {@code since}): an RFC 3339 date-time with its
 * offset, years 1 to 9999. Anything else, including an instant Java can parse but the database's
 * microsecond clock cannot hold, is a 400 naming the parameter, never an overflow further in.
 */
public final class QueryInstants {

    private QueryInstants() {}

    /** The parameter as an instant; null when absent. */
    public static Instant of(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return null;
        }
        try {
            OffsetDateTime at = OffsetDateTime.parse(text);
            if (at.getYear() >= 1 && at.getYear() <= 9999) {
                return at.toInstant();
            }
        } catch (DateTimeParseException e) {
            // reported below with the rule
        }
        throw ApiProblem.badParameter(
                name, "must be a date-time with its offset, years 1 to 9999, such as 2026-11-01T00:00:00Z");
    }
}
