package org.linkway.server.timerules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.quicktheories.core.Gen;

/** Working days: never a weekend or a bank holiday, in order, and counted exactly, whatever the holidays. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class WorkingDaysProperties {

    private static final LocalDate START = LocalDate.of(2023, 1, 1);
    private static final WorkingDays ENGLAND = BankHolidays.shipped();

    /** A day from 2023 to 2029, the shipped file's years and one either side. */
    private static Gen<LocalDate> days() {
        return integers().between(0, 365 * 7).map(d -> START.plusDays(d));
    }

    private static Gen<Integer> counts() {
        return integers().between(0, 80);
    }

    /** The shipped holidays, or a random set of up to 60 days in the same years. */
    private static Gen<WorkingDays> calendars() {
        Gen<WorkingDays> random = lists().of(days()).ofSizeBetween(0, 60).map(WorkingDays::excluding);
        return random.mix(integers().between(0, 0).map(x -> ENGLAND), 30);
    }

    @Test
    void adding_working_days_never_lands_on_a_weekend_or_a_holiday() {
        qt().withFixedSeed(19_301L)
                .withExamples(2000)
                .forAll(calendars(), days(), counts())
                .checkAssert((cal, day, n) -> {
                    LocalDate to = cal.plus(day, n);
                    assertThat(to.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
                    assertThat(cal.holidays()).doesNotContain(to);
                    assertThat(cal.isWorkingDay(to)).isTrue();
                });
    }

    @Test
    void exactly_n_working_days_lie_after_the_day_up_to_the_answer() {
        qt().withFixedSeed(19_302L)
                .withExamples(1000)
                .forAll(calendars(), days(), integers().between(1, 80))
                .checkAssert((cal, day, n) -> {
                    LocalDate to = cal.plus(day, n);
                    long counted = day.plusDays(1)
                            .datesUntil(to.plusDays(1))
                            .filter(cal::isWorkingDay)
                            .count();
                    assertThat(counted).isEqualTo(n.longValue());
                });
    }

    @Test
    void zero_is_the_identity_on_working_days_and_rolls_forward_from_the_rest() {
        qt().withFixedSeed(19_303L)
                .withExamples(1000)
                .forAll(calendars(), days())
                .checkAssert((cal, day) -> {
                    LocalDate same = cal.plus(day, 0);
                    assertThat(same.equals(day)).isEqualTo(cal.isWorkingDay(day));
                    assertThat(same).isAfterOrEqualTo(day);
                    // nothing skipped: every day before the answer is not a working day
                    assertThat(day.datesUntil(same).filter(cal::isWorkingDay)).isEmpty();
                    assertThat(cal.plus(day, 1)).isEqualTo(cal.plus(same, cal.isWorkingDay(day) ? 1 : 0));
                });
    }

    @Test
    void more_days_land_later_and_a_later_start_never_lands_earlier() {
        qt().withFixedSeed(19_304L)
                .withExamples(1000)
                .forAll(
                        calendars(),
                        days(),
                        integers().between(1, 60),
                        integers().between(1, 60))
                .checkAssert((cal, day, n, extra) -> {
                    assertThat(cal.plus(day, n + extra)).isAfter(cal.plus(day, n));
                    assertThat(cal.plus(day.plusDays(extra), n)).isAfterOrEqualTo(cal.plus(day, n));
                    assertThat(cal.plus(day, n)).isAfter(day);
                });
    }

    @Test
    void adding_in_two_steps_is_adding_once() {
        qt().withFixedSeed(19_305L)
                .withExamples(1000)
                .forAll(
                        calendars(),
                        days(),
                        integers().between(1, 40),
                        integers().between(0, 40))
                .checkAssert((cal, day, a, b) ->
                        assertThat(cal.plus(cal.plus(day, a), b)).isEqualTo(cal.plus(day, a + b)));
    }

    @Test
    void without_holidays_five_working_days_are_a_week() {
        WorkingDays weekdays = WorkingDays.excluding(List.of());
        qt().withFixedSeed(19_306L)
                .withExamples(500)
                .forAll(days(), integers().between(0, 50))
                .assuming((day, weeks) -> weekdays.isWorkingDay(day))
                .checkAssert((day, weeks) ->
                        assertThat(weekdays.plus(day, 5 * weeks)).isEqualTo(day.plusWeeks(weeks)));
    }

    @Test
    void hand_worked_examples_over_the_holidays() {
        // Christmas Eve 2026 is a Thursday: Christmas Friday, the weekend, Boxing Day's substitute Monday
        assertThat(ENGLAND.plus(LocalDate.of(2026, 12, 24), 3)).isEqualTo(LocalDate.of(2026, 12, 31));
        // the Thursday before Easter 2026: Good Friday, the weekend, Easter Monday
        assertThat(ENGLAND.plus(LocalDate.of(2026, 4, 2), 3)).isEqualTo(LocalDate.of(2026, 4, 9));
        // a referral received on a Saturday: Monday, Tuesday, Wednesday
        assertThat(ENGLAND.plus(LocalDate.of(2026, 3, 7), 3)).isEqualTo(LocalDate.of(2026, 3, 11));
        // received on a Monday, due by Thursday
        assertThat(ENGLAND.plus(LocalDate.of(2026, 3, 2), 3)).isEqualTo(LocalDate.of(2026, 3, 5));
        // the early May bank holiday 2025 (Monday 5 May)
        assertThat(ENGLAND.plus(LocalDate.of(2025, 5, 2), 1)).isEqualTo(LocalDate.of(2025, 5, 6));
        assertThatThrownBy(() -> ENGLAND.plus(LocalDate.of(2026, 1, 1), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_shipped_file_has_eight_holidays_a_year_2024_to_2028_all_on_weekdays() {
        Map<Year, Long> perYear = ENGLAND.holidays().stream()
                .collect(Collectors.groupingBy(Year::from, TreeMap::new, Collectors.counting()));
        assertThat(perYear).containsOnlyKeys(Year.of(2024), Year.of(2025), Year.of(2026), Year.of(2027), Year.of(2028));
        assertThat(perYear.values()).allMatch(n -> n == 8);
        assertThat(ENGLAND.holidays())
                .allMatch(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY);
        assertThat(ENGLAND.holidays())
                .contains(LocalDate.of(2026, 12, 28), LocalDate.of(2027, 12, 27), LocalDate.of(2028, 1, 3));
    }

    @Test
    void a_file_line_that_is_not_a_date_is_named() {
        assertThatThrownBy(
                        () -> BankHolidays.parse("# x\ndate,name\n2026-01-01,New Year\n2026-13-01,Nonsense\n", "f.csv"))
                .hasMessageContaining("f.csv, line 4")
                .hasMessageContaining("2026-13-01");
        assertThat(BankHolidays.parse("2026-01-01,New Year\r\n\r\n", "f").holidays())
                .containsExactly(LocalDate.of(2026, 1, 1));
    }
}
