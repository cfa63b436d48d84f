package org.linkway.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UkPostcodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "GIR 0AA", "W1A 0AX", "EC1A 1BB"})
    void acceptsCanonicalPostcodesOfEveryOutwardShape(String postcode) {
        assertThat(UkPostcode.problem(postcode)).isEmpty();
        assertThat(UkPostcode.isValid(postcode)).isTrue();
        assertThat(UkPostcode.normalise(postcode)).contains(postcode);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "SW1A1AA     | SW1A 1AA",
                "sw1a 1aa    | SW1A 1AA",
                "sw1a1aa     | SW1A 1AA",
                "'SW1A  1AA' | SW1A 1AA",
                "' m1 1ae '  | M1 1AE",
                "gir0aa      | GIR 0AA",
                "Dn551pt     | DN55 1PT",
            })
    void nearlyRightInputIsRejectedButNormalisedAndTheFixIsSuggested(String typed, String canonical) {
        assertThat(UkPostcode.isValid(typed)).isFalse();
        assertThat(UkPostcode.normalise(typed)).contains(canonical);
        assertThat(UkPostcode.problem(typed))
                .hasValueSatisfying(p -> assertThat(p).endsWith("write it as " + canonical));
    }

    @Test
    void theSuggestionSaysWhatIsWrong() {
        assertThat(UkPostcode.problem("SW1A1AA"))
                .hasValueSatisfying(p -> assertThat(p).contains("single space").doesNotContain("upper case"));
        assertThat(UkPostcode.problem("sw1a 1aa"))
                .hasValueSatisfying(p -> assertThat(p).contains("upper case"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SW1A 1A",
                "SW1A 1AAA",
                "1W1A 1AA",
                "SWA 1AA",
                "SW1AA 1AA",
                "ABC1 1AA",
                "SW1A AAA",
                "SW1A 11A",
                "SW1A-1AA",
                "SW1A",
                "1AA",
                "GIR 0AB",
                "ZZ99 9ZZZ",
                "SW1A 1ÅA",
            })
    void rejectsWhatIsNotAPostcode(String notAPostcode) {
        assertThat(UkPostcode.isValid(notAPostcode)).isFalse();
        assertThat(UkPostcode.normalise(notAPostcode)).isEmpty();
        assertThat(UkPostcode.problem(notAPostcode))
                .hasValueSatisfying(p -> assertThat(p).doesNotContain("write it as"));
    }

    @Test
    void tooLongAndEmptyInputGetSpecificMessages() {
        assertThat(UkPostcode.problem("SW1A 1AAXX"))
                .hasValueSatisfying(p -> assertThat(p).contains("at most 8", "10 characters"));
        assertThat(UkPostcode.problem("")).contains("the postcode is empty");
        assertThat(UkPostcode.problem("   ")).contains("the postcode is empty");
        assertThat(UkPostcode.problem("SW1A 1AB!"))
                .hasValueSatisfying(p -> assertThat(p).contains("9 characters"));
    }

    @Test
    void lookAlikeLettersAreNotUpperCasedIntoAPostcode() {
        // Java upper-cases the long s to 'S' and the dotless i to 'I'; neither is a postcode letter.
        assertThat(UkPostcode.normalise("\u017fW1A 1AA")).isEmpty();
        assertThat(UkPostcode.normalise("G\u0131R 0AA")).isEmpty();
    }

    @Test
    void nullIsNotValid() {
        assertThat(UkPostcode.isValid(null)).isFalse();
        assertThat(UkPostcode.problem(null)).contains("no value");
        assertThat(UkPostcode.normalise(null)).isEmpty();
    }
}
