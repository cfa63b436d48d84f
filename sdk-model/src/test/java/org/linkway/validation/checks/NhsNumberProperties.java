package org.linkway.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class NhsNumberProperties {

    @Provide
    Arbitrary<String> nineDigits() {
        return Arbitraries.strings().numeric().ofLength(9);
    }

    /** Valid NHS numbers: the ~1 in 11 prefixes that have no check digit are skipped. */
    @Provide
    Arbitrary<String> validNhsNumbers() {
        return nineDigits().filter(NhsNumberProperties::hasCheckDigit).map(NhsNumber::withCheckDigit);
    }

    @Property
    void withCheckDigitAlwaysGivesAValidNumber(@ForAll("nineDigits") String nine) {
        Assume.that(hasCheckDigit(nine));
        String nhsNumber = NhsNumber.withCheckDigit(nine);
        assertThat(nhsNumber).startsWith(nine).hasSize(10);
        assertThat(NhsNumber.isValid(nhsNumber)).isTrue();
    }

    @Property
    void validNumbersHaveAWeightedSumDivisibleBy11(@ForAll("validNhsNumbers") String nhsNumber) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (nhsNumber.charAt(i) - '0') * (10 - i);
        }
        assertThat(sum % 11).isZero();
    }

    @Property
    void exactlyOneFinalDigitIsValidUnlessThePrefixIsImpossible(@ForAll("nineDigits") String nine) {
        long validEndings = 0;
        for (char last = '0'; last <= '9'; last++) {
            if (NhsNumber.isValid(nine + last)) {
                validEndings++;
            }
        }
        assertThat(validEndings).isEqualTo(hasCheckDigit(nine) ? 1 : 0);
    }

    @Property
    void everySingleDigitSubstitutionIsDetected(
            @ForAll("validNhsNumbers") String nhsNumber,
            @ForAll @IntRange(min = 0, max = 9) int position,
            @ForAll @IntRange(min = 1, max = 9) int shift) {
        char original = nhsNumber.charAt(position);
        char replacement = (char) ('0' + (original - '0' + shift) % 10);
        String mistyped = nhsNumber.substring(0, position) + replacement + nhsNumber.substring(position + 1);

        assertThat(NhsNumber.isValid(mistyped)).isFalse();
    }

    /**
     * Swapping neighbours with weights w and w-1 changes the weighted sum by the difference of the
     * two digits, which is never a multiple of 11, so every adjacent transposition is caught,
     * including one involving the check digit.
     */
    @Property
    void everyAdjacentTranspositionIsDetected(
            @ForAll("validNhsNumbers") String nhsNumber, @ForAll @IntRange(min = 0, max = 8) int position) {
        Assume.that(nhsNumber.charAt(position) != nhsNumber.charAt(position + 1));

        assertThat(NhsNumber.isValid(swap(nhsNumber, position))).isFalse();
    }

    @Property
    void neverThrowsAndProblemAgreesWithIsValid(@ForAll String anything) {
        Optional<String> problem = NhsNumber.problem(anything);
        assertThat(problem.isEmpty()).isEqualTo(NhsNumber.isValid(anything));
        problem.ifPresent(Sentences::assertIsOneSentence);
    }

    @Property
    void neverThrowsForNearMisses(@ForAll("nearMisses") String nearMiss) {
        Optional<String> problem = NhsNumber.problem(nearMiss);
        assertThat(problem.isEmpty()).isEqualTo(NhsNumber.isValid(nearMiss));
        problem.ifPresent(Sentences::assertIsOneSentence);
    }

    @Property
    void problemsNeverRepeatTheNumber(@ForAll("nearMisses") String nearMiss) {
        Assume.that(nearMiss.length() >= 6);
        NhsNumber.problem(nearMiss).ifPresent(p -> assertThat(p).doesNotContain(nearMiss));
    }

    @Provide
    Arbitrary<String> nearMisses() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789 -O").ofMinLength(0).ofMaxLength(13),
                Arbitraries.strings().numeric().ofLength(10));
    }

    private static boolean hasCheckDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        return sum % 11 != 1;
    }

    private static String swap(String s, int i) {
        char[] chars = s.toCharArray();
        char tmp = chars[i];
        chars[i] = chars[i + 1];
        chars[i + 1] = tmp;
        return new String(chars);
    }
}
