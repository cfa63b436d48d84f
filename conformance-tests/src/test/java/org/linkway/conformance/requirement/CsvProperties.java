package org.linkway.conformance.requirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** The catalogue's CSV reader gives back any fields written with RFC 4180 quoting. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CsvProperties {

    @Test
    void quoted_fields_read_back_exactly() {
        qt().withFixedSeed(8_101L).withExamples(300).forAll(rows()).checkAssert(rows -> {
            String text = rows.stream()
                    .map(r -> r.stream().map(CsvProperties::quote).collect(Collectors.joining(",")))
                    .collect(Collectors.joining("\r\n", "", "\n"));
            assertThat(RequirementCatalogue.Csv.parse(text)).isEqualTo(rows);
        });
    }

    /** Fields of up to 12 characters among the ones CSV quoting must get right (comma, quote, line breaks). */
    static Gen<List<List<String>>> rows() {
        List<Character> chars = List.of('a', 'b', ' ', ',', '"', '\n', '\r', ';', '\u00e9');
        Gen<String> field = lists().of(Generate.pick(chars))
                .ofSizeBetween(0, 12)
                .map(cs -> cs.stream().map(String::valueOf).collect(Collectors.joining()));
        return lists().of(lists().of(field).ofSizeBetween(1, 6)).ofSizeBetween(1, 5);
    }

    static String quote(String field) {
        return "\"" + field.replace("\"", "\"\"") + "\"";
    }
}
