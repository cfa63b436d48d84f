package org.linkway.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written matcher accepts exactly what the schema's regular expression accepts. */
class DateShapeProperties {

    private static final Pattern REGEX = SpecCompiler.compilePattern(DateShape.PATTERN);

    @Property(tries = 5000)
    void agrees_with_the_regular_expression_on_date_like_text(@ForAll("dateLike") String text) {
        assertThat(DateShape.matches(text)).as("'%s'", text).isEqualTo(REGEX.matcher(text).find());
    }

    @Property(tries = 2000)
    void agrees_with_the_regular_expression_on_any_text(@ForAll String text) {
        assertThat(DateShape.matches(text)).isEqualTo(REGEX.matcher(text).find());
    }

    @Example
    void the_schema_still_uses_this_pattern() {
        Spec dateOfBirthOfRisk = SpecCompiler.root(org.linkway.model.MessageType.REFERRAL).at("/risks/entries/*/startDateOfRisk");
        assertThat(dateOfBirthOfRisk.patternSource).isEqualTo(DateShape.PATTERN);
        assertThat(dateOfBirthOfRisk.fastDateShape).isTrue();
    }

    @Example
    void a_final_line_break_is_not_the_end_of_the_text() {
        assertThat(REGEX.matcher("2026-03-01\n").find()).isFalse();
        assertThat(DateShape.matches("2026-03-01\n")).isFalse();
    }

    /** Valid shapes with one character changed, dropped or added: the edges of every range. */
    @Provide
    Arbitrary<String> dateLike() {
        Arbitrary<String> valid = Arbitraries.of("2026-03-01", "1999-12-31T23:59:59Z", "2026-10-02T14:05+01:00",
                "2026-01-09T00:00:00.123456789-11:30", "2000-02-29T10:10:10.5Z", "2026-03-01T09:30:00Z");
        Arbitrary<Character> chars = Arbitraries.of('0', '1', '2', '3', '4', '5', '6', '9', '-', ':', 'T', 'Z', '+', '.', 'x', ' ');
        return valid.flatMap(v -> Arbitraries.integers().between(0, v.length()).flatMap(at -> chars.flatMap(c ->
                Arbitraries.of(
                        v,
                        at < v.length() ? v.substring(0, at) + c + v.substring(at + 1) : v + c,
                        v.substring(0, at) + c + v.substring(at),
                        at < v.length() ? v.substring(0, at) + v.substring(at + 1) : v))));
    }
}
