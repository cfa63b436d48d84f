package org.linkway.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OdsCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"A81001", "Y12345", "RTH", "8JK21", "V81997", "ABC1234567", "999"})
    void acceptsWellFormedOrganisationCodes(String code) {
        assertThat(OdsCode.problem(code)).isEmpty();
        assertThat(OdsCode.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"A81001", "Y12345", "V81997", "V81998", "V81999"})
    void acceptsGpPracticeCodesIncludingThePseudoPractices(String code) {
        assertThat(OdsCode.gpPracticeProblem(code)).isEmpty();
        assertThat(OdsCode.isGpPracticeCode(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RTH", "8JK21", "A8100", "A810011", "AB1234", "181001", "A8100X", "A 81001", ""})
    void rejectsCodesThatAreNotOneLetterThenFiveDigitsAsGpPractices(String code) {
        assertThat(OdsCode.isGpPracticeCode(code)).isFalse();
        assertThat(OdsCode.gpPracticeProblem(code))
                .hasValueSatisfying(p -> assertThat(p).contains("one upper-case letter followed by 5 digits"));
    }

    @Test
    void lowerCaseIsReportedWithTheUpperCaseForm() {
        assertThat(OdsCode.isValid("rth")).isFalse();
        assertThat(OdsCode.problem("rth")).contains("ODS codes are upper case, so write it as RTH");
        assertThat(OdsCode.isGpPracticeCode("a81001")).isFalse();
        assertThat(OdsCode.gpPracticeProblem("a81001")).contains("ODS codes are upper case, so write it as A81001");
    }

    @Test
    void lengthAndCharacterProblemsAreNamed() {
        assertThat(OdsCode.problem("RT")).hasValueSatisfying(p -> assertThat(p).contains("3 to 10", "2 characters"));
        assertThat(OdsCode.problem("ABCDE123456")).hasValueSatisfying(p -> assertThat(p).contains("11 characters"));
        assertThat(OdsCode.problem("")).hasValueSatisfying(p -> assertThat(p).contains("0 characters"));
        assertThat(OdsCode.problem("RT-H")).hasValueSatisfying(p -> assertThat(p).contains("character 3", "'-'"));
        assertThat(OdsCode.problem(" RTH")).hasValueSatisfying(p -> assertThat(p).contains("character 1", "a space"));
    }

    @Test
    void lookAlikeLettersAreNotMistakenForLowerCase() {
        // Dotless i upper-cases to 'I' in Java; suggesting "RTI" would invent a code.
        assertThat(OdsCode.problem("RT\u0131")).hasValueSatisfying(p -> assertThat(p).doesNotContain("upper case"));
        assertThat(OdsCode.gpPracticeProblem("\u013181001")).hasValueSatisfying(p -> assertThat(p).doesNotContain("write it as"));
    }

    @Test
    void nullIsNotValid() {
        assertThat(OdsCode.isValid(null)).isFalse();
        assertThat(OdsCode.problem(null)).contains("no value");
        assertThat(OdsCode.isGpPracticeCode(null)).isFalse();
        assertThat(OdsCode.gpPracticeProblem(null)).contains("no value");
    }
}
