package org.linkway.validation.checks;

import java.util.Optional;

/**
 * Telephone number, as the NHS Data Dictionary's UK telephone number (PRSB: the person's
 * telephone number, {@code string(35)}), in the forms people write: a UK number from its trunk
 * 0 ({@code 01632 960123}, {@code (01632) 960 123}, {@code 07700-900123}) or an international
 * one from {@code +} or {@code 00} ({@code +44 7700 900123}, {@code +44 (0)1632 960123},
 * {@code 0033 1 23 45 67 89}).
 *
 * <p>Digits, spaces, hyphens and brackets, with {@code +} only in front. A UK number has 10 or
 * 11 digits with its 0; an international one 7 to 15 after its prefix (E.164's longest), and a
 * UK one written internationally 9 or 10 after the 44. Extensions and words belong in PRSB's
 * "Other contact information", so they are refused here. Whether the number exists is not checked.
 */
public final class TelephoneFormat {

    private TelephoneFormat() {}

    public static boolean isValid(String value) {
        return problem(value).isEmpty();
    }

    /** What is wrong with the number, in words a person can act on; empty if it has the form of one. */
    public static Optional<String> problem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("the telephone number is empty");
        }
        String v = value.strip();
        boolean plus = v.charAt(0) == '+';
        StringBuilder digits = new StringBuilder(v.length());
        boolean inBrackets = false;
        int bracketDigits = 0;
        for (int i = plus ? 1 : 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Text.isAsciiDigit(c)) {
                digits.append(c);
                bracketDigits++;
            } else if (c == '(' && !inBrackets) {
                inBrackets = true;
                bracketDigits = 0;
            } else if (c == ')' && inBrackets) {
                if (bracketDigits == 0) {
                    return Optional.of("there are empty brackets in the telephone number");
                }
                inBrackets = false;
            } else if (c != ' ' && c != '-') {
                return Optional.of("a telephone number has only digits, spaces, hyphens, brackets and a leading +,"
                        + " but there is " + Text.describe(v, i + 1) + " at position " + Text.position(v, i + 1)
                        + (Character.isLetter(c) ? " (put extensions and notes in 'Other contact information')" : ""));
            }
        }
        if (inBrackets) {
            return Optional.of("a bracket in the telephone number is not closed");
        }
        if (plus) {
            return international(digits.toString(), v, "+");
        }
        if (digits.length() > 1 && digits.charAt(0) == '0' && digits.charAt(1) == '0') {
            return international(digits.substring(2), v, "00");
        }
        if (digits.length() == 0 || digits.charAt(0) != '0') {
            return Optional.of(
                    "a UK telephone number starts with 0 (as in 01632 960123), an international one with" + " + or 00");
        }
        if (digits.length() < 10 || digits.length() > 11) {
            return Optional.of(
                    "a UK telephone number has 10 or 11 digits with its leading 0, this one has " + digits.length());
        }
        return Optional.empty();
    }

    private static Optional<String> international(String digits, String written, String prefix) {
        // "+44 (0)1632 960123": the trunk 0 in brackets is not dialled from abroad
        String dialled = written.contains("(0)") && digits.length() > 2 && digits.charAt(2) == '0'
                ? digits.substring(0, 2) + digits.substring(3)
                : digits;
        if (dialled.isEmpty() || dialled.charAt(0) == '0') {
            return Optional.of("after " + prefix + " comes the country code, which does not start with 0");
        }
        if (dialled.startsWith("44")) {
            int national = dialled.length() - 2;
            if (national < 9 || national > 10) {
                return Optional.of(
                        "a UK number after +44 has 9 or 10 digits (without its leading 0), this one has " + national);
            }
            return Optional.empty();
        }
        if (dialled.length() < 7 || dialled.length() > 15) {
            return Optional.of("an international telephone number has 7 to 15 digits after " + prefix
                    + ", this one has " + dialled.length());
        }
        return Optional.empty();
    }
}
