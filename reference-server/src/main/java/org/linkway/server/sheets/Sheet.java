package org.linkway.server.sheets;

import java.util.List;

/**
 * A spreadsheet as read: the heading row and the data rows, every cell as text (dates in XLSX
 * cells as ISO dates, numbers in plain notation). Blank rows are left out; each row keeps the number
 * the spreadsheet gave it, so findings name the row a person sees.
 */
record Sheet(List<String> headings, List<Row> rows) {

    /** One data row: its spreadsheet row number and its cells, by column position ({@code null} past the last). */
    record Row(int number, List<String> cells) {

        String cell(int index) {
            return index >= 0 && index < cells.size() && cells.get(index) != null ? cells.get(index) : "";
        }
    }
}
