package org.linkway.server.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IntervalSolverTest {

    @Test
    void a_sum_narrows_its_parts_and_its_total() {
        IntervalSolver s = new IntervalSolver();
        int total = s.variable(0, 10);
        int a = s.variable(8, 12);
        int b = s.variable(1, 7);
        s.sum(total, a, b);
        long[][] r = s.solve();
        assertThat(r[0][total]).isEqualTo(9);
        assertThat(r[1][total]).isEqualTo(10);
        assertThat(r[1][a]).as("a is at most 10 - 1").isEqualTo(9);
        assertThat(r[1][b]).as("b is at most 10 - 8").isEqualTo(2);
        assertThat(r[0][b]).isEqualTo(1);
    }

    @Test
    void two_rows_of_one_population_pin_the_small_counts() {
        // one table shows the population as 10 (so at most 12); another as 10 (at least 8) plus four counts of at
        // least 1: the total must be 12, the 10 must be 8 and each small count 1
        IntervalSolver s = new IntervalSolver();
        int total = s.variable(0, IntervalSolver.UNBOUNDED);
        int only = s.variable(8, 12);
        s.sum(total, only);
        int big = s.variable(8, 12);
        int[] small = {s.variable(1, 7), s.variable(1, 7), s.variable(1, 7), s.variable(1, 7)};
        s.sum(total, big, small[0], small[1], small[2], small[3]);
        long[][] r = s.solve();
        assertThat(r[0][total]).isEqualTo(12).isEqualTo(r[1][total]);
        assertThat(r[0][big]).isEqualTo(8).isEqualTo(r[1][big]);
        for (int k : small) {
            assertThat(r[0][k]).isEqualTo(1).isEqualTo(r[1][k]);
        }
    }

    @Test
    void unbounded_parts_leave_the_others_open() {
        IntervalSolver s = new IntervalSolver();
        int total = s.variable(20, 20);
        int open = s.variable(0, IntervalSolver.UNBOUNDED);
        int small = s.variable(1, 7);
        s.sum(total, open, small);
        long[][] r = s.solve();
        assertThat(r[0][small]).isEqualTo(1);
        assertThat(r[1][small]).isEqualTo(7);
        assertThat(r[0][open]).isEqualTo(13);
        assertThat(r[1][open]).isEqualTo(19);
    }

    @Test
    void equations_that_cannot_hold_answer_null() {
        IntervalSolver s = new IntervalSolver();
        int total = s.variable(0, 3);
        s.sum(total, s.variable(8, 12));
        assertThat(s.solve()).isNull();
        assertThatThrownBy(() -> s.variable(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.variable(-1, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
