package org.linkway.server.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Statistical disclosure control for every count Linkway publishes: the small-numbers rule NHS
 * England's statistics (formerly NHS Digital's) apply to Hospital Episode Statistics, made to
 * hold across tables. The rule and its source are in docs/OUTCOMES.md.
 *
 * <ol>
 * <li>0 is shown as 0 (an empty category identifies no one).</li>
 * <li>Every count from 1 to 7 is shown as {@value #SUPPRESSED}.</li>
 * <li>Every other count is rounded to the nearest {@value #BASE}.</li>
 * <li>Totals are the sums of the values shown (a suppressed cell adds nothing), so a total says
 * nothing a reader could not add up from the cells.</li>
 * <li>Tables published together are checked together ({@link Disclosure}): rows of different
 * tables that count the same people (same {@link Table#populations() population}) must add up
 * to the same true number, which a reader may use. Where that would pin a suppressed count to
 * one value, the row holding it is withheld whole, each entry shown as {@value #WITHHELD}, until
 * no suppressed count can be pinned.</li>
 * </ol>
 *
 * <p>This is the one entry point: every report, export and extract that publishes a count calls
 * {@link #publish(List)} (or {@link #count(long)} for a count standing alone).
 */
public final class Suppression {

    /** Published in place of a count from 1 to 7. */
    public static final String SUPPRESSED = "*";

    /** Published in place of every entry of a row withheld so that no suppressed count can be worked out. */
    public static final String WITHHELD = "x";

    /** The smallest count shown (as a rounded number); 1 to {@code SMALLEST_SHOWN - 1} are suppressed. */
    public static final int SMALLEST_SHOWN = 8;

    /** Shown counts are rounded to the nearest multiple of this. */
    public static final int BASE = 5;

    /** The method's name, as reports state it ({@code suppression.method}). */
    public static final String METHOD = "nhs-small-numbers-1-7-round-5";

    /** The method in one sentence, as reports state it ({@code suppression.rule}). */
    public static final String RULE = "0 is shown as 0; counts from 1 to 7 are shown as " + SUPPRESSED
            + "; other counts are rounded to the nearest " + BASE + "; totals are the sums of the values shown; "
            + "where tables released together would let a suppressed count be worked out, its row is withheld ("
            + WITHHELD + ")";

    private Suppression() {}

    /**
     * A table of true counts to publish.
     *
     * @param id the table's name (carried through to the result)
     * @param rows row labels
     * @param columns column labels
     * @param cells counts, rows by columns, none negative
     * @param populations for each row, the name of the population the row counts once each (every
     *     person or referral in exactly one column), or null when its cells do not partition one;
     *     rows with the same name, in any table published together, must have the same true total
     */
    public record Table(String id, List<String> rows, List<String> columns, long[][] cells, List<String> populations) {

        public Table {
            rows = List.copyOf(rows);
            columns = List.copyOf(columns);
            populations = populations == null
                    ? java.util.Collections.nCopies(rows.size(), null)
                    : java.util.Collections.unmodifiableList(new ArrayList<>(populations));
            if (cells.length != rows.size() || populations.size() != rows.size()) {
                throw new IllegalArgumentException(id + ": " + rows.size() + " rows, " + cells.length
                        + " rows of cells, " + populations.size() + " populations");
            }
            long[][] copy = new long[cells.length][];
            for (int i = 0; i < cells.length; i++) {
                if (cells[i].length != columns.size()) {
                    throw new IllegalArgumentException(id + ": row " + i + " has " + cells[i].length + " cells");
                }
                for (long v : cells[i]) {
                    if (v < 0) {
                        throw new IllegalArgumentException(id + ": a count below zero");
                    }
                }
                copy[i] = cells[i].clone();
            }
            cells = copy;
        }

        /** A table whose rows belong to no shared population. */
        public Table(String id, List<String> rows, List<String> columns, long[][] cells) {
            this(id, rows, columns, cells, null);
        }

        /** The true count at a row and column. */
        public long cell(int row, int column) {
            return cells[row][column];
        }

        @Override
        public long[][] cells() {
            long[][] copy = new long[cells.length][];
            for (int i = 0; i < cells.length; i++) {
                copy[i] = cells[i].clone();
            }
            return copy;
        }
    }

    /**
     * A table as published. Each value is a {@link Long} or one of the markers {@value #SUPPRESSED}
     * and {@value #WITHHELD}.
     *
     * @param values {@code rows + 1} by {@code columns + 1}: the last row holds the column totals,
     *     the last column the row totals
     */
    public record Published(String id, List<String> rows, List<String> columns, Object[][] values) {

        public Published {
            rows = List.copyOf(rows);
            columns = List.copyOf(columns);
            Object[][] copy = new Object[values.length][];
            for (int i = 0; i < values.length; i++) {
                copy[i] = values[i].clone();
            }
            values = copy;
        }

        /** The published value at a row and column; {@code rows().size()} is the totals row, {@code columns().size()} the total column. */
        public Object value(int row, int column) {
            return values[row][column];
        }

        /** True if the row was withheld whole. */
        public boolean withheld(int row) {
            return WITHHELD.equals(values[row][columns.size()]);
        }

        @Override
        public Object[][] values() {
            Object[][] copy = new Object[values.length][];
            for (int i = 0; i < values.length; i++) {
                copy[i] = values[i].clone();
            }
            return copy;
        }
    }

    /** One count published alone (no table, no total): 0, {@value #SUPPRESSED}, or rounded to the base. */
    public static Object count(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("a count below zero");
        }
        if (n == 0) {
            return 0L;
        }
        return n < SMALLEST_SHOWN ? SUPPRESSED : (Object) round(n);
    }

    /** A count of {@link #SMALLEST_SHOWN} or more, rounded to the nearest {@link #BASE}. */
    static long round(long n) {
        return (n + BASE / 2) / BASE * BASE;
    }

    /** Publishes one table on its own. */
    public static Published publish(Table table) {
        return publish(List.of(table)).get(0);
    }

    /**
     * Publishes tables released together: small counts suppressed, others rounded, totals summed
     * from what is shown, and rows withheld where the tables together would give a suppressed
     * count away.
     *
     * @return the published tables, in the order given
     */
    public static List<Published> publish(List<Table> tables) {
        boolean[][] withheld = Disclosure.withhold(tables);
        List<Published> out = new ArrayList<>(tables.size());
        for (int t = 0; t < tables.size(); t++) {
            out.add(publish(tables.get(t), withheld[t]));
        }
        return out;
    }

    private static Published publish(Table t, boolean[] withheld) {
        int r = t.rows().size();
        int c = t.columns().size();
        Object[][] v = new Object[r + 1][c + 1];
        long[] columnTotals = new long[c];
        for (int i = 0; i < r; i++) {
            if (withheld[i]) {
                Arrays.fill(v[i], WITHHELD);
                continue;
            }
            long rowTotal = 0;
            for (int j = 0; j < c; j++) {
                Object shown = count(t.cell(i, j));
                v[i][j] = shown;
                if (shown instanceof Long n) {
                    rowTotal += n;
                    columnTotals[j] += n;
                }
            }
            v[i][c] = rowTotal;
        }
        long grand = 0;
        for (int j = 0; j < c; j++) {
            v[r][j] = columnTotals[j];
            grand += columnTotals[j];
        }
        v[r][c] = grand;
        return new Published(t.id(), t.rows(), t.columns(), v);
    }
}
