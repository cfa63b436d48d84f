package org.linkway.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The table of problem types in {@code schemas/openapi.yaml} (the {@code Problem} schema's
 * description) is the catalogue rendered: the same slugs with the same statuses, in both
 * directions, word for word. With {@code -Dlinkway.regenerate=true} the test rewrites the table
 * (then review the diff by eye).
 */
class ProblemTableTest {

    static final Path OPENAPI = Path.of("../schemas/openapi.yaml");
    static final String REGENERATE = "./mvnw -B -o -pl schemas,sdk-model verify -Dtest=ProblemTableTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dlinkway.regenerate=true";
    static final String INDENT = "        ";
    static final String HEADER = INDENT + "| slug | status | title | when |";
    private static final Pattern ROW = Pattern.compile("^\\s*\\| `([^`]+)` \\| (\\d{3}) \\|.*");

    /** The table as the catalogue renders it, indented as the block scalar in the YAML needs. */
    static List<String> rendered() {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.add(INDENT + "|---|---|---|---|");
        for (ProblemType t : ProblemType.values()) {
            lines.add(INDENT + "| `" + t.slug() + "` | " + t.status() + " | " + t.title() + " | "
                    + t.description().replace("|", "\\|") + " |");
        }
        return lines;
    }

    @Test
    void the_openapi_table_lists_exactly_the_catalogue() throws IOException {
        List<String> yaml = Files.readAllLines(OPENAPI, StandardCharsets.UTF_8);
        int start = yaml.indexOf(HEADER);
        assertThat(start)
                .as("schemas/openapi.yaml has no problem table starting with %s", HEADER.strip())
                .isNotNegative();
        int end = start;
        while (end < yaml.size() && yaml.get(end).startsWith(INDENT + "|")) {
            end++;
        }
        if (Boolean.getBoolean("linkway.regenerate")) {
            List<String> updated = new ArrayList<>(yaml.subList(0, start));
            updated.addAll(rendered());
            updated.addAll(yaml.subList(end, yaml.size()));
            Files.write(OPENAPI, updated, StandardCharsets.UTF_8);
            yaml = updated;
            end = start + rendered().size();
        }
        Map<String, Integer> documented = new TreeMap<>();
        for (String line : yaml.subList(start, end)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                documented.put(m.group(1), Integer.parseInt(m.group(2)));
            }
        }
        Map<String, Integer> catalogue = new TreeMap<>();
        for (ProblemType t : ProblemType.values()) {
            catalogue.put(t.slug(), t.status());
        }
        Set<String> onlyInDocument = new HashSet<>(documented.keySet());
        onlyInDocument.removeAll(catalogue.keySet());
        Set<String> onlyInCatalogue = new HashSet<>(catalogue.keySet());
        onlyInCatalogue.removeAll(documented.keySet());
        assertThat(onlyInDocument)
                .as("slugs in openapi.yaml's problem table that ProblemType lacks; run %s", REGENERATE)
                .isEmpty();
        assertThat(onlyInCatalogue)
                .as("ProblemType constants missing from openapi.yaml's problem table; run %s", REGENERATE)
                .isEmpty();
        assertThat(documented)
                .as("statuses in openapi.yaml's problem table; run %s", REGENERATE)
                .isEqualTo(catalogue);
        assertThat(yaml.subList(start, end))
                .as("openapi.yaml's problem table is stale; run %s", REGENERATE)
                .isEqualTo(rendered());
    }

    @Test
    void slugs_and_types_are_well_formed_and_unique() {
        Set<String> slugs = new HashSet<>();
        for (ProblemType t : ProblemType.values()) {
            assertThat(t.slug()).matches("[a-z0-9][a-z0-9-]*");
            assertThat(slugs.add(t.slug()))
                    .as("slug %s is used twice", t.slug())
                    .isTrue();
            assertThat(t.type()).isEqualTo("urn:linkway:problem:" + t.slug());
            assertThat(t.status()).isBetween(400, 599);
            assertThat(t.title()).isNotBlank();
            assertThat(t.description()).isNotBlank().doesNotContain("\n");
            assertThat(ProblemType.fromSlug(t.slug())).contains(t);
            assertThat(ProblemType.fromType(t.type())).contains(t);
            assertThat(t.name()).isEqualTo(t.slug().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        assertThat(ProblemType.fromSlug("from-a-newer-server")).isEmpty();
        assertThat(ProblemType.fromType("https://example.org/not-found")).isEmpty();
        assertThat(ProblemType.fromType(null)).isEmpty();
    }
}
