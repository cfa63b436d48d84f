package org.linkway.schemas.prsb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class LengthOverridesTest {

    private static final String REFERRER_CODE =
            "Referral details / Referral details record entry / Referrer details / Organisation / Coded value";

    @TempDir
    Path dir;

    private LengthOverrides load(String rows) throws IOException {
        Path tsv = dir.resolve("lengths.tsv");
        Files.writeString(tsv, "# comment\npath\tmax_length\treason\n" + rows);
        return LengthOverrides.load(tsv, PrsbStandard.v1_1());
    }

    @Test
    void theCommittedFileLetsEveryOdsCodedValueHoldAGpPracticeCode() {
        LengthOverrides lengths = LengthOverrides.load(Path.of(LengthOverrides.FILE), PrsbStandard.v1_1());
        // every PRSB element whose value set is the Organisation Data Service and whose length is 5
        var odsCoded = PrsbStandard.v1_1().elements().stream()
                .filter(e -> e.valueSet().toLowerCase(Locale.ROOT).contains("organisation data service")
                        && e.maxLength().orElse(-1) == 5)
                .toList();
        assertThat(odsCoded).hasSize(6);
        assertThat(odsCoded).allSatisfy(e -> assertThat(lengths.maxLength(e)).hasValue(6));
        var odsOverrides = lengths.all().stream()
                .filter(o -> o.element().valueSet().toLowerCase(Locale.ROOT).contains("organisation data service"))
                .toList();
        assertThat(odsOverrides)
                .extracting(o -> o.element().path())
                .containsExactlyInAnyOrderElementsOf(
                        odsCoded.stream().map(PrsbElement::path).toList());
        assertThat(odsOverrides).allSatisfy(o -> assertThat(o.reason()).contains("Y03146", "LW-ODS-CODE"));
    }

    @Test
    void theCommittedFileGivesHouseholdEnvironmentTheLengthOfTheOtherSocialContextFreeText() {
        LengthOverrides lengths = LengthOverrides.load(Path.of(LengthOverrides.FILE), PrsbStandard.v1_1());
        PrsbElement household = PrsbStandard.v1_1()
                .element("Social context / Household environment / Household environment")
                .orElseThrow();
        assertThat(household.maxLength())
                .as("PRSB's own, evidently copied from an ODS code")
                .hasValue(5);
        assertThat(lengths.maxLength(household)).hasValue(150);
        var otherFreeText = PrsbStandard.v1_1().elements().stream()
                .filter(e -> e.section().equals("Social context") && "text".equals(e.valueType()) && e != household)
                .map(e -> e.maxLength().orElse(-1))
                .distinct()
                .toList();
        assertThat(otherFreeText).containsExactly(150);
    }

    @Test
    void elementsWithoutAnOverrideKeepTheStandardsLength() throws IOException {
        LengthOverrides lengths = load(REFERRER_CODE + "\t6\tbecause\n");
        PrsbElement gp = PrsbStandard.v1_1()
                .element("GP practice / GP practice record entry / GP practice identifier")
                .orElseThrow();
        assertThat(lengths.maxLength(gp)).hasValue(6);
        assertThat(lengths.maxLength(PrsbStandard.v1_1().element(REFERRER_CODE).orElseThrow()))
                .hasValue(6);
        assertThat(LengthOverrides.none()
                        .maxLength(PrsbStandard.v1_1().element(REFERRER_CODE).orElseThrow()))
                .hasValue(5);
    }

    @Test
    void aPathTheStandardDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> load("Referral details / Nowhere\t6\tbecause\n"))
                .hasMessageContaining("line 3")
                .hasMessageContaining("'Referral details / Nowhere' is not a PRSB element");
    }

    @Test
    void anOverrideWithoutAReasonOrEqualToTheStandardIsRefused() {
        assertThatThrownBy(() -> load(REFERRER_CODE + "\t6\t\n")).hasMessageContaining("a reason");
        assertThatThrownBy(() -> load(REFERRER_CODE + "\t5\tbecause\n"))
                .hasMessageContaining("the standard's own length");
        assertThatThrownBy(() -> load("Referral details / Referral details record entry / Date\t20\tbecause\n"))
                .hasMessageContaining("no maximum length to depart from");
    }
}
