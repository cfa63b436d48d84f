package org.linkway.server.timerules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Working days: Monday to Friday, less the bank holidays given. Pure: the same dates in, the
 * same dates out, whatever the time or the machine.
 */
public final class WorkingDays {

    /** Most working days a rule may add; a bound on the walk, far above any contact target. */
    public static final int MAX = 3660;

    private final NavigableSet<LocalDate> holidays;

    private WorkingDays(Collection<LocalDate> holidays) {
        this.holidays = new TreeSet<>(holidays);
    }

    public static WorkingDays excluding(Collection<LocalDate> holidays) {
        return new WorkingDays(holidays);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    /**
     * The {@code n}th working day after {@code from} (the day itself not counted). With {@code n}
     * 0: {@code from} when it is a working day, else the next working day, so the answer is always
     * a working day.
     *
     * @throws IllegalArgumentException if {@code n} is negative or above {@link #MAX}
     */
    public LocalDate plus(LocalDate from, int n) {
        if (n < 0 || n > MAX) {
            throw new IllegalArgumentException("working days to add must be 0 to " + MAX + ", not " + n);
        }
        LocalDate day = from;
        if (n == 0) {
            while (!isWorkingDay(day)) {
                day = day.plusDays(1);
            }
            return day;
        }
        int left = n;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** The bank holidays known, first to last. */
    public NavigableSet<LocalDate> holidays() {
        return java.util.Collections.unmodifiableNavigableSet(holidays);
    }
}
