package org.linkway.server.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * Someone trying to recover suppressed counts from a published table: by subtraction along
 * every row and column with bounds (no count is negative), repeated until nothing narrows, and
 * by solving all the table's equations together. Written independently of {@link Suppression}.
 */
final class Attacker {

    private Attacker() {}

    /** The published table: values where shown, null where hidden; last row and column are totals. */
    static Long[][] publish(long[][] full, boolean[][] hidden) {
        Long[][] p = new Long[full.length][full[0].length];
        for (int i = 0; i < full.length; i++) {
            for (int j = 0; j < full[0].length; j++) {
                p[i][j] = hidden[i][j] ? null : full[i][j];
            }
        }
        return p;
    }

    /** The hidden entries whose exact value the attacker can work out, as {row, column}. */
    static List<int[]> recovered(Long[][] p) {
        int rows = p.length;
        int cols = p[0].length;
        long ceiling = 0;
        for (Long[] r : p) {
            for (Long v : r) {
                if (v != null) {
                    ceiling = Math.max(ceiling, v);
                }
            }
        }
        ceiling = ceiling * (rows + cols) + 100; // a bound no count can exceed
        long[][] lo = new long[rows][cols];
        long[][] hi = new long[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                lo[i][j] = p[i][j] == null ? 0 : p[i][j];
                hi[i][j] = p[i][j] == null ? ceiling : p[i][j];
            }
        }
        boolean changed = true;
        for (int round = 0; changed && round < 10_000; round++) {
            changed = false;
            for (int i = 0; i < rows; i++) {
                changed |= narrow(lo, hi, true, i);
            }
            for (int j = 0; j < cols; j++) {
                changed |= narrow(lo, hi, false, j);
            }
        }
        List<int[]> out = new ArrayList<>();
        boolean[] solved = solve(p);
        int u = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (p[i][j] == null) {
                    if (lo[i][j] == hi[i][j] || solved[u]) {
                        out.add(new int[] {i, j});
                    }
                    u++;
                }
            }
        }
        return out;
    }

    /** One line: cells sum to the total; each unknown is bounded by the others. */
    private static boolean narrow(long[][] lo, long[][] hi, boolean row, int index) {
        int n = row ? lo[0].length : lo.length;
        boolean changed = false;
        for (int k = 0; k < n; k++) {
            // value of entry k implied by the others
            long minOthers = 0;
            long maxOthers = 0;
            for (int o = 0; o < n - 1; o++) {
                if (o != k) {
                    minOthers += get(lo, row, index, o);
                    maxOthers += get(hi, row, index, o);
                }
            }
            long newLo;
            long newHi;
            if (k == n - 1) { // the total is the sum of the cells
                newLo = minOthers;
                newHi = maxOthers;
            } else { // a cell is the total minus the other cells
                newLo = get(lo, row, index, n - 1) - maxOthers;
                newHi = get(hi, row, index, n - 1) - minOthers;
            }
            if (newLo > get(lo, row, index, k)) {
                set(lo, row, index, k, newLo);
                changed = true;
            }
            if (newHi < get(hi, row, index, k)) {
                set(hi, row, index, k, newHi);
                changed = true;
            }
        }
        return changed;
    }

    /** Gaussian elimination over the hidden entries: which are fixed by the equations alone. */
    private static boolean[] solve(Long[][] p) {
        int rows = p.length;
        int cols = p[0].length;
        List<int[]> unknowns = new ArrayList<>();
        int[][] idx = new int[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                idx[i][j] = p[i][j] == null ? unknowns.size() : -1;
                if (p[i][j] == null) {
                    unknowns.add(new int[] {i, j});
                }
            }
        }
        int n = unknowns.size();
        List<double[]> eqs = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            double[] e = new double[n];
            for (int j = 0; j < cols; j++) {
                if (idx[i][j] >= 0) {
                    e[idx[i][j]] = j == cols - 1 ? -1 : 1;
                }
            }
            eqs.add(e);
        }
        for (int j = 0; j < cols; j++) {
            double[] e = new double[n];
            for (int i = 0; i < rows; i++) {
                if (idx[i][j] >= 0) {
                    e[idx[i][j]] = i == rows - 1 ? -1 : 1;
                }
            }
            eqs.add(e);
        }
        boolean[] fixed = new boolean[n];
        for (int k = 0; k < n; k++) {
            // x_k is fixed iff adding the equation "x_k = 0" does not raise the rank
            List<double[]> with = new ArrayList<>(eqs);
            double[] unit = new double[n];
            unit[k] = 1;
            with.add(unit);
            fixed[k] = rank(with, n) == rank(eqs, n);
        }
        return fixed;
    }

    private static int rank(List<double[]> equations, int n) {
        double[][] a = new double[equations.size()][];
        for (int i = 0; i < a.length; i++) {
            a[i] = equations.get(i).clone();
        }
        int r = 0;
        for (int c = 0; c < n && r < a.length; c++) {
            int p = -1;
            for (int i = r; i < a.length; i++) {
                if (Math.abs(a[i][c]) > 1e-9) {
                    p = i;
                    break;
                }
            }
            if (p < 0) {
                continue;
            }
            double[] t = a[p];
            a[p] = a[r];
            a[r] = t;
            for (int i = r + 1; i < a.length; i++) {
                double f = a[i][c] / a[r][c];
                for (int k = c; k < n; k++) {
                    a[i][k] -= f * a[r][k];
                }
            }
            r++;
        }
        return r;
    }

    private static long get(long[][] a, boolean row, int index, int k) {
        return row ? a[index][k] : a[k][index];
    }

    private static void set(long[][] a, boolean row, int index, int k, long v) {
        if (row) {
            a[index][k] = v;
        } else {
            a[k][index] = v;
        }
    }
}
