package org.linkway.outcomes;

import java.util.Objects;

/**
 * A code for an instrument, with where it was verified. Standard systems (SNOMED CT, LOINC)
 * appear only when verified against a named public source; otherwise the Linkway code system.
 */
public record InstrumentCode(String system, String code, String display, String verifiedFrom) {

    /** The Linkway code system for instruments with no verified standard code (see docs/OUTCOMES.md). */
    public static final String LINKWAY_SYSTEM = "https://linkway-sp.github.io/linkway/CodeSystem/outcome-instrument";

    public InstrumentCode {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(verifiedFrom, "verifiedFrom");
    }
}
