package org.linkway.server.sheets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Json;
import org.linkway.server.referral.ReferralService;
import org.linkway.validation.Finding;
import org.linkway.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a sheet's rows into checked referrals, with a finding for every heading, row and cell that
 * does not fit. Checks only: nothing is stored here.
 */
final class RowPlanner {

    /** A row that makes a referral: its key, and the referral checked as {@code POST /v1/referrals} checks one. */
    record Planned(int row, String key, String referrerReferralId, ReferralService.Checked referral) {}

    /** A row already imported, by its key. */
    record Known(int row, String key, String referralId) {}

    private final ReferralService referrals;
    private final ColumnMapping mapping;
    private final String organisation;
    final List<RowFinding> findings = new ArrayList<>();
    final List<Planned> planned = new ArrayList<>();
    final List<Known> known = new ArrayList<>();

    RowPlanner(ReferralService referrals, ColumnMapping mapping, String organisation) {
        this.referrals = referrals;
        this.mapping = mapping;
        this.organisation = organisation;
    }

    boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    /**
     * Plans every row; {@code imported} gives, of the rows' keys, those already imported, so they are
     * named and skipped, not checked again.
     */
    void plan(Sheet sheet, java.util.function.Function<List<String>, Map<String, String>> imported) {
        Map<String, RowFinding.Column> byHeading = headings(sheet.headings());
        if (hasErrors()) {
            return; // without its columns no row can be read
        }
        Map<Integer, String> keys = new LinkedHashMap<>();
        Map<String, Integer> firstWithKey = new HashMap<>();
        for (Sheet.Row row : sheet.rows()) {
            String key = key(row, byHeading);
            if (key == null) {
                continue;
            }
            Integer earlier = firstWithKey.putIfAbsent(key, row.number());
            if (earlier != null) {
                findings.add(new RowFinding(
                        row.number(),
                        "",
                        "",
                        Severity.ERROR,
                        "LW-IMPORT-KEY-REPEATED",
                        "the same " + String.join(", ", mapping.sourceKey()) + " as row " + earlier
                                + ": one row per referral"));
                continue;
            }
            keys.put(row.number(), key);
        }
        Map<String, String> done = imported.apply(List.copyOf(keys.values()));
        for (Sheet.Row row : sheet.rows()) {
            String key = keys.get(row.number());
            if (key == null) {
                continue;
            }
            if (done.containsKey(key)) {
                known.add(new Known(row.number(), key, done.get(key)));
            } else {
                plan(row, key, byHeading);
            }
        }
    }

    /** Which column each mapped heading is in; a required one missing, or a heading twice, is an error. */
    private Map<String, RowFinding.Column> headings(List<String> headings) {
        Map<String, RowFinding.Column> at = new HashMap<>();
        Map<String, ColumnMapping.Spec> mapped = new HashMap<>();
        mapping.columns().forEach(s -> mapped.put(ColumnMapping.fold(s.heading()), s));
        for (int i = 0; i < headings.size(); i++) {
            String h = headings.get(i) == null ? "" : headings.get(i).strip();
            if (h.isEmpty()) {
                continue;
            }
            RowFinding.Column col = new RowFinding.Column(h, i);
            if (at.putIfAbsent(ColumnMapping.fold(h), col) != null) {
                findings.add(RowFinding.error(
                        1,
                        col,
                        "LW-IMPORT-HEADING-REPEATED",
                        "the heading '" + h + "' is in two columns; the mapping cannot tell which to read"));
            } else if (!mapped.containsKey(ColumnMapping.fold(h))) {
                findings.add(new RowFinding(
                        1,
                        h,
                        col.cell(1),
                        Severity.WARNING,
                        "LW-IMPORT-HEADING-UNMAPPED",
                        "not in the mapping '" + mapping.name() + "': its cells are not imported"));
            }
        }
        for (ColumnMapping.Spec s : mapping.columns()) {
            if (s.required() && s.fallback() == null && !at.containsKey(ColumnMapping.fold(s.heading()))) {
                findings.add(new RowFinding(
                        1,
                        s.heading(),
                        "",
                        Severity.ERROR,
                        "LW-IMPORT-HEADING-MISSING",
                        "the mapping '" + mapping.name() + "' needs a column headed '" + s.heading() + "'"));
            }
        }
        return at;
    }

