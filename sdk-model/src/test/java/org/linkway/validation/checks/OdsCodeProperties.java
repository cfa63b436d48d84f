package org.linkway.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class OdsCodeProperties {

    @Provide
    Arbitrary<String> organisationCodes() {
        return Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').ofMinLength(3).ofMaxLength(10);
    }

    @Provide
    Arbitrary<String> gpPracticeCodes() {
        return Combinators.combine(Arbitraries.chars().range('A', 'Z'), Arbitraries.strings().numeric().ofLength(5))
                .as((letter, digits) -> letter + digits);
    }

    @Provide
    Arbitrary<String> nearMisses() {
        return Arbitraries.strings().withChars("AZaz09 -.").ofMaxLength(12);
    }

    @Property
    void everyWellFormedCodeIsValid(@ForAll("organisationCodes") String code) {
        assertThat(OdsCode.isValid(code)).isTrue();
    }

    @Property
    void everyGpPracticeCodeIsAlsoAValidOrganisationCode(@ForAll("gpPracticeCodes") String code) {
        assertThat(OdsCode.isGpPracticeCode(code)).isTrue();
        assertThat(OdsCode.isValid(code)).isTrue();
    }

    @Property
    void lowerCasedCodesAreRejectedWithTheFix(@ForAll("organisationCodes") String code) {
        String lower = code.toLowerCase(Locale.ROOT);
        Assume.that(!lower.equals(code));

        assertThat(OdsCode.isValid(lower)).isFalse();
        assertThat(OdsCode.problem(lower)).hasValueSatisfying(p -> assertThat(p).contains("upper case", code));
    }

    @Property
    void lowerCasedGpPracticeCodesAreRejectedWithTheFix(@ForAll("gpPracticeCodes") String code) {
        String lower = code.toLowerCase(Locale.ROOT);

        assertThat(OdsCode.isGpPracticeCode(lower)).isFalse();
        assertThat(OdsCode.gpPracticeProblem(lower)).hasValueSatisfying(p -> assertThat(p).contains("upper case", code));
    }

    @Property
    void neverThrowsAndProblemAgreesWithIsValid(@ForAll String anything) {
        assertAgreement(anything);
    }

    @Property
    void neverThrowsForNearMisses(@ForAll("nearMisses") String nearMiss) {
        assertAgreement(nearMiss);
    }

    private static void assertAgreement(String value) {
        Optional<String> problem = OdsCode.problem(value);
        assertThat(problem.isEmpty()).isEqualTo(OdsCode.isValid(value));
        problem.ifPresent(Sentences::assertIsOneSentence);

        Optional<String> gpProblem = OdsCode.gpPracticeProblem(value);
        assertThat(gpProblem.isEmpty()).isEqualTo(OdsCode.isGpPracticeCode(value));
        gpProblem.ifPresent(Sentences::assertIsOneSentence);
    }
}
