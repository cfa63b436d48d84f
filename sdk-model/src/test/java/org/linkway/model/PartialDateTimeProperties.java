package org.linkway.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** PartialDateTime reads exactly what java.time reads, keeps the text, and orders by time. */
class PartialDateTimeProperties {

    @Property(tries = 3000)
    void reads_what_java_time_reads_and_nothing_else(@ForAll("candidates") String text) {
        Object expected;
        try {
            expected = text.length() == 10 ? LocalDate.parse(text) : OffsetDateTime.parse(text);
        } catch (DateTimeException e) {
            expected = null;
        }
        if (expected == null) {
            assertThatThrownBy(() -> PartialDateTime.parse(text)).isInstanceOf(IllegalArgumentException.class);
            return;
        }
        PartialDateTime p = PartialDateTime.parse(text);
        assertThat(p.toString()).isEqualTo(text);
        if (expected instanceof LocalDate d) {
            assertThat(p.isDateOnly()).isTrue();
            assertThat(p.toLocalDate()).isEqualTo(d);
        } else {
            assertThat(p.dateTime()).contains((OffsetDateTime) expected);
        }
    }

    @Property
    void a_day_sorts_before_any_time_on_it_and_times_sort_by_instant(@ForAll("days") LocalDate day) {
        PartialDateTime dateOnly = PartialDateTime.of(day);
        PartialDateTime morning = PartialDateTime.parse(day + "T08:00:00Z");
        PartialDateTime earlierElsewhere = PartialDateTime.parse(day + "T08:30:00+01:00");
        assertThat(dateOnly.compareTo(morning)).isNegative();
        assertThat(earlierElsewhere.compareTo(morning)).isNegative();
        assertThat(PartialDateTime.of(day.plusDays(1)).compareTo(morning)).isPositive();
    }

    @Property(tries = 500)
    void a_time_made_in_code_always_carries_its_seconds(@ForAll("days") LocalDate day, @ForAll("hours") int hour,
                                                        @ForAll("minutes") int minute, @ForAll("offsets") int offsetMinutes) {
        // a whole minute is the case OffsetDateTime.toString() writes without seconds, which FHIR and RFC 3339 refuse
        OffsetDateTime t = OffsetDateTime.of(day.atTime(hour, minute), java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
        String text = PartialDateTime.of(t).toString();
        assertThat(text).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})");
        assertThat(PartialDateTime.parse(text).dateTime()).contains(t);
    }

    @Provide
    Arbitrary<Integer> hours() {
        return Arbitraries.integers().between(0, 23);
    }

    @Provide
    Arbitrary<Integer> minutes() {
        return Arbitraries.integers().between(0, 59);
    }

    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.of(0, 60, -300, 330, 840, -720);
    }

    @Example
    void invalid_calendar_days_are_refused() {
        assertThatThrownBy(() -> PartialDateTime.parse("2026-02-30")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PartialDateTime.parse("2026-02-28T24:00:00Z")).isInstanceOf(IllegalArgumentException.class);
        assertThat(PartialDateTime.parse("2024-02-29").toLocalDate()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.longs().between(-50_000, 50_000).map(LocalDate.of(2000, 1, 1)::plusDays);
    }

    @Provide
    Arbitrary<String> candidates() {
        Arbitrary<String> two = Arbitraries.integers().between(0, 99).map(i -> String.format("%02d", i));
        Arbitrary<String> date = Combinators.combine(Arbitraries.integers().between(0, 9999).map(i -> String.format("%04d", i)), two, two)
                .as((y, m, d) -> y + "-" + m + "-" + d);
        Arbitrary<String> time = Combinators.combine(two, two, two, Arbitraries.of("Z", "+01:00", "-05:30", "+24:00", ""))
                .as((h, m, s, z) -> "T" + h + ":" + m + ":" + s + z);
        return Arbitraries.oneOf(date, Combinators.combine(date, time).as(String::concat),
                Arbitraries.strings().withChars("0123456789-:TZ+").ofMaxLength(25));
    }
}
