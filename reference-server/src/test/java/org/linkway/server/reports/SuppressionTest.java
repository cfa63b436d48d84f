package org.linkway.server.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SuppressionTest {

    @Test
    void zero_is_shown_small_counts_are_suppressed_and_the_rest_rounded_to_five() {
        assertThat(Suppression.count(0)).isEqualTo(0L);
        for (long n = 1; n <= 7; n++) {
            assertThat(Suppression.count(n)).as("%d", n).isEqualTo(Suppression.SUPPRESSED);
        }
        assertThat(Suppression.count(8)).isEqualTo(10L);
        assertThat(Suppression.count(12)).isEqualTo(10L);
        assertThat(Suppression.count(13)).isEqualTo(15L);
        assertThat(Suppression.count(1_002)).isEqualTo(1_000L);
        assertThatThrownBy(() -> Suppression.count(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void totals_are_the_sums_of_the_values_shown() {
        Suppression.Published p = Suppression.publish(new Suppression.Table(
                "t", List.of("a", "b"), List.of("x", "y", "z"), new long[][] {{20, 3, 0}, {15, 12, 6}}));
        assertThat(p.value(0, 0)).isEqualTo(20L);
        assertThat(p.value(0, 1)).isEqualTo("*");
        assertThat(p.value(0, 2)).isEqualTo(0L);
        assertThat(p.value(0, 3)).as("row total: 20 + nothing for the hidden 3").isEqualTo(20L);
        assertThat(p.value(1, 3)).as("15 + 10 + nothing").isEqualTo(25L);
        assertThat(p.value(2, 0)).isEqualTo(35L);
        assertThat(p.value(2, 1))
                .as("column total: nothing for the 3, 10 for the 12")
                .isEqualTo(10L);
        assertThat(p.value(2, 3)).isEqualTo(45L);
        assertThat(p.withheld(0)).isFalse();
    }

    /** The case the issue found: a column total of 5 over five hidden cells gave each away as 1. */
    @Test
    void a_column_of_five_ones_gives_nothing_away() {
        long[][] cells = {{1, 30}, {1, 22}, {1, 9}, {1, 14}, {1, 40}};
        List<String> rows = List.of("a", "b", "c", "d", "e");
        Suppression.Published p =
                Suppression.publish(new Suppression.Table("t", rows, List.of("lonely", "other"), cells));
        for (int i = 0; i < 5; i++) {
            assertThat(p.value(i, 0)).isEqualTo("*");
        }
        assertThat(p.value(5, 0))
                .as("the column total is summed from what is shown, not the true 5")
                .isEqualTo(0L);
        assertThat(Attacker.recovered(List.of(Attacker.seen(p, java.util.Collections.nCopies(5, null)))))
                .isEmpty();
    }

    @Test
    void a_table_that_does_not_fit_its_labels_is_refused() {
        assertThatThrownBy(() -> new Suppression.Table("t", List.of("a"), List.of("x"), new long[][] {{1}, {2}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Suppression.Table("t", List.of("a"), List.of("x"), new long[][] {{-1}}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Random populations of referrals across organisations, each counted in several tables of
     * different shapes (as a report's demographic and process tables count the same referrals):
     * the attacker recovers no suppressed count, every count from 1 to 7 is suppressed or
     * withheld, and every count shown is the true count rounded.
     */
    @Test
    void no_suppressed_count_is_recovered_from_any_population() {
        qt().withFixedSeed(25_001L)
                .withExamples(300)
                .forAll(longs().all(), integers().between(1, 60), integers().between(1, 4))
                .checkAssert(SuppressionTest::nothingRecoverable);
    }

    private static void nothingRecoverable(long seed, int referrals, int orgs) {
        Random rnd = new Random(seed);
        int[] columnsOf = {2, 3, 5, 7};
        List<Suppression.Table> tables = new ArrayList<>();
        List<List<String>> populations = new ArrayList<>();
        int[] orgOf = new int[referrals];
        for (int r = 0; r < referrals; r++) {
            orgOf[r] = rnd.nextInt(orgs);
        }
        for (int t = 0; t < columnsOf.length; t++) {
            int cols = columnsOf[t];
            long[][] cells = new long[orgs][cols];
            for (int r = 0; r < referrals; r++) {
                // skewed: the first column is common, the others rare, so small counts abound
                int c = rnd.nextInt(3) == 0 ? rnd.nextInt(cols) : 0;
                cells[orgOf[r]][c]++;
            }
            List<String> rows = new ArrayList<>();
            List<String> pop = new ArrayList<>();
            List<String> columns = new ArrayList<>();
            for (int o = 0; o < orgs; o++) {
                rows.add("org" + o);
                pop.add("referrals|org" + o);
            }
            for (int c = 0; c < cols; c++) {
                columns.add("c" + c);
            }
            tables.add(new Suppression.Table("t" + t, rows, columns, cells, pop));
            populations.add(pop);
        }
        List<Suppression.Published> published = Suppression.publish(tables);
        List<Attacker.Seen> seen = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) {
            Suppression.Table table = tables.get(t);
            Suppression.Published p = published.get(t);
            for (int i = 0; i < table.rows().size(); i++) {
                for (int j = 0; j < table.columns().size(); j++) {
                    long n = table.cell(i, j);
                    Object v = p.value(i, j);
                    if (Suppression.WITHHELD.equals(v)) {
                        continue;
                    }
                    if (n >= 1 && n <= 7) {
                        assertThat(v).as("%d at %d,%d,%d", n, t, i, j).isEqualTo(Suppression.SUPPRESSED);
                    } else {
                        assertThat(v).as("%d at %d,%d,%d", n, t, i, j).isEqualTo((n + 2) / 5 * 5);
                    }
                }
            }
            seen.add(Attacker.seen(p, populations.get(t)));
        }
        assertThat(Attacker.recovered(seen)).as("recovered suppressed counts").isEmpty();
    }
}
