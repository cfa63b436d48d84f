package org.linkway.server.person;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.linkway.server.http.ApiProblem;

/**
 * The position after the last item of a page ordered by a time and an id, as the opaque
 * {@code cursor} of the lists this package and the caseload answer.
 *
 * @param micros the last item's time, microseconds since the epoch
 * @param id     the last item's id
 */
public record Keyset(long micros, String id) {

    /** The cursor a page ending at this item answers. */
    public String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((micros + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor names; null for none; 400 for a cursor this server did not make. */
    public static Keyset decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            if (colon > 0 && colon < text.length() - 1) {
                return new Keyset(Long.parseLong(text.substring(0, colon)), text.substring(colon + 1));
            }
        } catch (IllegalArgumentException e) {
            // reported below with the rule
        }
        throw ApiProblem.badParameter("cursor", "must be a nextCursor value this server returned");
    }

    /** Microseconds since the epoch, as the store keeps times. */
    public static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    /** The instant of a stored time. */
    public static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
