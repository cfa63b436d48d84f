package org.linkway.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.testing.Gens;
import org.quicktheories.core.Gen;

/** PartialDateTime reads exactly what java.time reads, keeps the text, and orders by time. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PartialDateTimeProperties {

    @Test
    void reads_what_java_time_reads_and_nothing_else() {
        qt().withFixedSeed(4_601L)
                .withExamples(3000)
                .forAll(candidates())
                .checkAssert(PartialDateTimeProperties::readsLikeJavaTime);
    }

    private static void readsLikeJavaTime(String text) {
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

    @Test
    void a_day_sorts_before_any_time_on_it_and_times_sort_by_instant() {
        qt().withFixedSeed(4_602L)
                .withExamples(1000)
                .forAll(days())
                .checkAssert(PartialDateTimeProperties::sortsByTime);
    }

    private static void sortsByTime(LocalDate day) {
        PartialDateTime dateOnly = PartialDateTime.of(day);
        PartialDateTime morning = PartialDateTime.parse(day + "T08:00:00Z");
        PartialDateTime earlierElsewhere = PartialDateTime.parse(day + "T08:30:00+01:00");
        assertThat(dateOnly.compareTo(morning)).isNegative();
        assertThat(earlierElsewhere.compareTo(morning)).isNegative();
        assertThat(PartialDateTime.of(day.plusDays(1)).compareTo(morning)).isPositive();
    }

    @Test
    void a_time_made_in_code_always_carries_its_seconds() {
        qt().withFixedSeed(4_603L)
                .withExamples(500)
                .forAll(
                        days(),
                        integers().between(0, 23),
                        integers().between(0, 59),
                        Gens.pick(0, 60, -300, 330, 840, -720))
                .checkAssert(PartialDateTimeProperties::carriesItsSeconds);
    }

    private static void carriesItsSeconds(LocalDate day, int hour, int minute, int offsetMinutes) {
        // a whole minute is the case OffsetDateTime.toString() writes without seconds, which FHIR and RFC 3339 refuse
        OffsetDateTime t = OffsetDateTime.of(day.atTime(hour, minute), ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
        String text = PartialDateTime.of(t).toString();
        assertThat(text).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})");
        assertThat(PartialDateTime.parse(text).dateTime()).contains(t);
    }

    @Test
    void invalid_calendar_days_are_refused() {
        assertThatThrownBy(() -> PartialDateTime.parse("2026-02-30")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PartialDateTime.parse("2026-02-28T24:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PartialDateTime.parse("2024-02-29").toLocalDate()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    static Gen<LocalDate> days() {
        return longs().between(-50_000, 50_000).map(LocalDate.of(2000, 1, 1)::plusDays);
    }

    static Gen<String> candidates() {
        Gen<String> two = integers().between(0, 99).map(i -> String.format("%02d", i));
        Gen<String> date = integers()
                .between(0, 9999)
                .map(i -> String.format("%04d", i))
                .zip(two, two, (y, m, d) -> y + "-" + m + "-" + d);
        Gen<String> time = two.zip(
                two,
                two,
                Gens.pick("Z", "+01:00", "-05:30", "+24:00", ""),
                (h, m, s, z) -> "T" + h + ":" + m + ":" + s + z);
        return Gens.oneOf(date, date.zip(time, String::concat), Gens.text("0123456789-:TZ+", 0, 25));
    }
}
