package org.linkway.server.reports;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.linkway.server.http.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes suppressed report tables as JSON or as CSV (one line per published number). */
final class ReportFormat {

    static final String CSV_HEADER = "section,period,referrer_org,row_key,category,value";

    private ReportFormat() {}

    static ObjectNode json(String report, ReportRoutes.Query q, long eventsUpTo, List<ReportTable> tables) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("report", report);
        out.put("from", q.from().toString());
        out.put("to", q.to().toString());
        out.put("period", q.period().name().toLowerCase(Locale.ROOT));
        if (q.referrerOrg() != null) {
            out.put("referrerOrg", q.referrerOrg());
        }
        out.put("eventsUpTo", eventsUpTo);
        ObjectNode sup = out.putObject("suppression");
        sup.put("method", Suppression.METHOD);
        sup.put("marker", Suppression.SUPPRESSED);
        sup.put("withheldMarker", Suppression.WITHHELD);
        sup.put("smallestShown", Suppression.SMALLEST_SHOWN);
        sup.put("roundingBase", Suppression.BASE);
        sup.put("rule", Suppression.RULE);
        ArrayNode sections = out.putArray("sections");
        for (ReportTable t : tables) {
            ObjectNode s = sections.addObject();
            s.put("id", t.section.id());
            s.put("title", t.section.title());
            s.put("unit", t.section.unit());
            ArrayNode cols = s.putArray("columns");
            t.columns.forEach(cols::add);
            ArrayNode rows = s.putArray("rows");
            for (int i = 0; i < t.rows.size(); i++) {
                ReportTable.Row r = t.rows.get(i);
                ObjectNode row = rows.addObject();
                row.put("period", r.period());
                row.put("referrerOrg", r.referrerOrg());
                if (!r.rowKey().isEmpty()) {
                    row.put("rowKey", r.rowKey());
                }
                putCells(row.putObject("cells"), t.publishedRow(i));
                putValue(row, "total", t.published(i, t.columns.size()));
            }
            ObjectNode totals = s.putObject("totals");
            putCells(totals.putObject("cells"), t.publishedRow(t.rows.size()));
            putValue(totals, "total", t.published(t.rows.size(), t.columns.size()));
        }
        return out;
    }

    private static void putCells(ObjectNode node, Map<String, Object> cells) {
        cells.forEach((k, v) -> putValue(node, k, v));
    }

    private static void putValue(ObjectNode node, String key, Object v) {
        if (v instanceof Long n) {
            node.put(key, n);
        } else {
            node.put(key, v.toString());
        }
    }

    static String csv(List<ReportTable> tables) {
        StringBuilder b = new StringBuilder(CSV_HEADER).append("\r\n");
        for (ReportTable t : tables) {
            for (int i = 0; i <= t.rows.size(); i++) {
                boolean totals = i == t.rows.size();
                ReportTable.Row r = totals ? null : t.rows.get(i);
                for (int j = 0; j <= t.columns.size(); j++) {
                    b.append(escape(t.section.id()))
                            .append(',')
                            .append(escape(totals ? "all" : r.period()))
                            .append(',')
                            .append(escape(totals ? "all" : r.referrerOrg()))
                            .append(',')
                            .append(escape(totals ? "" : r.rowKey()))
                            .append(',')
                            .append(escape(j == t.columns.size() ? "total" : t.columns.get(j)))
                            .append(',')
                            .append(t.published(i, j))
                            .append("\r\n");
                }
            }
        }
        return b.toString();
    }

    /** Quoted where CSV needs it, and never a formula when a spreadsheet opens the file ({@link SafeText}). */
    static String escape(String raw) {
        String v = SafeText.neutralise(raw);
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
