package org.linkway.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnomedConceptIdTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "871731000000106",
                "871711000000103",
                "281694009",
                "273249006",
                "363787002",
                "160625004",
                "224484003",
                "1127531000000102",
                "138875005",
                "404684003",
                "71388002",
                "373873005",
                "900000000000441003",
                "900000000000003001",
            })
    void acceptsRealConceptIds(String sctid) {
        assertThat(SnomedConceptId.problem(sctid)).isEmpty();
        assertThat(SnomedConceptId.isValid(sctid)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "871731000000106",
                "281694009",
                "1127531000000102",
                "404684003",
                "900000000000441003",
            })
    void withCheckDigitReproducesRealConceptIds(String sctid) {
        assertThat(SnomedConceptId.withCheckDigit(sctid.substring(0, sctid.length() - 1)))
                .isEqualTo(sctid);
    }

    @Test
    void wrongCheckDigitNamesExpectedAndActual() {
        assertThat(SnomedConceptId.isValid("871731000000107")).isFalse();
        assertThat(SnomedConceptId.problem("871731000000107")).contains("the check digit should be 6, not 7");
    }

    @Test
    void descriptionAndRelationshipIdsAreNamedAsSuch() {
        assertThat(problemOfTheOnlyCheckDigitPassingId("28169401")).contains("description", "not a concept", "01");
        assertThat(problemOfTheOnlyCheckDigitPassingId("87173100000011"))
                .contains("description", "not a concept", "11");
        assertThat(problemOfTheOnlyCheckDigitPassingId("28169402")).contains("relationship", "not a concept", "02");
        assertThat(problemOfTheOnlyCheckDigitPassingId("87173100000012"))
                .contains("relationship", "not a concept", "12");
        assertThat(problemOfTheOnlyCheckDigitPassingId("28169405")).contains("partition identifier", "05");
    }

    @Test
    void lengthLeadingZeroAndNonDigitsAreReported() {
        assertThat(SnomedConceptId.problem("12345"))
                .hasValueSatisfying(p -> assertThat(p).contains("6 to 18", "5 digits"));
        assertThat(SnomedConceptId.problem("1234567890123456789"))
                .hasValueSatisfying(p -> assertThat(p).contains("19 digits"));
        assertThat(SnomedConceptId.problem("0281694009"))
                .hasValueSatisfying(p -> assertThat(p).contains("starts with 0"));
        assertThat(SnomedConceptId.problem("281694009 "))
                .hasValueSatisfying(p -> assertThat(p).contains("character 10", "a space"));
        assertThat(SnomedConceptId.problem("28169400\u0669"))
                .hasValueSatisfying(p -> assertThat(p).contains("U+0669"));
    }

    @Test
    void nullIsNotValid() {
        assertThat(SnomedConceptId.isValid(null)).isFalse();
        assertThat(SnomedConceptId.problem(null)).contains("no value");
    }

    @Test
    void withCheckDigitRefusesWhatCouldNeverBeAConceptId() {
        for (String bad :
                new String[] {null, "", "1234", "123456789012345678", "0281694000", "2816940x0", "28169401"}) {
            assertThatThrownBy(() -> SnomedConceptId.withCheckDigit(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** Appends each of the ten possible check digits and returns the problem of the one Verhoeff accepts. */
    private static String problemOfTheOnlyCheckDigitPassingId(String withoutCheck) {
        List<String> nonCheckDigitProblems = new ArrayList<>();
        for (char check = '0'; check <= '9'; check++) {
            String problem = SnomedConceptId.problem(withoutCheck + check).orElseThrow();
            if (!problem.startsWith("the check digit should be")) {
                nonCheckDigitProblems.add(problem);
            }
        }
        assertThat(nonCheckDigitProblems).hasSize(1);
        return nonCheckDigitProblems.get(0);
    }
}
