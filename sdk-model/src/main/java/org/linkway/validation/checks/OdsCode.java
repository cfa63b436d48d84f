package org.linkway.validation.checks;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * NHS Organisation Data Service (ODS) codes.
 *
 * <p>Only the shape is checked: whether a code is actually issued can only be answered by the ODS
 * itself. The pseudo-practices V81997 ("no registered GP"), V81998 and V81999 have the ordinary GP
 * practice shape and so are accepted.
 */
public final class OdsCode {

    private static final Pattern ORGANISATION = Pattern.compile("[A-Z0-9]{3,10}");
    private static final Pattern GP_PRACTICE = Pattern.compile("[A-Z][0-9]{5}");

    private OdsCode() {
    }

    public static boolean isValid(String value) {
        return problem(value).isEmpty();
    }

    public static Optional<String> problem(String value) {
        if (value == null) {
            return Optional.of("no value");
        }
        if (ORGANISATION.matcher(value).matches()) {
            return Optional.empty();
        }
        Optional<String> caseProblem = caseProblem(value, ORGANISATION);
        if (caseProblem.isPresent()) {
            return caseProblem;
        }
        int bad = firstNotUpperOrDigit(value);
        if (bad != 0) {
            return Optional.of("an ODS code may contain only upper-case letters A to Z and digits, but character "
                    + Text.position(value, bad) + " is " + Text.describe(value, bad));
        }
        return Optional.of("an ODS code must be 3 to 10 characters long, but this one has "
                + Text.plural(value.length(), "character"));
    }

    public static boolean isGpPracticeCode(String value) {
        return gpPracticeProblem(value).isEmpty();
    }

    public static Optional<String> gpPracticeProblem(String value) {
        if (value == null) {
            return Optional.of("no value");
        }
        if (GP_PRACTICE.matcher(value).matches()) {
            return Optional.empty();
        }
        Optional<String> caseProblem = caseProblem(value, GP_PRACTICE);
        if (caseProblem.isPresent()) {
            return caseProblem;
        }
        return Optional.of("a GP practice code must be one upper-case letter followed by 5 digits, like A81001");
    }

    private static Optional<String> caseProblem(String value, Pattern pattern) {
        String upper = Text.asciiUpper(value);
        if (!upper.equals(value) && pattern.matcher(upper).matches()) {
            return Optional.of("ODS codes are upper case, so write it as " + upper);
        }
        return Optional.empty();
    }

    /** 1-based index of the first char that is not A-Z or 0-9, or 0 if there is none. */
    private static int firstNotUpperOrDigit(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Text.isAsciiUpper(c) && !Text.isAsciiDigit(c)) {
                return i + 1;
            }
        }
        return 0;
    }
}
