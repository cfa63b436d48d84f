package org.linkway.server.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The joint check behind {@link Suppression}: what a reader who knows the method can work out
 * from every table released together. The reader knows that no count is negative, which counts
 * are 0, that a suppressed count lies from 1 to 7, that a count shown as {@code r} lies within
 * half a base of {@code r} (and is at least {@link Suppression#SMALLEST_SHOWN}), and that rows
 * counting the same population add up to the same true total in every table. A suppressed
 * count is given away when these facts leave it one possible value; then the row holding it is
 * withheld, and the check runs again, until nothing is given away.
 */
final class Disclosure {

    /** A suppressed count a reader could work out: table, row and column. */
    record Cell(int table, int row, int column) {}

    private Disclosure() {}

    /** Which rows of which tables to withhold: {@code [table][row]}. */
    static boolean[][] withhold(List<Suppression.Table> tables) {
        boolean[][] withheld = new boolean[tables.size()][];
        for (int t = 0; t < tables.size(); t++) {
            withheld[t] = new boolean[tables.get(t).rows().size()];
        }
        // each round withholds at least one more row, so this ends, at worst with every shared row withheld
        while (true) {
            List<Cell> given = determined(tables, withheld);
            if (given.isEmpty()) {
                return withheld;
            }
            given.forEach(c -> withheld[c.table()][c.row()] = true);
        }
    }

    /** The suppressed counts, in rows not withheld, that the published tables pin to one value. */
    static List<Cell> determined(List<Suppression.Table> tables, boolean[][] withheld) {
        Map<String, List<int[]>> byPopulation = new LinkedHashMap<>();
        for (int t = 0; t < tables.size(); t++) {
            List<String> populations = tables.get(t).populations();
            for (int i = 0; i < populations.size(); i++) {
                if (populations.get(i) != null && !withheld[t][i]) {
                    byPopulation
                            .computeIfAbsent(populations.get(i), k -> new ArrayList<>())
                            .add(new int[] {t, i});
                }
            }
        }
        // a row in no shared population stands alone: its only equation is its own total, which is summed from the
        // values shown and so adds nothing; a suppressed count there keeps all seven values
        List<Cell> out = new ArrayList<>();
        for (List<int[]> rows : byPopulation.values()) {
            if (rows.size() > 1) {
                out.addAll(determined(tables, rows));
            }
        }
        return out;
    }

    private static List<Cell> determined(List<Suppression.Table> tables, List<int[]> rows) {
        IntervalSolver s = new IntervalSolver();
        int total = s.variable(0, IntervalSolver.UNBOUNDED);
        List<Cell> suppressed = new ArrayList<>();
        List<Integer> suppressedVars = new ArrayList<>();
        for (int[] tr : rows) {
            Suppression.Table table = tables.get(tr[0]);
            int[] parts = new int[table.columns().size()];
            for (int j = 0; j < parts.length; j++) {
                long n = table.cell(tr[1], j);
                long[] b = readerBounds(n);
                parts[j] = s.variable(b[0], b[1]);
                if (Suppression.SUPPRESSED.equals(Suppression.count(n))) {
                    suppressed.add(new Cell(tr[0], tr[1], j));
                    suppressedVars.add(parts[j]);
                }
            }
            s.sum(total, parts);
        }
        long[][] bounds = s.solve();
        if (bounds == null) {
            // true counts always satisfy their own equations; rows that do not were mislabelled as one population, and
            // withholding all of them is the safe answer
            List<Cell> all = new ArrayList<>();
            rows.forEach(tr -> all.add(new Cell(tr[0], tr[1], 0)));
            return all;
        }
        List<Cell> out = new ArrayList<>();
        for (int k = 0; k < suppressed.size(); k++) {
            int v = suppressedVars.get(k);
            if (bounds[0][v] == bounds[1][v]) {
                out.add(suppressed.get(k));
            }
        }
        return out;
    }

    /** What a reader knows of a count from how it is published. */
    static long[] readerBounds(long n) {
        Object shown = Suppression.count(n);
        if (shown instanceof Long r) {
            if (r == 0) {
                return new long[] {0, 0};
            }
            return new long[] {Math.max(Suppression.SMALLEST_SHOWN, r - Suppression.BASE / 2), r + Suppression.BASE / 2
            };
        }
        return new long[] {1, Suppression.SMALLEST_SHOWN - 1};
    }
}
