package org.linkway.server.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One section of a report as published: rows (period, referring organisation, sub-row),
 * columns (categories), row and column totals, with disclosure control already applied by
 * {@link Suppression#publish(List)} over every section released together.
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
    final Suppression.Published published;

    private ReportTable(Section section, List<Row> rows, List<String> columns, Suppression.Published published) {
        this.section = section;
        this.rows = rows;
        this.columns = columns;
        this.published = published;
    }

    /** Builds the sections' tables from (row, column) counts and publishes them together. */
    static List<ReportTable> publish(List<Section> sections, List<Map<Row, Map<String, Long>>> counts) {
        List<List<Row>> rowsOf = new ArrayList<>();
        List<Suppression.Table> tables = new ArrayList<>();
        for (int s = 0; s < sections.size(); s++) {
            Section section = sections.get(s);
            Map<Row, Map<String, Long>> c = counts.get(s);
            List<String> columns = columns(section, c);
            List<Row> rows = new ArrayList<>(new TreeMap<>(c).keySet());
            long[][] cells = new long[rows.size()][columns.size()];
            List<String> labels = new ArrayList<>();
            List<String> populations = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                Map<String, Long> m = c.get(row);
                for (int j = 0; j < columns.size(); j++) {
                    cells[i][j] = Math.max(0, m.getOrDefault(columns.get(j), 0L));
                }
                labels.add(row.period() + "|" + row.referrerOrg() + "|" + row.rowKey());
                populations.add(
                        Section.PARTITION_REFERRALS.contains(section)
                                ? "referrals|" + row.period() + "|" + row.referrerOrg()
                                : null);
            }
            rowsOf.add(rows);
            tables.add(new Suppression.Table(section.id(), labels, columns, cells, populations));
        }
        List<Suppression.Published> published = Suppression.publish(tables);
        List<ReportTable> out = new ArrayList<>();
        for (int s = 0; s < sections.size(); s++) {
            out.add(new ReportTable(
                    sections.get(s), rowsOf.get(s), published.get(s).columns(), published.get(s)));
        }
        return out;
    }

    private static List<String> columns(Section section, Map<Row, Map<String, Long>> counts) {
        List<String> columns = new ArrayList<>(section.columns());
        TreeMap<String, Boolean> extra = new TreeMap<>();
        counts.values()
                .forEach(m -> m.keySet().forEach(k -> {
                    if (!columns.contains(k)) {
                        extra.put(k, true);
                    }
                }));
        columns.addAll(extra.keySet());
        return columns;
    }

    /** The published value: a rounded count, or a marker ({@link Suppression#SUPPRESSED}, {@link Suppression#WITHHELD}). */
    Object published(int i, int j) {
        return published.value(i, j);
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
