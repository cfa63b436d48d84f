package org.linkway.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class SnomedConceptIdProperties {

    /** 5 to 17 digits, no leading zero, ending in a concept partition identifier. */
    @Provide
    Arbitrary<String> withoutCheckDigit() {
        return Combinators.combine(
                        Arbitraries.chars().range('1', '9'),
                        Arbitraries.strings().numeric().ofMinLength(2).ofMaxLength(14),
                        Arbitraries.of("00", "10"))
                .as((first, middle, partition) -> first + middle + partition);
    }

    @Provide
    Arbitrary<String> conceptIds() {
        return withoutCheckDigit().map(SnomedConceptId::withCheckDigit);
    }

    @Property
    void withCheckDigitAlwaysGivesAValidConceptId(@ForAll("withoutCheckDigit") String digits) {
        String sctid = SnomedConceptId.withCheckDigit(digits);
        assertThat(sctid).startsWith(digits).hasSize(digits.length() + 1);
        assertThat(SnomedConceptId.isValid(sctid)).isTrue();
    }

    @Property
    void exactlyOneCheckDigitIsAccepted(@ForAll("withoutCheckDigit") String digits) {
        long accepted = 0;
        for (char check = '0'; check <= '9'; check++) {
            if (SnomedConceptId.isValid(digits + check)) {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(1);
    }

    @Property
    void everySingleDigitSubstitutionIsDetected(
            @ForAll("conceptIds") String sctid,
            @ForAll @IntRange(min = 0, max = 17) int anyPosition,
            @ForAll @IntRange(min = 1, max = 9) int shift) {
        int position = anyPosition % sctid.length();
        char original = sctid.charAt(position);
        char replacement = (char) ('0' + (original - '0' + shift) % 10);
        String mistyped = sctid.substring(0, position) + replacement + sctid.substring(position + 1);

        assertThat(SnomedConceptId.isValid(mistyped)).isFalse();
    }

    @Property
    void everySingleDigitSubstitutionFailsTheCheckDigitItself(
            @ForAll("conceptIds") String sctid,
            @ForAll @IntRange(min = 1, max = 17) int anyPosition,
            @ForAll @IntRange(min = 1, max = 9) int shift) {
        // Position 0 is excluded: a leading zero is reported before the check digit is looked at.
        int position = 1 + (anyPosition - 1) % (sctid.length() - 1);
        char original = sctid.charAt(position);
        char replacement = (char) ('0' + (original - '0' + shift) % 10);
        String mistyped = sctid.substring(0, position) + replacement + sctid.substring(position + 1);

        assertThat(SnomedConceptId.problem(mistyped))
                .hasValueSatisfying(p -> assertThat(p).startsWith("the check digit should be"));
    }

    @Property
    void everyAdjacentTranspositionIsDetected(
            @ForAll("conceptIds") String sctid, @ForAll @IntRange(min = 0, max = 16) int anyPosition) {
        int position = anyPosition % (sctid.length() - 1);
        Assume.that(sctid.charAt(position) != sctid.charAt(position + 1));
        char[] chars = sctid.toCharArray();
        chars[position] = sctid.charAt(position + 1);
        chars[position + 1] = sctid.charAt(position);

        assertThat(SnomedConceptId.isValid(new String(chars))).isFalse();
    }

    @Property
    void neverThrowsAndProblemAgreesWithIsValid(@ForAll String anything) {
        Optional<String> problem = SnomedConceptId.problem(anything);
        assertThat(problem.isEmpty()).isEqualTo(SnomedConceptId.isValid(anything));
        problem.ifPresent(Sentences::assertIsOneSentence);
    }

    @Property
    void neverThrowsForNearMisses(@ForAll("nearMisses") String nearMiss) {
        Optional<String> problem = SnomedConceptId.problem(nearMiss);
        assertThat(problem.isEmpty()).isEqualTo(SnomedConceptId.isValid(nearMiss));
        problem.ifPresent(Sentences::assertIsOneSentence);
    }

    @Provide
    Arbitrary<String> nearMisses() {
        return Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(20),
                Arbitraries.strings().withChars("0123456789 |").ofMaxLength(20),
                conceptIds());
    }
}
