package org.linkway.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"9990000018", "9990000026", "9990000050", "9990000107", "9990001235"})
    void acceptsTestRangeNumbersWithCorrectCheckDigit(String nhsNumber) {
        assertThat(NhsNumber.isValid(nhsNumber)).isTrue();
        assertThat(NhsNumber.problem(nhsNumber)).isEmpty();
    }

    @Test
    void withCheckDigitAppendsTheModulus11Digit() {
        assertThat(NhsNumber.withCheckDigit("999000001")).isEqualTo("9990000018");
        assertThat(NhsNumber.withCheckDigit("999000002")).isEqualTo("9990000026");
        assertThat(NhsNumber.withCheckDigit("999000010")).isEqualTo("9990000107");
    }

    @Test
    void checkDigitElevenIsWrittenAsZero() {
        // 9*10 + 9*9 + 9*8 + 5*2 = 253 = 11 * 23
        assertThat(NhsNumber.withCheckDigit("999000005")).isEqualTo("9990000050");
    }

    @Test
    void wrongCheckDigitNamesExpectedAndActual() {
        assertThat(NhsNumber.isValid("9990000017")).isFalse();
        assertThat(NhsNumber.problem("9990000017")).contains("the check digit should be 8, not 7");
    }

    @Test
    void prefixWhoseCheckDigitWouldBeTenCanNeverBeValid() {
        // 9*10 + 9*9 + 9*8 + 1*7 + 2*6 + 3*5 + 4*4 + 5*3 + 6*2 = 320, remainder 1, check 10
        for (char last = '0'; last <= '9'; last++) {
            String candidate = "999123456" + last;
            assertThat(NhsNumber.isValid(candidate)).isFalse();
            assertThat(NhsNumber.problem(candidate))
                    .hasValueSatisfying(p -> assertThat(p).contains("never"));
        }
        assertThatThrownBy(() -> NhsNumber.withCheckDigit("999123456"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10");
    }

    @Test
    void spacedDisplayFormIsRejectedWithAHint() {
        assertThat(NhsNumber.isValid("999 000 0018")).isFalse();
        assertThat(NhsNumber.problem("999 000 0018"))
                .hasValueSatisfying(p -> assertThat(p).contains("no spaces"));
        assertThat(NhsNumber.problem("999-000-0018"))
                .hasValueSatisfying(p -> assertThat(p).contains("no spaces"));
    }

    @Test
    void wrongLengthIsReportedAsSuch() {
        assertThat(NhsNumber.problem("999000001"))
                .hasValueSatisfying(p -> assertThat(p).contains("10 digits", "9 digits"));
        assertThat(NhsNumber.problem("99900000180"))
                .hasValueSatisfying(p -> assertThat(p).contains("11 digits"));
        assertThat(NhsNumber.problem("")).hasValueSatisfying(p -> assertThat(p).contains("0 digits"));
    }

    @Test
    void nonDigitsAreReportedWithTheirPosition() {
        assertThat(NhsNumber.problem("99900000I8"))
                .hasValueSatisfying(p -> assertThat(p).contains("character 9", "'I'"));
        // Arabic-Indic digits are digits to Character.isDigit, but not to any NHS system.
        assertThat(NhsNumber.isValid("\u0669\u0669\u0669\u0660\u0660\u0660\u0660\u0660\u0661\u0668"))
                .isFalse();
    }

    @Test
    void messagesDoNotRepeatTheNumber() {
        assertThat(NhsNumber.problem("9990000017"))
                .hasValueSatisfying(p -> assertThat(p).doesNotContain("999000001"));
        assertThat(NhsNumber.problem("9991234560"))
                .hasValueSatisfying(p -> assertThat(p).doesNotContain("999123456"));
    }

    @Test
    void nullIsNotValid() {
        assertThat(NhsNumber.isValid(null)).isFalse();
        assertThat(NhsNumber.problem(null)).contains("no value");
    }

    @Test
    void withCheckDigitRejectsInputThatIsNotNineDigits() {
        for (String bad : new String[] {null, "", "99900000", "9990000010", "99900000a", "999 00001"}) {
            assertThatThrownBy(() -> NhsNumber.withCheckDigit(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
