package org.linkway.validation.internal.vocab;

import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.fhir.ucum.UcumEssenceService;

/**
 * UCUM unit expressions, checked by the UCUM library that FHIR tooling maintains (org.fhir:ucum)
 * against the UCUM essence file it ships. Loaded on first use: a validator that never meets a
 * unit never pays for it.
 */
public final class UcumUnits {

    /** Messages use a handful of units: remember the verdicts, up to a bound a hostile sender cannot grow. */
    private static final int REMEMBERED = 512;

    private static final Map<String, Optional<String>> VERDICTS = new ConcurrentHashMap<>();

    private UcumUnits() {}

    private static final class Holder {
        static final UcumEssenceService SERVICE = load();

        private static UcumEssenceService load() {
            try (InputStream in = UcumEssenceService.class.getResourceAsStream("/ucum-essence.xml")) {
                if (in == null) {
                    throw new IllegalStateException("ucum-essence.xml is missing from the org.fhir:ucum jar");
                }
                return new UcumEssenceService(in);
            } catch (Exception e) {
                throw new IllegalStateException("the UCUM definitions could not be read", e);
            }
        }
    }

    /** Why {@code unit} is not a UCUM unit expression, or empty if it is one. */
    public static Optional<String> problem(String unit) {
        Optional<String> known = VERDICTS.get(unit);
        if (known != null) {
            return known;
        }
        Optional<String> verdict = check(unit);
        if (VERDICTS.size() < REMEMBERED) {
            VERDICTS.put(unit, verdict);
        }
        return verdict;
    }

    private static Optional<String> check(String unit) {
        String why;
        try {
            why = Holder.SERVICE.validate(unit);
        } catch (RuntimeException e) {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return why == null ? Optional.empty() : Optional.of(why);
    }
}
