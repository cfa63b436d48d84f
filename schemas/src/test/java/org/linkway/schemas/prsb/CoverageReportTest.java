package org.linkway.schemas.prsb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageReportTest {

    @TempDir
    Path dir;

    private CoverageReport report() throws IOException {
        return new CoverageReport(
                TinySchemas.standard(),
                Json.MAPPER.readTree(TinySchemas.MESSAGES),
                new SchemaWalker(TinySchemas.write(dir)));
    }

    @Test
    void countsAndListsEveryElementWithItsHomes() throws IOException {
        CoverageReport report = report();
        String md = report.render();

        assertThat(report.notPlaced()).extracting(PrsbElement::path).containsExactly("S / Suffix", "T", "T / Lost");
        assertThat(md)
                .contains("| In the standard | 12 | 5 | 7 |")
                .contains("| Placed | 9 | 4 | 5 |")
                .contains("| Not placed | 3 | 1 | 2 |")
                .contains("| [S](#s) | 10 | 9 | 1 | carried |")
                .contains("| [T](#t) | 2 | 0 | 2 | |")
                .contains("| `S / Name` | item | 1..* | M | string (max 35) | Thing: `/section/names` |")
                .contains(
                        "| `S / Where / Coded value` | item | 0..1 | R | string (max 5) | Thing: `/section/where/code` |")
                .contains("| `S / Thing` | group | 0..1 | R |  | Thing: `/section/folded` (folded into its item) |")
                .contains("| `S / Entry / At` | item | 0..1 | R | datetime | Thing: `/section/entries/*/at` |")
                .contains("| `T / Lost` | item | 0..1 | - | string | **not placed** |")
                .contains("(traceability gaps): 3.");
    }

    @Test
    void derivesTheDeliberateDifferencesFromTheData() throws IOException {
        String md = report().render();
        String differences = md.substring(md.indexOf("## Deliberate differences"), md.indexOf("## S\n"));

        assertThat(differences)
                .contains("| `S / Suffix` | 1..* | R | **not placed** |")
                .contains("| `S / Thing` | `S / Thing / Thing` |")
                .doesNotContain("`S / Name`");
    }

    @Test
    void isTheSameEveryTime() throws IOException {
        assertThat(report().render()).isEqualTo(report().render());
    }
}
