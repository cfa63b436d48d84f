package org.linkway.validation.checks;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * NHS Organisation Data Service (ODS) codes.
 *
 * <p>Only the shape is checked: whether a code is actually issued can only be answered by the ODS
 * itself. The pseudo-practices V81997 ("no registered GP"), V81998 and V81999 have the ordinary GP
 * practice shape and so are accepted.
 *
 * <p>Two strengths of check: {@link #problem} accepts anything with the characters and length of
 * some ODS code (3 to 10 letters and digits); {@link #organisationProblem} accepts the
 * {@linkplain Form forms} an organisation named in a PRSB message has, and is what the validator
 * applies (rule {@code LW-ODS-CODE}).
 */
public final class OdsCode {

    private static final Pattern ORGANISATION = Pattern.compile("[A-Z0-9]{3,10}");
    private static final Pattern GP_PRACTICE = Pattern.compile("[A-Z][0-9]{5}");
    private static final Pattern CHARITY_NUMBER = Pattern.compile("[0-9]{6,8}");

    /** The forms of ODS code an organisation in a PRSB message carries, by length. */
    public enum Form {
        /** 3 letters or digits: an NHS trust, an ICB or sub-ICB location, a local authority and others, e.g. RX9, QEM. */
        ORGANISATION(3, "an NHS trust, ICB or other organisation, like RX9"),
        /** 5 letters or digits: a site of a trust, or a service such as a pharmacy or a link worker service, e.g. RX901. */
        SITE(5, "a site or service, like RX901"),
        /** One letter and five digits: a GP practice (or another prescribing cost centre, or a PCN), e.g. Y03146. */
        GP_PRACTICE(6, "a GP practice, one letter and five digits, like Y03146");

        private final int length;
        private final String what;

        Form(int length, String what) {
            this.length = length;
            this.what = what;
        }

        /** How many characters a code of this form has. */
        public int length() {
            return length;
        }

        /** The form of a well-formed code, if it has one. */
        public static Optional<Form> of(String value) {
            if (value == null || firstNotUpperOrDigit(value) != 0) {
                return Optional.empty();
            }
            switch (value.length()) {
                case 3:
                    return Optional.of(ORGANISATION);
                case 5:
                    return Optional.of(SITE);
                case 6:
                    return OdsCode.GP_PRACTICE.matcher(value).matches() ? Optional.of(GP_PRACTICE) : Optional.empty();
                default:
                    return Optional.empty();
            }
        }
    }

    private OdsCode() {}

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

    /** True when the value is an organisation's ODS code of one of the {@link Form forms}. */
    public static boolean isOrganisationCode(String value) {
        return Form.of(value).isPresent();
    }

    /**
     * What is wrong with an organisation's ODS code, in one sentence, or empty when it has one of
     * the {@link Form forms}: 3 characters, 5 characters, or (a GP practice) one letter and five digits.
     */
    public static Optional<String> organisationProblem(String value) {
        if (value == null) {
            return Optional.of("no value");
        }
        if (isOrganisationCode(value)) {
            return Optional.empty();
        }
        String upper = Text.asciiUpper(value);
        if (!upper.equals(value) && isOrganisationCode(upper)) {
            return Optional.of("ODS codes are upper case, so write it as " + upper);
        }
        int bad = firstNotUpperOrDigit(value);
        if (bad != 0) {
            return Optional.of("an ODS code may contain only upper-case letters A to Z and digits, but character "
                    + Text.position(value, bad) + " is " + Text.describe(value, bad));
        }
        if (value.length() == Form.GP_PRACTICE.length()) {
            return Optional.of(
                    "an ODS code of 6 characters is a GP practice's, which is one letter followed by 5 digits, like Y03146");
        }
        String forms = "an organisation's ODS code has 3 characters (" + Form.ORGANISATION.what + "), 5 ("
                + Form.SITE.what + ") or 6 (" + Form.GP_PRACTICE.what + "), but this one has "
                + Text.plural(value.length(), "character");
        if (CHARITY_NUMBER.matcher(value).matches()) {
            forms +=
                    "; a registered charity number is not an ODS code, so give the charity's name as free text instead";
        }
        return Optional.of(forms);
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
