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
class SnomedConceptIdProperties {

    /** 5 to 17 digits, no leading zero, ending in a concept partition identifier. */
    static Gen<String> withoutCheckDigit() {
        return Gens.text(Gens.range('1', '9'), 1, 1)
                .zip(
                        Gens.digits(2, 14),
                        Gens.pick("00", "10"),
                        (first, middle, partition) -> first + middle + partition);
    }

    static Gen<String> conceptIds() {
        return withoutCheckDigit().map(SnomedConceptId::withCheckDigit);
    }

    @Test
    void withCheckDigitAlwaysGivesAValidConceptId() {
        qt().withFixedSeed(5_201L)
                .withExamples(1000)
                .forAll(withoutCheckDigit())
                .checkAssert(digits -> {
                    String sctid = SnomedConceptId.withCheckDigit(digits);
                    assertThat(sctid).startsWith(digits).hasSize(digits.length() + 1);
                    assertThat(SnomedConceptId.isValid(sctid)).isTrue();
                });
    }

    @Test
    void exactlyOneCheckDigitIsAccepted() {
        qt().withFixedSeed(5_202L)
                .withExamples(1000)
                .forAll(withoutCheckDigit())
                .checkAssert(digits -> {
                    long accepted = 0;
                    for (char check = '0'; check <= '9'; check++) {
                        if (SnomedConceptId.isValid(digits + check)) {
                            accepted++;
                        }
                    }
                    assertThat(accepted).isEqualTo(1);
                });
    }

    @Test
    void everySingleDigitSubstitutionIsDetected() {
        qt().withFixedSeed(5_203L)
                .withExamples(1000)
                .forAll(conceptIds(), integers().between(0, 17), integers().between(1, 9))
                .checkAssert((sctid, anyPosition, shift) -> {
                    int position = anyPosition % sctid.length();
                    assertThat(SnomedConceptId.isValid(substitute(sctid, position, shift)))
                            .isFalse();
                });
    }

    @Test
    void everySingleDigitSubstitutionFailsTheCheckDigitItself() {
        qt().withFixedSeed(5_204L)
                .withExamples(1000)
                .forAll(conceptIds(), integers().between(1, 17), integers().between(1, 9))
                .checkAssert((sctid, anyPosition, shift) -> {
                    // Position 0 is excluded: a leading zero is reported before the check digit is looked at.
                    int position = 1 + (anyPosition - 1) % (sctid.length() - 1);
                    assertThat(SnomedConceptId.problem(substitute(sctid, position, shift)))
                            .hasValueSatisfying(p -> assertThat(p).startsWith("the check digit should be"));
                });
    }

    @Test
    void everyAdjacentTranspositionIsDetected() {
        qt().withFixedSeed(5_205L)
                .withExamples(1000)
                .forAll(conceptIds(), integers().between(0, 16))
                .checkAssert((sctid, anyPosition) -> {
                    int position = anyPosition % (sctid.length() - 1);
                    if (sctid.charAt(position) == sctid.charAt(position + 1)) {
                        return; // swapping equal digits changes nothing
                    }
                    char[] chars = sctid.toCharArray();
                    chars[position] = sctid.charAt(position + 1);
                    chars[position + 1] = sctid.charAt(position);
                    assertThat(SnomedConceptId.isValid(new String(chars))).isFalse();
                });
    }

    @Test
    void neverThrowsAndProblemAgreesWithIsValid() {
        qt().withFixedSeed(5_206L)
                .withExamples(1000)
                .forAll(Gens.anyText())
                .checkAssert(SnomedConceptIdProperties::assertAgreement);
    }

    @Test
    void neverThrowsForNearMisses() {
        qt().withFixedSeed(5_207L)
                .withExamples(1000)
                .forAll(nearMisses())
                .checkAssert(SnomedConceptIdProperties::assertAgreement);
    }

    static Gen<String> nearMisses() {
        return Gens.oneOf(Gens.digits(0, 20), Gens.text("0123456789 |", 0, 20), conceptIds());
    }

    private static void assertAgreement(String value) {
        Optional<String> problem = SnomedConceptId.problem(value);
        assertThat(problem.isEmpty()).isEqualTo(SnomedConceptId.isValid(value));
        problem.ifPresent(Sentences::assertIsOneSentence);
    }

    private static String substitute(String sctid, int position, int shift) {
        char original = sctid.charAt(position);
        char replacement = (char) ('0' + (original - '0' + shift) % 10);
        return sctid.substring(0, position) + replacement + sctid.substring(position + 1);
    }
}
