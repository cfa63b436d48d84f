package org.linkway.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.model.MessageType;
import org.linkway.testing.Gens;
import org.quicktheories.core.Gen;

/** The hand-written matcher accepts exactly what the schema's regular expression accepts. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DateShapeProperties {

    private static final Pattern REGEX = SpecCompiler.compilePattern(DateShape.PATTERN);

    @Test
    void agrees_with_the_regular_expression_on_date_like_text() {
        qt().withFixedSeed(4_501L)
                .withExamples(5000)
                .forAll(dateLike())
                .checkAssert(text -> assertThat(DateShape.matches(text))
                        .as("'%s'", text)
                        .isEqualTo(REGEX.matcher(text).find()));
    }

    @Test
    void agrees_with_the_regular_expression_on_any_text() {
        qt().withFixedSeed(4_502L)
                .withExamples(2000)
                .forAll(Gens.anyText())
                .checkAssert(text -> assertThat(DateShape.matches(text))
                        .isEqualTo(REGEX.matcher(text).find()));
    }

    @Test
    void the_schema_still_uses_this_pattern() {
        Spec dateOfBirthOfRisk = SpecCompiler.root(MessageType.REFERRAL).at("/risks/entries/*/startDateOfRisk");
        assertThat(dateOfBirthOfRisk.patternSource).isEqualTo(DateShape.PATTERN);
        assertThat(dateOfBirthOfRisk.fastDateShape).isTrue();
    }

    @Test
    void a_final_line_break_is_not_the_end_of_the_text() {
        assertThat(REGEX.matcher("2026-03-01\n").find()).isFalse();
        assertThat(DateShape.matches("2026-03-01\n")).isFalse();
    }

    /** Valid shapes with one character changed, dropped or added: the edges of every range. */
    static Gen<String> dateLike() {
        Gen<String> valid = Gens.pick(
                "2026-03-01",
                "1999-12-31T23:59:59Z",
                "2026-10-02T14:05+01:00",
                "2026-01-09T00:00:00.123456789-11:30",
                "2000-02-29T10:10:10.5Z",
                "2026-03-01T09:30:00Z");
        Gen<Character> chars =
                Gens.pick('0', '1', '2', '3', '4', '5', '6', '9', '-', ':', 'T', 'Z', '+', '.', 'x', ' ');
        return valid.zip(integers().between(0, 64), chars, integers().between(0, 3), (v, anyAt, c, kind) -> {
            int at = anyAt % (v.length() + 1);
            return switch (kind) {
                case 0 -> v;
                case 1 -> at < v.length() ? v.substring(0, at) + c + v.substring(at + 1) : v + c;
                case 2 -> v.substring(0, at) + c + v.substring(at);
                default -> at < v.length() ? v.substring(0, at) + v.substring(at + 1) : v;
            };
        });
    }
}
