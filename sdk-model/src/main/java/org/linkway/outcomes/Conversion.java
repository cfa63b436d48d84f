package org.linkway.outcomes;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * A published table that turns a raw total into another scale, e.g. SWEMWBS raw 7 to 35 into
 * its metric score. Data, not a formula: the instrument's authors publish the table, so the
 * catalogue carries it with where it came from.
 *
 * @param source    who published the table and where (a citation a reader can follow)
 * @param published when the source was published or last checked, as the catalogue states it
 * @param table     raw total to converted score, one entry per possible raw total
 */
public record Conversion(String source, String published, NavigableMap<Integer, Double> table) {

    public Conversion {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(published, "published");
        if (table == null || table.isEmpty()) {
            throw new IllegalArgumentException("a conversion needs a table");
        }
        table = Collections.unmodifiableNavigableMap(new TreeMap<>(table));
    }

    /** A conversion from raw totals given as a map (copied and sorted). */
    public static Conversion of(String source, String published, Map<Integer, Double> table) {
        return new Conversion(source, published, new TreeMap<>(table));
    }

    /** The converted score for a raw total, or empty if the table has no row for it. */
    public OptionalDouble convert(double rawTotal) {
        if (rawTotal != Math.rint(rawTotal) || Math.abs(rawTotal) > Integer.MAX_VALUE) {
            return OptionalDouble.empty();
        }
        Double v = table.get((int) rawTotal);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
