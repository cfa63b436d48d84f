package org.linkway.validation.internal.vocab;

import java.util.Locale;
import java.util.Optional;

/**
 * Tells a code system URI that was meant to be another from one that is simply different: a
 * trailing slash, https for http, capitals, spaces, or SNOMED CT named by words or OID instead of
 * its URI. A receiver compares systems as exact strings, so a near miss loses the code's meaning
 * as surely as a wrong system; naming the slip tells the sender what to fix.
 */
public final class SnomedSystem {

    /** The only URI FHIR and PRSB messages name SNOMED CT by. */
    public static final String URI = "http://snomed.info/sct";

    private static final String OID = "2.16.840.1.113883.6.96";

    private SnomedSystem() {}

    /** What makes {@code given} a near miss for {@code expected}, or empty if it is exact or simply another system. */
    public static Optional<String> nearMiss(String given, String expected) {
        if (given == null || given.equals(expected)) {
            return Optional.empty();
        }
        if (normal(given).equals(normal(expected))) {
            return Optional.of(slips(given, expected));
        }
        if (URI.equals(expected) && namesSnomed(given)) {
            return Optional.of("it names SNOMED CT but not by its URI");
        }
        return Optional.empty();
    }

    private static boolean namesSnomed(String given) {
        String letters = given.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]", "");
        return letters.contains("snomed")
                || letters.equals("sct")
                || letters.contains(OID)
                || given.toLowerCase(Locale.ROOT).contains("snomed.info");
    }

    /** Lower case, no scheme, no "www.", no surrounding space or trailing slashes. */
    private static String normal(String uri) {
        String s = uri.strip().toLowerCase(Locale.ROOT);
        s = s.replaceFirst("^https?://", "").replaceFirst("^www\\.", "");
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static String slips(String given, String expected) {
        StringBuilder why = new StringBuilder();
        String g = given.strip();
        if (!g.equals(given)) {
            why.append("spaces around it; ");
        }
        if (g.endsWith("/") && !expected.endsWith("/")) {
            why.append("a trailing slash; ");
        }
        if (g.regionMatches(true, 0, "https:", 0, 6) && expected.startsWith("http:")) {
            why.append("https instead of http; ");
        } else if (g.regionMatches(true, 0, "http:", 0, 5) && expected.startsWith("https:")) {
            why.append("http instead of https; ");
        } else if (!g.contains("://")) {
            why.append("no scheme; ");
        }
        if (g.toLowerCase(Locale.ROOT).contains("://www.") && !expected.contains("://www.")) {
            why.append("an added www.; ");
        }
        if (!g.equals(g.toLowerCase(Locale.ROOT)) && expected.equals(expected.toLowerCase(Locale.ROOT))) {
            why.append("capital letters; ");
        } else if (why.length() == 0) {
            why.append("a difference in letter case; ");
        }
        return why.substring(0, why.length() - 2);
    }
}
