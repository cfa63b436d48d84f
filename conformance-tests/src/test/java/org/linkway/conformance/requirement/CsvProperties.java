package org.linkway.conformance.requirement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The catalogue's CSV reader gives back any fields written with RFC 4180 quoting. */
class CsvProperties {

    @Property(tries = 300)
    void quoted_fields_read_back_exactly(@ForAll("rows") List<List<String>> rows) {
        String text = rows.stream().map(r -> r.stream().map(CsvProperties::quote).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\r\n", "", "\n"));
        assertThat(RequirementCatalogue.Csv.parse(text)).isEqualTo(rows);
    }

    @Provide
    Arbitrary<List<List<String>>> rows() {
        Arbitrary<String> field = Arbitraries.strings().withChars("ab ,\"\n\r;é").ofMaxLength(12);
        return field.list().ofMinSize(1).ofMaxSize(6).list().ofMinSize(1).ofMaxSize(5);
    }

    static String quote(String field) {
        return "\"" + field.replace("\"", "\"\"") + "\"";
    }
}
