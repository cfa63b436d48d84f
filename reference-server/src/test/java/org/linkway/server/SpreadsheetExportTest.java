package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;
import tools.jackson.databind.JsonNode;

/**
 * Reports as XLSX, read back with POI as a commissioner's spreadsheet program would: every section,
 * row and cell the same published value as the JSON report, hidden cells the text {@code *}.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SpreadsheetExportTest {

    @RegisterExtension
    static final LinkwayTestServer server = LinkwayTestServer.sqlite();

    @Test
    void each_report_as_xlsx_holds_exactly_the_published_values_of_the_json() throws IOException {
        // a population of its own besides the demo data: 30 imported referrals, so there are counts both shown and
        // hidden
        SheetClient lw = new SheetClient(server.port(), server.token(Role.LINK_WORKER, "8EC41"));
        byte[] sheet = SchemeSheets.xlsx(SchemeSheets.HEADINGS, SchemeSheets.rows("EXP", 30));
        assertThat(lw.post("/v1/imports", SheetClient.XLSX, sheet).status()).isEqualTo(201);

        SheetClient commissioner = new SheetClient(server.port(), server.token(Role.COMMISSIONER, "QEM"));
        int hiddenSeen = 0;
        int shownSeen = 0;
        for (String report : new String[] {"minimum-dataset", "process-measures"}) {
            String path = "/v1/reports/" + report + "?from=2000-01&to=2040-12&period=year";
            SheetClient.Answer json = commissioner.get(path, "application/json");
            SheetClient.Answer xlsx = commissioner.get(path, SheetClient.XLSX);
            assertThat(json.status()).as(json.text()).isEqualTo(200);
            assertThat(xlsx.status()).isEqualTo(200);
            assertThat(xlsx.header("Content-Type")).startsWith(SheetClient.XLSX);
            assertThat(xlsx.header("Content-Disposition")).contains(report + ".xlsx");

            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                Map<String, Sheet> bySection = new HashMap<>();
                for (int i = 1; i < book.getNumberOfSheets(); i++) {
                    Sheet s = book.getSheetAt(i);
                    bySection.put(s.getRow(0).getCell(1).getStringCellValue(), s);
                }
                assertThat(book.getSheetAt(0).getRow(0).getCell(1).getStringCellValue())
                        .isEqualTo(report);
                JsonNode sections = json.json().path("sections");
                assertThat(bySection).hasSameSizeAs(sections);
                for (JsonNode section : sections) {
                    Sheet s = bySection.get(section.path("id").asString());
                    assertThat(s).as(section.path("id").asString()).isNotNull();
                    Row head = s.getRow(4);
                    int rowIndex = 5;
                    for (JsonNode row : section.path("rows")) {
                        Row r = s.getRow(rowIndex++);
                        assertThat(r.getCell(0).getStringCellValue())
                                .isEqualTo(row.path("period").asString());
                        assertThat(r.getCell(1).getStringCellValue())
                                .isEqualTo(row.path("referrerOrg").asString());
                        for (int c = 3; c < head.getLastCellNum() - 1; c++) {
                            JsonNode expected =
                                    row.path("cells").path(head.getCell(c).getStringCellValue());
                            if (expected.isString()) {
                                hiddenSeen++;
                            } else {
                                shownSeen++;
                            }
                            assertSame(
                                    expected, r.getCell(c), section.path("id").asString());
                        }
                        assertSame(row.path("total"), r.getCell(head.getLastCellNum() - 1), "row total");
                    }
                    Row totals = s.getRow(rowIndex);
                    assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("all");
                    for (int c = 3; c < head.getLastCellNum() - 1; c++) {
                        assertSame(
                                section.path("totals")
                                        .path("cells")
                                        .path(head.getCell(c).getStringCellValue()),
                                totals.getCell(c),
                                "column total");
                    }
                    assertThat(s.getRow(rowIndex + 1))
                            .as("nothing after the totals")
                            .isNull();
                }
            }
        }
        assertThat(hiddenSeen).as("suppressed cells compared").isPositive();
        assertThat(shownSeen).as("shown cells compared").isPositive();
    }

    /** A published value: a number cell for a count, the text "*" for a hidden one; never a number where "*" is. */
    private static void assertSame(JsonNode expected, Cell cell, String where) {
        if (expected.isString()) {
            assertThat(cell.getCellType()).as(where).isEqualTo(CellType.STRING);
            assertThat(cell.getStringCellValue()).as(where).isEqualTo(expected.asString());
        } else {
            assertThat(cell.getCellType()).as(where).isEqualTo(CellType.NUMERIC);
            assertThat((long) cell.getNumericCellValue()).as(where).isEqualTo(expected.asLong());
        }
    }
}
