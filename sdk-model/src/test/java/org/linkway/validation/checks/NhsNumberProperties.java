package org.linkway.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.testing.Gens;
import org.quicktheories.core.Gen;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class NhsNumberProperties {

    static Gen<String> nineDigits() {
        return Gens.digits(9, 9);
    }

    /** Valid NHS numbers: the ~1 in 11 prefixes that have no check digit are skipped. */
    static Gen<String> validNhsNumbers() {
        return nineDigits().assuming(NhsNumberProperties::hasCheckDigit).map(NhsNumber::withCheckDigit);
    }

    @Test
    void withCheckDigitAlwaysGivesAValidNumber() {
        qt().withFixedSeed(5_301L)
                .withExamples(1000)
                .forAll(nineDigits())
                .assuming(NhsNumberProperties::hasCheckDigit)
                .checkAssert(nine -> {
                    String nhsNumber = NhsNumber.withCheckDigit(nine);
                    assertThat(nhsNumber).startsWith(nine).hasSize(10);
                    assertThat(NhsNumber.isValid(nhsNumber)).isTrue();
                });
    }

    @Test
    void validNumbersHaveAWeightedSumDivisibleBy11() {
        qt().withFixedSeed(5_302L).withExamples(1000).forAll(validNhsNumbers()).checkAssert(nhsNumber -> {
            int sum = 0;
            for (int i = 0; i < 10; i++) {
                sum += (nhsNumber.charAt(i) - '0') * (10 - i);
            }
            assertThat(sum % 11).isZero();
        });
    }

    @Test
    void exactlyOneFinalDigitIsValidUnlessThePrefixIsImpossible() {
        qt().withFixedSeed(5_303L).withExamples(1000).forAll(nineDigits()).checkAssert(nine -> {
            long validEndings = 0;
            for (char last = '0'; last <= '9'; last++) {
                if (NhsNumber.isValid(nine + last)) {
                    validEndings++;
                }
            }
            assertThat(validEndings).isEqualTo(hasCheckDigit(nine) ? 1 : 0);
        });
    }

    @Test
    void everySingleDigitSubstitutionIsDetected() {
        qt().withFixedSeed(5_304L)
                .withExamples(1000)
                .forAll(validNhsNumbers(), integers().between(0, 9), integers().between(1, 9))
                .checkAssert((nhsNumber, position, shift) -> {
                    char original = nhsNumber.charAt(position);
                    char replacement = (char) ('0' + (original - '0' + shift) % 10);
                    String mistyped =
                            nhsNumber.substring(0, position) + replacement + nhsNumber.substring(position + 1);
                    assertThat(NhsNumber.isValid(mistyped)).isFalse();
                });
    }

    /**
     * Swapping neighbours with weights w and w-1 changes the weighted sum by the difference of the
     * two digits, which is never a multiple of 11, so every adjacent transposition is caught,
     * including one involving the check digit.
     */
    @Test
    void everyAdjacentTranspositionIsDetected() {
        qt().withFixedSeed(5_305L)
                .withExamples(1000)
                .forAll(validNhsNumbers(), integers().between(0, 8))
                .assuming((nhsNumber, position) -> nhsNumber.charAt(position) != nhsNumber.charAt(position + 1))
                .checkAssert((nhsNumber, position) ->
                        assertThat(NhsNumber.isValid(swap(nhsNumber, position))).isFalse());
    }

    @Test
    void neverThrowsAndProblemAgreesWithIsValid() {
        qt().withFixedSeed(5_306L)
                .withExamples(1000)
                .forAll(Gens.anyText())
                .checkAssert(NhsNumberProperties::assertAgreement);
    }

    @Test
    void neverThrowsForNearMisses() {
        qt().withFixedSeed(5_307L)
                .withExamples(1000)
                .forAll(nearMisses())
                .checkAssert(NhsNumberProperties::assertAgreement);
    }

    @Test
    void problemsNeverRepeatTheNumber() {
        qt().withFixedSeed(5_308L)
                .withExamples(1000)
                .forAll(nearMisses())
                .assuming(nearMiss -> nearMiss.length() >= 6)
                .checkAssert(nearMiss ->
                        NhsNumber.problem(nearMiss).ifPresent(p -> assertThat(p).doesNotContain(nearMiss)));
    }

    static Gen<String> nearMisses() {
        return Gens.oneOf(Gens.text("0123456789 -O", 0, 13), Gens.digits(10, 10));
    }

    private static void assertAgreement(String value) {
        Optional<String> problem = NhsNumber.problem(value);
        assertThat(problem.isEmpty()).isEqualTo(NhsNumber.isValid(value));
        problem.ifPresent(Sentences::assertIsOneSentence);
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
