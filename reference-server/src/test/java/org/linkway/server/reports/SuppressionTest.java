package org.linkway.server.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SuppressionTest {

    /** Two referring organisations by gender: one organisation referred 3 men. */
    private static final long[][] TABLE = {
        {20, 3, 0},
        {15, 12, 6},
    };

    @Test
    void primary_suppression_alone_gives_a_cell_away_and_the_attacker_finds_it() {
        long[][] full = Suppression.withTotals(TABLE, 3);
        boolean[][] primaryOnly = new boolean[3][4];
        primaryOnly[0][1] = true; // the 3
        List<int[]> found = Attacker.recovered(Attacker.publish(full, primaryOnly));
        // 23 total minus 20 minus 0: the hidden 3 is recovered
        assertThat(found).anySatisfy(c -> assertThat(c).containsExactly(0, 1));
    }

    @Test
    void with_secondary_suppression_the_attacker_recovers_nothing() {
        long[][] full = Suppression.withTotals(TABLE, 3);
        boolean[][] hidden = Suppression.hide(TABLE, 3);
        assertThat(hidden[0][1]).as("the 3 is hidden").isTrue();
        assertThat(Attacker.recovered(Attacker.publish(full, hidden))).isEmpty();
        // hiding 3 needs a rectangle of four hidden cells (3, 20, 12, 15); the rest stays visible
        assertThat(hidden[0][2]).isFalse();
        assertThat(hidden[1][2]).isFalse();
        assertThat(hidden[2][3]).as("grand total").isFalse();
    }

    @Test
    void two_small_cells_in_a_line_whose_sum_is_small_are_protected_further() {
        // 1 + 1 = 2 would be known from the row total: both would have to be 1
        long[][] t = {{1, 1, 30}, {9, 8, 30}};
        boolean[][] hidden = Suppression.hide(t, 3);
        assertThat(Attacker.recovered(Attacker.publish(Suppression.withTotals(t, 3), hidden)))
                .isEmpty();
        long hiddenInRow = 0;
        for (int j = 0; j < 3; j++) {
            hiddenInRow += hidden[0][j] ? t[0][j] : 0;
        }
        assertThat(hiddenInRow).isGreaterThanOrEqualTo(Suppression.THRESHOLD);
    }

    /** Tables of 1 to 7 rows and 1 to 6 columns; counts are zero, small (1-4) or safe (5-60), 3 : 4 : 5. */
    static Gen<long[][]> tables() {
        Gen<Long> count = Generate.frequency(List.of(
                Pair.of(3, longs().between(0, 0)),
                Pair.of(4, longs().between(1, 4)),
                Pair.of(5, longs().between(5, 60))));
        return integers()
                .between(1, 6)
                .flatMap(cols -> lists().of(lists().of(count).ofSize(cols))
                        .ofSizeBetween(1, 7)
                        .map(rows -> rows.stream()
                                .map(r -> r.stream().mapToLong(Long::longValue).toArray())
                                .toArray(long[][]::new))
                        .describedAs(Arrays::deepToString));
    }

    @Test
    void no_suppressed_count_can_be_recovered_from_any_table() {
        qt().withFixedSeed(7_401L).withExamples(400).forAll(tables()).checkAssert(SuppressionTest::nothingRecoverable);
    }

    private static void nothingRecoverable(long[][] cells) {
        int cols = cells[0].length;
        long[][] full = Suppression.withTotals(cells, cols);
        boolean[][] hidden = Suppression.hide(cells, cols);
        for (int i = 0; i < full.length; i++) {
            for (int j = 0; j < full[0].length; j++) {
                if (full[i][j] >= 1 && full[i][j] <= 4) {
                    assertThat(hidden[i][j])
                            .as("small count at %d,%d is hidden", i, j)
                            .isTrue();
                }
            }
        }
        assertThat(Attacker.recovered(Attacker.publish(full, hidden)))
                .as("recoverable hidden entries")
                .isEmpty();
    }
}
