package org.linkway.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(30)
class OdsCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"RX9", "RTH", "QEM", "15N", "00C"})
    void acceptsThreeCharacterOrganisationCodes(String code) {
        assertThat(OdsCode.Form.of(code)).contains(OdsCode.Form.ORGANISATION);
        assertThat(OdsCode.organisationProblem(code)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RX901", "RX9E2", "8EC41", "FA123", "NV701"})
    void acceptsFiveCharacterSiteAndServiceCodes(String code) {
        assertThat(OdsCode.Form.of(code)).contains(OdsCode.Form.SITE);
        assertThat(OdsCode.organisationProblem(code)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Y03146", "A81001", "M91528", "U12345", "V81997"})
    void acceptsGpPracticeCodesAsOrganisationCodes(String code) {
        assertThat(OdsCode.Form.of(code)).contains(OdsCode.Form.GP_PRACTICE);
        assertThat(OdsCode.isOrganisationCode(code)).isTrue();
        assertThat(OdsCode.organisationProblem(code)).isEmpty();
    }

    @Test
    void malformedOrganisationCodesAreRefusedSayingWhichFormsExist() {
        assertThat(OdsCode.organisationProblem("8E"))
                .hasValueSatisfying(p -> assertThat(p)
                        .contains(
                                "3 characters",
                                "5 (a site or service",
                                "6 (a GP practice",
                                "this one has 2 characters"));
        assertThat(OdsCode.organisationProblem("RX9E"))
                .hasValueSatisfying(p -> assertThat(p).contains("this one has 4 characters"));
        assertThat(OdsCode.organisationProblem("Y031467"))
                .hasValueSatisfying(p -> assertThat(p).contains("this one has 7 characters"));
        assertThat(OdsCode.organisationProblem("Y0314X"))
                .contains(
                        "an ODS code of 6 characters is a GP practice's, which is one letter followed by 5 digits, like Y03146");
        assertThat(OdsCode.organisationProblem("103146"))
                .hasValueSatisfying(p -> assertThat(p).contains("one letter followed by 5 digits"));
        assertThat(OdsCode.organisationProblem("y03146")).contains("ODS codes are upper case, so write it as Y03146");
        assertThat(OdsCode.organisationProblem("Y03 46"))
                .hasValueSatisfying(p -> assertThat(p).contains("character 4 is a space"));
        assertThat(OdsCode.organisationProblem(null)).contains("no value");
        assertThat(OdsCode.organisationProblem(""))
                .hasValueSatisfying(p -> assertThat(p).contains("0 characters"));
    }

    @Test
    void aCharityNumberInTheOdsCodeIsToldWhereItBelongs() {
        assertThat(OdsCode.isOrganisationCode("1187342")).isFalse();
        assertThat(OdsCode.organisationProblem("1187342"))
                .hasValueSatisfying(
                        p -> assertThat(p).contains("7 characters", "a registered charity number is not an ODS code"));
        // the looser shape check still takes it: it is not what the validator applies to organisations
        assertThat(OdsCode.isValid("1187342")).isTrue();
    }

    @Test
    void everyOrganisationProblemIsOneSentence() {
        for (String bad : new String[] {"8E", "RX9E", "Y0314X", "y03146", "Y03 46", "1187342", "", "ABCDEFGHIJK"}) {
            assertThat(OdsCode.organisationProblem(bad)).hasValueSatisfying(Sentences::assertIsOneSentence);
        }
    }

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
        assertThat(OdsCode.problem("ABCDE123456"))
                .hasValueSatisfying(p -> assertThat(p).contains("11 characters"));
        assertThat(OdsCode.problem("")).hasValueSatisfying(p -> assertThat(p).contains("0 characters"));
        assertThat(OdsCode.problem("RT-H"))
                .hasValueSatisfying(p -> assertThat(p).contains("character 3", "'-'"));
        assertThat(OdsCode.problem(" RTH"))
                .hasValueSatisfying(p -> assertThat(p).contains("character 1", "a space"));
    }

    @Test
    void lookAlikeLettersAreNotMistakenForLowerCase() {
        // Dotless i upper-cases to 'I' in Java; suggesting "RTI" would invent a code.
        assertThat(OdsCode.problem("RT\u0131"))
                .hasValueSatisfying(p -> assertThat(p).doesNotContain("upper case"));
        assertThat(OdsCode.gpPracticeProblem("\u013181001"))
                .hasValueSatisfying(p -> assertThat(p).doesNotContain("write it as"));
    }

    @Test
    void nullIsNotValid() {
        assertThat(OdsCode.isValid(null)).isFalse();
        assertThat(OdsCode.problem(null)).contains("no value");
        assertThat(OdsCode.isGpPracticeCode(null)).isFalse();
        assertThat(OdsCode.gpPracticeProblem(null)).contains("no value");
    }
}
