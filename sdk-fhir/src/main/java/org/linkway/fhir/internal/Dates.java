package org.linkway.fhir.internal;

import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;

/**
 * Linkway date-times as FHIR ones. The Linkway schema (like ISO 8601) lets a time stop at the
 * minute ({@code 2026-11-27T09:56Z}); FHIR requires the seconds and says to zero-fill them, so
 * such a time is written {@code 09:56:00Z}. It is the same instant, read back with its seconds:
 * the one place the binding keeps the value but not its written precision (docs/FHIR.md).
 */
final class Dates {

    private Dates() {}

    static DateTimeType dateTime(String linkway) {
        return new DateTimeType(withSeconds(linkway));
    }

    static InstantType instant(String linkway) {
        return new InstantType(withSeconds(linkway));
    }

    /** {@code yyyy-MM-ddTHH:mm} followed by a zone gets {@code :00}; anything else is returned as it is. */
    static String withSeconds(String v) {
        if (v == null || v.length() < 17 || v.charAt(10) != 'T' || v.charAt(13) != ':') {
            return v;
        }
        char after = v.charAt(16);
        return after == 'Z' || after == '+' || after == '-' ? v.substring(0, 16) + ":00" + v.substring(16) : v;
    }
}
