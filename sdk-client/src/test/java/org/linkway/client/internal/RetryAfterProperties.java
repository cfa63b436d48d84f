package org.linkway.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Retry-After in both of its forms; anything else is ignored rather than failing the call. */
class RetryAfterProperties {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T03:30:00Z"), ZoneOffset.UTC);

    @Property
    void whole_seconds_are_read(@ForAll @LongRange(min = 0, max = 999_999_999) long seconds) {
        assertThat(RetryAfter.parse(Long.toString(seconds), CLOCK)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Property
    void an_http_date_is_the_wait_until_it(@ForAll @LongRange(min = -86_400, max = 86_400) long offset) {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(CLOCK.instant().plusSeconds(offset).atZone(ZoneOffset.UTC));
        assertThat(RetryAfter.parse(date, CLOCK)).isEqualTo(Duration.ofSeconds(Math.max(0, offset)));
    }

    @Property
    void anything_else_is_no_hint(@ForAll String value) {
        Duration d = RetryAfter.parse(value, CLOCK);
        if (d != null) {
            assertThat(value.strip()).matches("[0-9]+|.*GMT");
        }
    }

    @Example
    void digits_of_other_scripts_are_no_hint() {
        assertThat(RetryAfter.parse("\u0663", CLOCK)).as("ARABIC-INDIC DIGIT THREE").isNull();
        assertThat(RetryAfter.parse("\uff15", CLOCK)).as("FULLWIDTH DIGIT FIVE").isNull();
        assertThat(RetryAfter.parse("5", CLOCK)).isEqualTo(Duration.ofSeconds(5));
    }

    @Example
    void absent_is_no_hint() {
        assertThat(RetryAfter.parse(null, CLOCK)).isNull();
        assertThat(RetryAfter.parse("  ", CLOCK)).isNull();
    }
}
