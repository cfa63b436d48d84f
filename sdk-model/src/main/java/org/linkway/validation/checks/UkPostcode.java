package org.linkway.validation.checks;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * UK postcode, in its canonical written form: upper case, one space between the outward and
 * inward code, at most 8 characters (the PRSB element is {@code string(8)}).
 *
 * <p>Only the shape is checked, not whether the postcode exists. {@link #normalise} accepts the
 * looser forms people actually type so that callers can repair input instead of rejecting it.
 */
public final class UkPostcode {

    private static final int MAX_LENGTH = 8;

    /**
     * Outward code A9, A99, AA9, AA99, A9A or AA9A, a single space, inward code 9AA; plus GIR 0AA,
     * the historic Girobank code that fits none of the patterns.
     */
    private static final Pattern CANONICAL = Pattern.compile("GIR 0AA|[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}");

    private UkPostcode() {}

    public static boolean isValid(String value) {
        return problem(value).isEmpty();
    }

    public static Optional<String> problem(String value) {
        if (value == null) {
            return Optional.of("no value");
        }
        if (CANONICAL.matcher(value).matches()) {
            return Optional.empty();
        }
        Optional<String> normalised = normalise(value);
        if (normalised.isPresent()) {
            String fixed = normalised.get();
            String how = Text.asciiUpper(value).equals(value)
                    ? "with a single space before the last three characters"
                    : "in upper case with a single space before the last three characters";
            return Optional.of("postcodes are written " + how + ", so write it as " + fixed);
        }
        if (value.isBlank()) {
            return Optional.of("the postcode is empty");
        }
        if (Text.length(value) > MAX_LENGTH) {
            return Optional.of("a UK postcode is at most 8 characters including the space, but this one has "
                    + Text.plural(Text.length(value), "character"));
        }
        return Optional.of("this is not a UK postcode: expected an outward code such as SW1A, M1 or B33,"
                + " a space, then a digit and two letters such as 1AA");
    }

    /**
     * Returns the canonical form of a postcode typed in any case with any spacing (for example
     * "sw1a1aa" or " SW1A  1AA "), or empty if it is not a postcode at all.
     */
    public static Optional<String> normalise(String value) {
        if (value == null) {
            return Optional.empty();
        }
        StringBuilder compact = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                compact.append(c);
            }
        }
        // The inward code is always the last three characters, which is what makes the space
        // position recoverable when it has been left out.
        if (compact.length() < 5 || compact.length() > MAX_LENGTH - 1) {
            return Optional.empty();
        }
        String upper = Text.asciiUpper(compact.toString());
        String candidate = upper.substring(0, upper.length() - 3) + " " + upper.substring(upper.length() - 3);
        return CANONICAL.matcher(candidate).matches() ? Optional.of(candidate) : Optional.empty();
    }
}
