package org.linkway.server.directory;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A UK postcode, or its outward code alone, in one spelling: upper case, one space before the
 * inward code ({@code "ls1 4ap"}, {@code "LS14AP"} and {@code " Ls1  4Ap "} are all {@code LS1 4AP}).
 *
 * @param outward the outward code ({@code LS1})
 * @param inward  the inward code ({@code 4AP}), or null when only the outward code was given
 */
public record Postcode(String outward, String inward) {

    private static final Pattern OUTWARD = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?");
    private static final Pattern INWARD = Pattern.compile("[0-9][A-Z]{2}");

    /** The postcode a person typed, or empty when it is not the shape of one. */
    public static Optional<Postcode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String squeezed = text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (squeezed.length() > 4 && squeezed.length() <= 7) {
            String out = squeezed.substring(0, squeezed.length() - 3);
            String in = squeezed.substring(squeezed.length() - 3);
            if (OUTWARD.matcher(out).matches() && INWARD.matcher(in).matches()) {
                return Optional.of(new Postcode(out, in));
            }
        }
        if (OUTWARD.matcher(squeezed).matches()) {
            return Optional.of(new Postcode(squeezed, null));
        }
        return Optional.empty();
    }

    /** Whether it is a whole postcode, not an outward code alone. */
    public boolean full() {
        return inward != null;
    }

    @Override
    public String toString() {
        return full() ? outward + " " + inward : outward;
    }
}