    /** The row's import key, or null (with an error) when a cell that identifies it is blank. */
    private String key(Sheet.Row row, Map<String, RowFinding.Column> byHeading) {
        List<String> cells = new ArrayList<>();
        if (mapping.sourceKey().isEmpty()) {
            for (ColumnMapping.Spec s : mapping.columns()) {
                cells.add(cell(row, byHeading.get(ColumnMapping.fold(s.heading()))));
            }
        } else {
            for (String heading : mapping.sourceKey()) {
                RowFinding.Column col = byHeading.get(ColumnMapping.fold(heading));
                String v = cell(row, col);
                if (v.isEmpty()) {
                    findings.add(RowFinding.error(
                            row.number(),
                            col == null ? new RowFinding.Column(heading, -1) : col,
                            "LW-IMPORT-KEY-MISSING",
                            "blank, but it identifies the row (so a second import of the file adds nothing twice)"));
                    return null;
                }
                cells.add(v);
            }
        }
        return ImportRows.key(organisation, mapping.name(), cells);
    }

    private static String cell(Sheet.Row row, RowFinding.Column col) {
        return col == null ? "" : row.cell(col.index()).strip();
    }

    private void plan(Sheet.Row row, String key, Map<String, RowFinding.Column> byHeading) {
        ObjectNode doc = ReferralShape.start();
        mapping.fixed().forEach((pointer, value) -> ReferralShape.set(doc, pointer, value));
        boolean cellErrors = false;
        Map<String, RowFinding.Column> byPointer = new LinkedHashMap<>();
        for (ColumnMapping.Spec s : mapping.columns()) {
            RowFinding.Column col =
                    byHeading.getOrDefault(ColumnMapping.fold(s.heading()), new RowFinding.Column(s.heading(), -1));
            byPointer.put(s.to(), col);
            try {
                String v = Cells.read(s, cell(row, col));
                if (v != null) {
                    ReferralShape.set(doc, s.to(), v);
                }
            } catch (Cells.Rejected e) {
                findings.add(RowFinding.error(row.number(), col, e.ruleId, e.getMessage()));
                cellErrors = true;
            }
        }
        ReferralShape.set(doc, ReferralShape.ADDRESSEE, organisation);
        if (cellErrors) {
            return; // the referral is not whole; its rule findings would only repeat the cells'
        }
        try {
            ReferralService.Checked checked = referrals.check(Json.write(doc).getBytes(StandardCharsets.UTF_8));
            planned.add(new Planned(
                    row.number(), key, doc.path("referrerReferralId").asString(null), checked));
        } catch (ApiProblem p) {
            if (p.findings().isEmpty()) {
                findings.add(new RowFinding(row.number(), "", "", Severity.ERROR, "LW-IMPORT-REFERRAL", p.detail()));
            }
            for (Finding f : p.findings()) {
                RowFinding.Column col = columnOf(f.pointer(), byPointer);
                findings.add(new RowFinding(
                        row.number(),
                        col.heading(),
                        col.cell(row.number()),
                        f.severity(),
                        f.ruleId(),
                        f.message()
                                + (col.index() < 0 ? " (at " + f.pointer() + " of the referral the row makes)" : "")));
            }
        }
    }

    /**
     * The column whose place in the referral holds the pointer a finding names (the deepest such);
     * failing that, the one column under it (a finding about a whole section that one column fills).
     */
    private static RowFinding.Column columnOf(String pointer, Map<String, RowFinding.Column> byPointer) {
        RowFinding.Column best = RowFinding.Column.NONE;
        int bestLength = -1;
        RowFinding.Column under = null;
        int underCount = 0;
        for (Map.Entry<String, RowFinding.Column> e : byPointer.entrySet()) {
            String to = e.getKey();
            if (e.getValue().index() < 0) {
                continue;
            }
            if ((pointer.equals(to) || pointer.startsWith(to + "/")) && to.length() > bestLength) {
                best = e.getValue();
                bestLength = to.length();
            } else if (to.startsWith(pointer + "/")) {
                under = e.getValue();
                underCount++;
            }
        }
        return bestLength < 0 && underCount == 1 ? under : best;
    }
}
