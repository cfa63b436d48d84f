package org.linkway.server.sheets;

import org.linkway.validation.Finding;
import org.linkway.validation.Severity;

/**
 * Something about one row, or one cell, of an imported spreadsheet.
 *
 * @param row      the row as the spreadsheet numbers it (the heading row is 1)
 * @param column   the column's heading, or {@code ""} for the row as a whole
 * @param cell     the cell's reference (e.g. {@code C5}), or {@code ""} for the row as a whole
 * @param severity an error stops the import; a warning does not
 * @param ruleId   {@code LW-IMPORT-*}, or the validator's rule when the referral the row makes breaks one
 * @param message  what is wrong and how to put it right
 */
public record RowFinding(int row, String column, String cell, Severity severity, String ruleId, String message) {

    static RowFinding error(int row, Column column, String ruleId, String message) {
        return new RowFinding(row, column.heading(), column.cell(row), Severity.ERROR, ruleId, message);
    }

    /** "row 5, column 'NHS Number' (C5)" or "row 5". */
    String where() {
        return "row " + row
                + (column.isEmpty() ? "" : ", column '" + column + "'" + (cell.isEmpty() ? "" : " (" + cell + ")"));
    }

    /**
     * As a problem document's finding: the pointer is {@code /rows/<row>/<heading>} (JSON pointer escaped),
     * the message names the row, column and cell.
     */
    Finding asFinding() {
        String pointer = "/rows/" + row
                + (column.isEmpty() ? "" : "/" + column.replace("~", "~0").replace("/", "~1"));
        return new Finding(severity, ruleId, pointer, "", where() + ": " + message);
    }

    /** A column of the sheet: its heading and its position (0 is A). */
    record Column(String heading, int index) {

        static final Column NONE = new Column("", -1);

        String cell(int row) {
            return index < 0 ? "" : letters(index) + row;
        }

        static String letters(int index) {
            StringBuilder b = new StringBuilder();
            for (int i = index + 1; i > 0; i = (i - 1) / 26) {
                b.insert(0, (char) ('A' + (i - 1) % 26));
            }
            return b.toString();
        }
    }
}
