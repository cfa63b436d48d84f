package org.linkway.server.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One section of a report as published: rows (period, referring organisation, sub-row),
 * columns (categories), row and column totals, with the suppressed entries already hidden.
 */
final class ReportTable {

    record Row(String period, String referrerOrg, String rowKey) implements Comparable<Row> {
        @Override
        public int compareTo(Row o) {
            int c = period.compareTo(o.period);
            if (c == 0) {
                c = referrerOrg.compareTo(o.referrerOrg);
            }
            return c != 0 ? c : rowKey.compareTo(o.rowKey);
        }
    }

    final Section section;
    final List<Row> rows;
    final List<String> columns;
    /** Rows + 1 by columns + 1: the last row is the column totals, the last column the row totals. */
    final long[][] values;

    final boolean[][] hidden;

    private ReportTable(Section section, List<Row> rows, List<String> columns, long[][] values, boolean[][] hidden) {
        this.section = section;
        this.rows = rows;
        this.columns = columns;
        this.values = values;
        this.hidden = hidden;
    }

    /** Builds and suppresses a table from (row, column) counts. */
    static ReportTable of(Section section, Map<Row, Map<String, Long>> counts) {
        List<String> columns = new ArrayList<>(section.columns());
        TreeMap<String, Boolean> extra = new TreeMap<>();
        counts.values()
                .forEach(m -> m.keySet().forEach(k -> {
                    if (!columns.contains(k)) {
                        extra.put(k, true);
                    }
                }));
        columns.addAll(extra.keySet());
        List<Row> rows = new ArrayList<>(new TreeMap<>(counts).keySet());
        long[][] cells = new long[rows.size()][columns.size()];
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Long> m = counts.get(rows.get(i));
            for (int j = 0; j < columns.size(); j++) {
                cells[i][j] = m.getOrDefault(columns.get(j), 0L);
            }
        }
        return new ReportTable(
                section,
                rows,
                columns,
                Suppression.withTotals(cells, columns.size()),
                Suppression.hide(cells, columns.size()));
    }

    /** The published value: the count, or "*" where suppressed. */
    Object published(int i, int j) {
        return hidden[i][j] ? "*" : (Object) values[i][j];
    }

    /** Cells of one published row as column to value, in column order. */
    Map<String, Object> publishedRow(int i) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int j = 0; j < columns.size(); j++) {
            m.put(columns.get(j), published(i, j));
        }
        return m;
    }
}
