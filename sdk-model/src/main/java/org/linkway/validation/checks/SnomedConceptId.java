package org.linkway.validation.checks;

import java.util.Optional;

/**
 * SNOMED CT concept identifier (SCTID).
 *
 * <p>An SCTID is 6 to 18 digits with no leading zero. Reading from the right, digit 1 is a
 * Verhoeff check digit and digits 2 and 3 are the partition identifier, which says what kind of
 * component the id names. Only the concept partitions are accepted, because a description or
 * relationship id in a coded field is a common copy-and-paste mistake and would not resolve.
 */
public final class SnomedConceptId {

    private static final int MIN_LENGTH = 6;
    private static final int MAX_LENGTH = 18;

    private SnomedConceptId() {}

    public static boolean isValid(String value) {
        return problem(value).isEmpty();
    }

    public static Optional<String> problem(String value) {
        if (value == null) {
            return Optional.of("no value");
        }
        int bad = Text.firstNonDigit(value);
        if (bad != 0) {
            return Optional.of("a SNOMED CT concept id must contain only the digits 0 to 9, but character "
                    + Text.position(value, bad) + " is " + Text.describe(value, bad));
        }
        if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            return Optional.of("a SNOMED CT concept id must be 6 to 18 digits long, but this one has "
                    + Text.plural(value.length(), "digit"));
        }
        if (value.charAt(0) == '0') {
            return Optional.of("a SNOMED CT concept id never starts with 0");
        }
        // Checked before the partition: a typo is more likely than a deliberate non-concept id, and a
        // typo can land on any digit, including the partition.
        int expected = Verhoeff.checkDigit(value.substring(0, value.length() - 1));
        int actual = value.charAt(value.length() - 1) - '0';
        if (expected != actual) {
            return Optional.of("the check digit should be " + expected + ", not " + actual);
        }
        return partitionProblem(partition(value));
    }

    /**
     * Appends the Verhoeff check digit to the id without it (5 to 17 digits ending in a concept
     * partition identifier, 00 or 10).
     *
     * @throws IllegalArgumentException if the result would not be a valid concept id
     */
    public static String withCheckDigit(String digitsWithoutCheck) {
        if (digitsWithoutCheck == null
                || digitsWithoutCheck.length() < MIN_LENGTH - 1
                || digitsWithoutCheck.length() > MAX_LENGTH - 1
                || Text.firstNonDigit(digitsWithoutCheck) != 0) {
            throw new IllegalArgumentException("expected 5 to 17 digits 0 to 9");
        }
        if (digitsWithoutCheck.charAt(0) == '0') {
            throw new IllegalArgumentException("a SNOMED CT concept id never starts with 0");
        }
        String partition = digitsWithoutCheck.substring(digitsWithoutCheck.length() - 2);
        Optional<String> problem = partitionProblem(partition);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        return digitsWithoutCheck + Verhoeff.checkDigit(digitsWithoutCheck);
    }

    private static String partition(String sctid) {
        return sctid.substring(sctid.length() - 3, sctid.length() - 1);
    }

    private static Optional<String> partitionProblem(String partition) {
        // First digit: 0 = short (International) form, 1 = long form carrying a namespace.
        // Second digit: 0 = concept, 1 = description, 2 = relationship.
        return switch (partition) {
            case "00", "10" -> Optional.empty();
            case "01", "11" ->
                Optional.of("this is the id of a SNOMED CT description, not a concept"
                        + " (its partition identifier is " + partition + ")");
            case "02", "12" ->
                Optional.of("this is the id of a SNOMED CT relationship, not a concept"
                        + " (its partition identifier is " + partition + ")");
            default ->
                Optional.of("this is not the id of a SNOMED CT concept, because its partition identifier"
                        + " (the 2nd and 3rd digits from the right) is " + partition + " rather than 00 or 10");
        };
    }

    /**
     * Verhoeff's dihedral check digit, which catches every single-digit error and every swap of
     * two adjacent digits. No weighted sum modulo 10 can do both, and modulo 11 (as for NHS
     * numbers) needs an eleventh symbol, which is why some NHS number prefixes are unusable.
     */
    private static final class Verhoeff {

        /** Multiplication in the dihedral group D5: 0-4 are rotations, 5-9 reflections. */
        private static final int[][] D = {
            {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
            {1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
            {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
            {3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
            {4, 0, 1, 2, 3, 9, 5, 6, 7, 8},
            {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
            {6, 5, 9, 8, 7, 1, 0, 4, 3, 2},
            {7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
            {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
            {9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
        };

        /**
         * Row i is the permutation (1 5 8 9 4 2 7 0)(3 6) applied i times, so that each digit is
         * mixed according to its position; that is what makes swapped neighbours change the
         * result. The rows are derived rather than typed in, because a single mistyped entry in
         * a later row still passes short examples but silently breaks real 9+ digit ids.
         */
        private static final int[][] P = new int[8][];

        static {
            P[0] = new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
            P[1] = new int[] {1, 5, 7, 6, 2, 8, 3, 0, 9, 4};
            for (int i = 2; i < P.length; i++) {
                P[i] = new int[10];
                for (int j = 0; j < 10; j++) {
                    P[i][j] = P[i - 1][P[1][j]];
                }
            }
        }

        /** INVERSE[j] is the element that D-multiplies with j to give 0. */
        private static final int[] INVERSE = {0, 4, 3, 2, 1, 5, 6, 7, 8, 9};

        private Verhoeff() {}

        static int checkDigit(String digits) {
            int c = 0;
            // Position 0 is reserved for the check digit that is about to be appended.
            for (int i = 0; i < digits.length(); i++) {
                int digit = digits.charAt(digits.length() - 1 - i) - '0';
                c = D[c][P[(i + 1) % 8][digit]];
            }
            return INVERSE[c];
        }
    }
}
