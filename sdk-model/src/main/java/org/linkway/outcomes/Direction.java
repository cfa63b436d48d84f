package org.linkway.outcomes;

import java.util.Locale;

/** Which way a score moves when the person is doing better. */
public enum Direction {
    /** A higher score is better (e.g. WEMWBS, ONS4 life satisfaction). */
    HIGHER,
    /** A lower score is better (e.g. ONS4 anxiety, UCLA loneliness). */
    LOWER;

    static Direction fromCode(String code) {
        return switch (code) {
            case "higher" -> HIGHER;
            case "lower" -> LOWER;
            default -> throw new IllegalArgumentException("better must be 'higher' or 'lower', not '" + code + "'");
        };
    }

    /** The code the catalogue files use. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
