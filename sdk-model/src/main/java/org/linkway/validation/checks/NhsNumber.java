package org.linkway.validation.checks;

import java.util.Optional;

/**
 * NHS number: exactly 10 ASCII digits whose last digit is a modulus 11 check digit.
 *
 * <p>The PRSB element is {@code string(10)}, so the spaced display form ("943 476 5919") is not
 * accepted. Messages never repeat the number itself because it identifies a patient and the
 * messages are likely to end up in logs.
 */
public final class NhsNumber {

    private static final int LENGTH = 10;

    /** Marks a 9-digit prefix for which no check digit exists. */
    private static final int IMPOSSIBLE = 10;

    private NhsNumber() {}

    public static boolean isValid(String value) {
        return problem(value).isEmpty();
    }

    public static Optional<String> problem(String value) {
        if (value == null) {
            return Optional.of("no value");
        }
        int badChar = Text.firstNonDigit(value);
        if (badChar != 0) {
            if (stripSeparators(value).length() == LENGTH && Text.firstNonDigit(stripSeparators(value)) == 0) {
                return Optional.of("an NHS number must be written as 10 digits with no spaces or other separators");
            }
            return Optional.of("an NHS number must contain only the digits 0 to 9, but character "
                    + Text.position(value, badChar) + " is " + Text.describe(value, badChar));
        }
        if (value.length() != LENGTH) {
            return Optional.of("an NHS number must be exactly 10 digits long, but this one has "
                    + Text.plural(value.length(), "digit"));
        }
        int expected = checkDigit(value.substring(0, LENGTH - 1));
        if (expected == IMPOSSIBLE) {
            return Optional.of("this can never be a valid NHS number, because no check digit exists"
                    + " for its first 9 digits (the modulus 11 calculation gives 10)");
        }
        int actual = value.charAt(LENGTH - 1) - '0';
        if (expected != actual) {
            return Optional.of("the check digit should be " + expected + ", not " + actual);
        }
        return Optional.empty();
    }

    /**
     * Appends the check digit, for test and example-data generators.
     *
     * @throws IllegalArgumentException if the input is not exactly 9 ASCII digits, or if no valid
     *     NHS number starts with them
     */
    public static String withCheckDigit(String nineDigits) {
        if (nineDigits == null || nineDigits.length() != LENGTH - 1 || Text.firstNonDigit(nineDigits) != 0) {
            throw new IllegalArgumentException("expected exactly 9 digits 0 to 9");
        }
        int check = checkDigit(nineDigits);
        if (check == IMPOSSIBLE) {
            throw new IllegalArgumentException(
                    "no valid NHS number starts with " + nineDigits + " (the check digit would be 10)");
        }
        return nineDigits + check;
    }

    /** Returns 0 to 9, or {@link #IMPOSSIBLE}. */
    private static int checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < nineDigits.length(); i++) {
            sum += (nineDigits.charAt(i) - '0') * (LENGTH - i);
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check;
    }

    private static String stripSeparators(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '-' && !Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
