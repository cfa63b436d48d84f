package org.linkway.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.testing.Gens;

/** Retry-After in both of its forms; anything else is ignored rather than failing the call. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RetryAfterProperties {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T03:30:00Z"), ZoneOffset.UTC);

    @Test
    void whole_seconds_are_read() {
        qt().withFixedSeed(6_201L)
                .withExamples(1000)
                .forAll(longs().between(0, 999_999_999))
                .checkAssert(seconds -> assertThat(RetryAfter.parse(Long.toString(seconds), CLOCK))
                        .isEqualTo(Duration.ofSeconds(seconds)));
    }

    @Test
    void an_http_date_is_the_wait_until_it() {
        qt().withFixedSeed(6_202L)
                .withExamples(1000)
                .forAll(longs().between(-86_400, 86_400))
                .checkAssert(offset -> {
                    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            CLOCK.instant().plusSeconds(offset).atZone(ZoneOffset.UTC));
                    assertThat(RetryAfter.parse(date, CLOCK)).isEqualTo(Duration.ofSeconds(Math.max(0, offset)));
                });
    }

    @Test
    void anything_else_is_no_hint() {
        qt().withFixedSeed(6_203L).withExamples(1000).forAll(Gens.anyText()).checkAssert(value -> {
            Duration d = RetryAfter.parse(value, CLOCK);
            if (d != null) {
                assertThat(value.strip()).matches("[0-9]+|.*GMT");
            }
        });
    }

    @Test
    void digits_of_other_scripts_are_no_hint() {
        assertThat(RetryAfter.parse("\u0663", CLOCK))
                .as("ARABIC-INDIC DIGIT THREE")
                .isNull();
        assertThat(RetryAfter.parse("\uff15", CLOCK)).as("FULLWIDTH DIGIT FIVE").isNull();
        assertThat(RetryAfter.parse("5", CLOCK)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void absent_is_no_hint() {
        assertThat(RetryAfter.parse(null, CLOCK)).isNull();
        assertThat(RetryAfter.parse("  ", CLOCK)).isNull();
    }
}
