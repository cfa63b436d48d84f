package org.linkway.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Exported text that a spreadsheet would run as a formula (CSV injection) reaches the file as text:
 * an organisation or row key beginning with = + - @ gets a leading apostrophe, in CSV and in XLSX,
 * and counts stay numbers.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class SafeTextTest {

    @Test
    void formula_starters_are_neutralised_and_other_text_is_not_touched() {
        assertThat(SafeText.neutralise("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(SafeText.neutralise("+44 1632 960000")).isEqualTo("'+44 1632 960000");
        assertThat(SafeText.neutralise("-2+3")).isEqualTo("'-2+3");
        assertThat(SafeText.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SafeText.neutralise("\tcmd")).isEqualTo("'\tcmd");
        assertThat(SafeText.neutralise("RX9E2")).isEqualTo("RX9E2");
        assertThat(SafeText.neutralise("")).isEmpty();
    }

    @Test
    void a_hostile_organisation_name_in_a_report_is_text_in_csv_and_xlsx() throws IOException {
        Section section = Section.MINIMUM_DATASET.get(0);
        String column = section.columns().get(0);
        ReportTable table = ReportTable.publish(
                        List.of(section),
                        List.of(Map.of(new ReportTable.Row("2026-11", "=cmd|'/c calc'!A1", ""), Map.of(column, 12L))))
                .get(0);

        String csv = ReportFormat.csv(List.of(table));
        assertThat(csv).contains(",'=cmd|'/c calc'!A1,").doesNotContain(",=cmd");

        ReportRoutes.Query q =
                new ReportRoutes.Query(YearMonth.of(2026, 11), YearMonth.of(2026, 11), null, ReportRoutes.Period.MONTH);
        try (XSSFWorkbook book = new XSSFWorkbook(
                new ByteArrayInputStream(ReportSheets.xlsx("minimum-dataset", q, 1, List.of(table))))) {
            var row = book.getSheetAt(1).getRow(5);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("'=cmd|'/c calc'!A1");
            assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(10.0);
        }
    }
}
