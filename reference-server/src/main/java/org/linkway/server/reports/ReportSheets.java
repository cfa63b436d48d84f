package org.linkway.server.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A report as an XLSX workbook: a first sheet saying what the report is and how small numbers are
 * hidden, then one sheet per section laid out as the JSON's table (rows, a column per category, the
 * row totals, the column totals last). Every number is the published one the JSON and CSV carry:
 * hidden cells are the text {@code *}, never the count.
 */
final class ReportSheets {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private ReportSheets() {}

    static byte[] xlsx(String report, ReportRoutes.Query q, long eventsUpTo, List<ReportTable> tables) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet about = book.createSheet("report");
            int r = 0;
            pair(about, r++, "report", report);
            pair(about, r++, "from", q.from().toString());
            pair(about, r++, "to", q.to().toString());
            pair(about, r++, "period", q.period().name().toLowerCase(Locale.ROOT));
            if (q.referrerOrg() != null) {
                pair(about, r++, "referrerOrg", q.referrerOrg());
            }
            pair(about, r++, "eventsUpTo", Long.toString(eventsUpTo));
            pair(about, r++, "suppression", Suppression.RULE);
            Set<String> names = new HashSet<>(Set.of("report"));
            for (ReportTable t : tables) {
                section(book.createSheet(sheetName(t.section.id(), names)), t);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Excel's rules: at most 31 characters, none of []:*?/\, unique in the workbook. */
    static String sheetName(String id, Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(id);
        String name = base;
        for (int i = 2; !taken.add(name.toLowerCase(Locale.ROOT)); i++) {
            String suffix = "~" + i;
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }

    private static void section(Sheet sheet, ReportTable t) {
        pair(sheet, 0, "section", t.section.id());
        pair(sheet, 1, "title", t.section.title());
        pair(sheet, 2, "unit", t.section.unit());
        Row head = sheet.createRow(4);
        int c = 0;
        for (String h : List.of("period", "referrerOrg", "rowKey")) {
            text(head.createCell(c++), h);
        }
        for (String col : t.columns) {
            text(head.createCell(c++), col);
        }
        text(head.createCell(c), "total");
        for (int i = 0; i <= t.rows.size(); i++) {
            boolean totals = i == t.rows.size();
            Row row = sheet.createRow(5 + i);
            ReportTable.Row tr = totals ? null : t.rows.get(i);
            text(row.createCell(0), totals ? "all" : tr.period());
            text(row.createCell(1), totals ? "all" : tr.referrerOrg());
            text(row.createCell(2), totals ? "" : tr.rowKey());
            for (int j = 0; j <= t.columns.size(); j++) {
                Object v = t.published(i, j);
                Cell cell = row.createCell(3 + j);
                if (v instanceof Long n) {
                    cell.setCellValue(n);
                } else {
                    text(cell, v.toString());
                }
            }
        }
    }

    private static void pair(Sheet sheet, int r, String key, String value) {
        Row row = sheet.createRow(r);
        text(row.createCell(0), key);
        text(row.createCell(1), value);
    }

    /** Text cells are never formulas in XLSX, but a copy pasted or saved as CSV may become one: neutralised as in CSV. */
    private static void text(Cell cell, String v) {
        cell.setCellValue(SafeText.neutralise(v));
    }
}
