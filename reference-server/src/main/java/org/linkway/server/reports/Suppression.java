package org.linkway.server.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small-number suppression for a table of counts published with its row totals, column totals
 * and grand total.
 *
 * <p>Primary: every count from 1 to 4, cells and totals alike, is hidden. Secondary, repeated
 * until nothing changes:
 * <ol>
 * <li>no row or column (totals included) may hide exactly one entry, or it could be recovered by
 * subtraction;</li>
 * <li>where a line's total is shown, the hidden cells of that line must add up to 5 or more, or
 * their sum would itself be a small number;</li>
 * <li>no hidden entry may be determined exactly by the table's equations taken together (a
 * Gaussian elimination over the hidden entries of each connected group of lines).</li>
 * </ol>
 * Each time, the next entry hidden is the smallest non-zero count in the line still shown
 * (zeros are never hidden unless nothing else is left, then the line's total is).
 */
final class Suppression {

    static final int THRESHOLD = 5;

    private Suppression() {}

    /**
     * @param cells counts, rows by columns (non-negative)
     * @return which entries of the full table to hide: {@code rows + 1} by {@code columns + 1},
     *         the last row holding the column totals and the last column the row totals
     */
    static boolean[][] hide(long[][] cells, int columns) {
        int r = cells.length;
        long[][] m = withTotals(cells, columns);
        boolean[][] hidden = new boolean[r + 1][columns + 1];
        for (int i = 0; i <= r; i++) {
            for (int j = 0; j <= columns; j++) {
                hidden[i][j] = m[i][j] >= 1 && m[i][j] < THRESHOLD;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i <= r; i++) {
                changed |= protectLine(m, hidden, true, i);
            }
            for (int j = 0; j <= columns; j++) {
                changed |= protectLine(m, hidden, false, j);
            }
            if (!changed) {
                changed = protectDetermined(m, hidden);
            }
        }
        return hidden;
    }

    static long[][] withTotals(long[][] cells, int columns) {
        int r = cells.length;
        long[][] m = new long[r + 1][columns + 1];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < columns; j++) {
                m[i][j] = cells[i][j];
                m[i][columns] += cells[i][j];
                m[r][j] += cells[i][j];
                m[r][columns] += cells[i][j];
            }
        }
        return m;
    }

    /** Rules 1 and 2 for one row ({@code row} true) or column; true if it hid something. */
    private static boolean protectLine(long[][] m, boolean[][] hidden, boolean row, int index) {
        int n = row ? m[0].length : m.length;
        int count = 0;
        long sum = 0;
        for (int k = 0; k < n - 1; k++) {
            if (at(hidden, row, index, k)) {
                count++;
                sum += at(m, row, index, k);
            }
        }
        boolean totalHidden = at(hidden, row, index, n - 1);
        int all = count + (totalHidden ? 1 : 0);
        boolean exposed = all == 1 || (count >= 1 && !totalHidden && sum < THRESHOLD);
        return exposed && hideNext(m, hidden, row, index);
    }

    /** Hides the smallest non-zero count still shown in the line, else a shown zero, else its total. */
    private static boolean hideNext(long[][] m, boolean[][] hidden, boolean row, int index) {
        int n = row ? m[0].length : m.length;
        int best = -1;
        for (int k = 0; k < n - 1; k++) {
            if (!at(hidden, row, index, k)
                    && at(m, row, index, k) > 0
                    && (best < 0 || at(m, row, index, k) < at(m, row, index, best))) {
                best = k;
            }
        }
        if (best < 0) {
            for (int k = 0; k < n - 1 && best < 0; k++) {
                if (!at(hidden, row, index, k)) {
                    best = k;
                }
            }
        }
        if (best < 0 && !at(hidden, row, index, n - 1)) {
            best = n - 1;
        }
        if (best < 0) {
            return false;
        }
        if (row) {
            hidden[index][best] = true;
        } else {
            hidden[best][index] = true;
        }
        return true;
    }

    /**
     * Rule 3: finds a hidden entry the equations pin down, and hides one more entry in its row.
     * Only lines that share hidden entries constrain each other, so each connected group of
     * lines is solved on its own (small systems, even for large tables).
     */
    private static boolean protectDetermined(long[][] m, boolean[][] hidden) {
        int rows = m.length;
        int cols = m[0].length;
        // lines 0..rows-1 are rows, rows..rows+cols-1 are columns; a hidden entry joins its row and column
        int[] parent = new int[rows + cols];
        for (int k = 0; k < parent.length; k++) {
            parent[k] = k;
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (hidden[i][j]) {
                    parent[find(parent, i)] = find(parent, rows + j);
                }
            }
        }
        Map<Integer, List<int[]>> groups = new HashMap<>();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (hidden[i][j]) {
                    groups.computeIfAbsent(find(parent, i), g -> new ArrayList<>())
                            .add(new int[] {i, j});
                }
            }
        }
        boolean changed = false;
        for (List<int[]> unknowns : groups.values()) {
            Map<Integer, double[]> lines = new LinkedHashMap<>();
            for (int u = 0; u < unknowns.size(); u++) {
                int i = unknowns.get(u)[0];
                int j = unknowns.get(u)[1];
                // each line: its cells minus its total is zero
                lines.computeIfAbsent(i, x -> new double[unknowns.size()])[u] = j == cols - 1 ? -1 : 1;
                lines.computeIfAbsent(rows + j, x -> new double[unknowns.size()])[u] = i == rows - 1 ? -1 : 1;
            }
            boolean[] determined = Linear.determined(new ArrayList<>(lines.values()), unknowns.size());
            for (int u = 0; u < determined.length; u++) {
                if (determined[u]) {
                    int[] cell = unknowns.get(u);
                    // one more entry per exposed group is enough for this round; the loop checks again
                    if (hideNext(m, hidden, true, cell[0]) || hideNext(m, hidden, false, cell[1])) {
                        changed = true;
                        break;
                    }
                }
            }
        }
        return changed;
    }

    private static int find(int[] parent, int k) {
        while (parent[k] != k) {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        return k;
    }

    private static boolean at(boolean[][] a, boolean row, int index, int k) {
        return row ? a[index][k] : a[k][index];
    }

    private static long at(long[][] a, boolean row, int index, int k) {
        return row ? a[index][k] : a[k][index];
    }

    /** Which unknowns a homogeneous-coefficient linear system fixes uniquely (whatever the right-hand sides). */
    static final class Linear {

        private static final double EPS = 1e-9;

        private Linear() {}

        /**
         * x_k is fixed by the equations exactly when the unit vector e_k lies in their row space,
         * i.e. when, in reduced row echelon form, some row has its only non-zero entry at k.
         */
        static boolean[] determined(List<double[]> equations, int n) {
            double[][] a = equations.toArray(new double[0][]);
            int rows = a.length;
            int pivotRow = 0;
            int[] pivotCol = new int[rows];
            Arrays.fill(pivotCol, -1);
            for (int col = 0; col < n && pivotRow < rows; col++) {
                int best = -1;
                for (int i = pivotRow; i < rows; i++) {
                    if (Math.abs(a[i][col]) > EPS && (best < 0 || Math.abs(a[i][col]) > Math.abs(a[best][col]))) {
                        best = i;
                    }
                }
                if (best < 0) {
                    continue;
                }
                double[] t = a[best];
                a[best] = a[pivotRow];
                a[pivotRow] = t;
                double p = a[pivotRow][col];
                for (int k = 0; k < n; k++) {
                    a[pivotRow][k] /= p;
                }
                for (int i = 0; i < rows; i++) {
                    if (i != pivotRow && Math.abs(a[i][col]) > EPS) {
                        double f = a[i][col];
                        for (int k = 0; k < n; k++) {
                            a[i][k] -= f * a[pivotRow][k];
                        }
                    }
                }
                pivotCol[pivotRow] = col;
                pivotRow++;
            }
            boolean[] fixed = new boolean[n];
            for (int i = 0; i < pivotRow; i++) {
                int nonZero = 0;
                for (int k = 0; k < n; k++) {
                    if (Math.abs(a[i][k]) > EPS) {
                        nonZero++;
                    }
                }
                if (nonZero == 1) {
                    fixed[pivotCol[i]] = true;
                }
            }
            return fixed;
        }
    }
}
