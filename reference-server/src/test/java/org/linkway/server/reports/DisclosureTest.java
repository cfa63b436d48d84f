package org.linkway.server.reports;

import static org.assertj.core.api.Assertions.assertThat;
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
class DisclosureTest {

    /** Twelve referrals: one table has them in one column, another as 8 and four single referrals. */
    private static List<Suppression.Table> pinned() {
        List<String> pop = List.of("referrals|2026|RYJ");
        return List.of(
                new Suppression.Table("status", List.of("RYJ"), List.of("received"), new long[][] {{12}}, pop),
                new Suppression.Table(
                        "age",
                        List.of("RYJ"),
                        List.of("18-24", "25-34", "35-44", "45-54", "55-64"),
                        new long[][] {{8, 1, 1, 1, 1}},
                        pop));
    }

    @Test
    void tables_of_one_population_checked_together_find_the_pinned_counts() {
        List<Suppression.Table> tables = pinned();
        List<Disclosure.Cell> found = Disclosure.determined(tables, new boolean[][] {{false}, {false}});
        assertThat(found)
                .containsExactlyInAnyOrder(
                        new Disclosure.Cell(1, 0, 1),
                        new Disclosure.Cell(1, 0, 2),
                        new Disclosure.Cell(1, 0, 3),
                        new Disclosure.Cell(1, 0, 4));
        // and the independent attacker agrees that, published without the joint check, they would be recovered
        List<Attacker.Seen> naive = new ArrayList<>();
        for (Suppression.Table t : tables) {
            Object[][] v = new Object[1][t.columns().size()];
            for (int j = 0; j < v[0].length; j++) {
                v[0][j] = Suppression.count(t.cell(0, j));
            }
            naive.add(new Attacker.Seen(v, t.populations()));
        }
        assertThat(Attacker.recovered(naive)).hasSize(4);
    }

    @Test
    void the_row_that_would_give_counts_away_is_withheld_and_then_nothing_is() {
        List<Suppression.Table> tables = pinned();
        List<Suppression.Published> p = Suppression.publish(tables);
        assertThat(p.get(1).withheld(0)).isTrue();
        for (int j = 0; j <= 5; j++) {
            assertThat(p.get(1).value(0, j)).isEqualTo(Suppression.WITHHELD);
        }
        assertThat(p.get(1).value(1, 5))
                .as("a withheld row adds nothing to the totals")
                .isEqualTo(0L);
        assertThat(p.get(0).value(0, 0)).isEqualTo(10L);
        List<Attacker.Seen> seen = List.of(
                Attacker.seen(p.get(0), tables.get(0).populations()),
                Attacker.seen(p.get(1), tables.get(1).populations()));
        assertThat(Attacker.recovered(seen)).isEmpty();
    }

    @Test
    void rows_of_different_populations_do_not_constrain_each_other() {
        List<Suppression.Table> tables = List.of(
                new Suppression.Table("a", List.of("x"), List.of("c"), new long[][] {{12}}, List.of("p1")),
                new Suppression.Table(
                        "b", List.of("x"), List.of("c", "d", "e"), new long[][] {{8, 1, 3}}, List.of("p2")));
        assertThat(Disclosure.determined(tables, new boolean[][] {{false}, {false}}))
                .isEmpty();
    }

    /**
     * The solver is exact, not just safe: on random populations published without withholding,
     * it names exactly the suppressed counts the brute-force attacker recovers.
     */
    @Test
    void the_interval_solver_finds_exactly_what_the_attacker_finds() {
        qt().withFixedSeed(25_002L)
                .withExamples(300)
                .forAll(longs().all(), integers().between(1, 30))
                .checkAssert(DisclosureTest::sameAsAttacker);
    }

    private static void sameAsAttacker(long seed, int referrals) {
        Random rnd = new Random(seed);
        int tablesCount = 2 + rnd.nextInt(4);
        List<Suppression.Table> tables = new ArrayList<>();
        List<Attacker.Seen> naive = new ArrayList<>();
        for (int t = 0; t < tablesCount; t++) {
            int cols = 1 + rnd.nextInt(6);
            long[][] cells = new long[1][cols];
            for (int r = 0; r < referrals; r++) {
                cells[0][rnd.nextInt(2) == 0 ? 0 : rnd.nextInt(cols)]++;
            }
            List<String> columns = new ArrayList<>();
            Object[][] v = new Object[1][cols];
            for (int j = 0; j < cols; j++) {
                columns.add("c" + j);
                v[0][j] = Suppression.count(cells[0][j]);
            }
            List<String> pop = List.of("referrals");
            tables.add(new Suppression.Table("t" + t, List.of("r"), columns, cells, pop));
            naive.add(new Attacker.Seen(v, pop));
        }
        boolean[][] none = new boolean[tablesCount][1];
        List<List<Integer>> bySolver = new ArrayList<>();
        Disclosure.determined(tables, none).forEach(c -> bySolver.add(List.of(c.table(), c.row(), c.column())));
        List<List<Integer>> byAttacker = new ArrayList<>();
        Attacker.recovered(naive).forEach(c -> byAttacker.add(List.of(c[0], c[1], c[2])));
        assertThat(bySolver).containsExactlyInAnyOrderElementsOf(byAttacker);
    }
}
