package org.linkway.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.testing.Gens;
import org.quicktheories.core.Gen;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class OdsCodeProperties {

    static Gen<String> organisationCodes() {
        return Gens.text(Gens.range('A', 'Z') + Gens.range('0', '9'), 3, 10);
    }

    static Gen<String> gpPracticeCodes() {
        return Gens.text(Gens.range('A', 'Z'), 1, 1).zip(Gens.digits(5, 5), (letter, digits) -> letter + digits);
    }

    static Gen<String> nearMisses() {
        return Gens.text("AZaz09 -.", 0, 12);
    }

    @Test
    void everyWellFormedCodeIsValid() {
        qt().withFixedSeed(5_101L)
                .withExamples(1000)
                .forAll(organisationCodes())
                .checkAssert(code -> assertThat(OdsCode.isValid(code)).isTrue());
    }

    @Test
    void everyGpPracticeCodeIsAlsoAValidOrganisationCode() {
        qt().withFixedSeed(5_102L).withExamples(1000).forAll(gpPracticeCodes()).checkAssert(code -> {
            assertThat(OdsCode.isGpPracticeCode(code)).isTrue();
            assertThat(OdsCode.isValid(code)).isTrue();
        });
    }

    @Test
    void lowerCasedCodesAreRejectedWithTheFix() {
        qt().withFixedSeed(5_103L)
                .withExamples(1000)
                .forAll(organisationCodes())
                .assuming(code -> !code.toLowerCase(Locale.ROOT).equals(code))
                .checkAssert(code -> {
                    String lower = code.toLowerCase(Locale.ROOT);
                    assertThat(OdsCode.isValid(lower)).isFalse();
                    assertThat(OdsCode.problem(lower))
                            .hasValueSatisfying(p -> assertThat(p).contains("upper case", code));
                });
    }

    @Test
    void lowerCasedGpPracticeCodesAreRejectedWithTheFix() {
        qt().withFixedSeed(5_104L).withExamples(1000).forAll(gpPracticeCodes()).checkAssert(code -> {
            String lower = code.toLowerCase(Locale.ROOT);
            assertThat(OdsCode.isGpPracticeCode(lower)).isFalse();
            assertThat(OdsCode.gpPracticeProblem(lower))
                    .hasValueSatisfying(p -> assertThat(p).contains("upper case", code));
        });
    }

    @Test
    void neverThrowsAndProblemAgreesWithIsValid() {
        qt().withFixedSeed(5_105L)
                .withExamples(1000)
                .forAll(Gens.anyText())
                .checkAssert(OdsCodeProperties::assertAgreement);
    }

    @Test
    void neverThrowsForNearMisses() {
        qt().withFixedSeed(5_106L)
                .withExamples(1000)
                .forAll(nearMisses())
                .checkAssert(OdsCodeProperties::assertAgreement);
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
