package org.linkway.server.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader trying to recover suppressed counts from tables published together, knowing the
 * method: no count is negative, 0 is exact, a suppressed count is 1 to 7, a shown count {@code r}
 * is within 2 of {@code r} and at least 8, totals are sums of what is shown, and rows that count
 * the same population add up to the same true number. Written independently of {@link Disclosure}:
 * for each suppressed count it tries every value from 1 to 7 and asks whether some true total
 * fits every row of the population with that value; a count is recovered when exactly one fits.
 */
final class Attacker {

    /** One published table as the reader sees it: values (rows by columns, totals left out) and each row's population or null. */
    record Seen(Object[][] values, List<String> populations) {}

    private Attacker() {}

    /** The suppressed entries whose value the reader can pin down, as {table, row, column}. */
    static List<int[]> recovered(List<Seen> tables) {
        Map<String, List<int[]>> byPopulation = new HashMap<>();
        for (int t = 0; t < tables.size(); t++) {
            for (int i = 0; i < tables.get(t).values().length; i++) {
                String p = tables.get(t).populations().get(i);
                if (p != null) {
                    byPopulation.computeIfAbsent(p, k -> new ArrayList<>()).add(new int[] {t, i});
                }
            }
        }
        List<int[]> out = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) {
            Object[][] v = tables.get(t).values();
            for (int i = 0; i < v.length; i++) {
                for (int j = 0; j < v[i].length; j++) {
                    if (!Suppression.SUPPRESSED.equals(v[i][j])) {
                        continue;
                    }
                    String p = tables.get(t).populations().get(i);
                    int fits = 0;
                    for (long guess = 1; guess <= 7; guess++) {
                        if (p == null || fits(tables, byPopulation.get(p), t, i, j, guess)) {
                            fits++;
                        }
                    }
                    if (fits == 1) {
                        out.add(new int[] {t, i, j});
                    }
                }
            }
        }
        return out;
    }

    /** Whether one true total lies within reach of every row of the population, with the one entry fixed at the guess. */
    private static boolean fits(List<Seen> tables, List<int[]> rows, int t, int i, int j, long guess) {
        long low = 0;
        long high = Long.MAX_VALUE;
        for (int[] r : rows) {
            Object[] row = tables.get(r[0]).values()[r[1]];
            long rowLow = 0;
            long rowHigh = 0;
            boolean open = false;
            for (int k = 0; k < row.length; k++) {
                long[] b = r[0] == t && r[1] == i && k == j ? new long[] {guess, guess} : range(row[k]);
                if (b == null) {
                    open = true;
                    continue;
                }
                rowLow += b[0];
                rowHigh += b[1];
            }
            low = Math.max(low, rowLow);
            if (!open) {
                high = Math.min(high, rowHigh);
            }
        }
        return low <= high;
    }

    /** What a published value says of the true count; null for a withheld one (anything). */
    private static long[] range(Object shown) {
        if (Suppression.SUPPRESSED.equals(shown)) {
            return new long[] {1, 7};
        }
        if (Suppression.WITHHELD.equals(shown)) {
            return null;
        }
        long r = (Long) shown;
        return r == 0 ? new long[] {0, 0} : new long[] {Math.max(8, r - 2), r + 2};
    }

    /** A published table as the reader sees it (the totals row and column dropped: they are sums of what is shown). */
    static Seen seen(Suppression.Published p, List<String> populations) {
        int rows = p.rows().size();
        int cols = p.columns().size();
        Object[][] v = new Object[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                v[i][j] = p.value(i, j);
            }
        }
        return new Seen(v, populations);
    }
}
