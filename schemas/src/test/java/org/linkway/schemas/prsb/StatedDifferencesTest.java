package org.linkway.schemas.prsb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deliberate differences against the schemas: each row of {@code deliberate-differences.tsv}
 * describes something true, and a difference the schemas show (a minimum length, a date alone)
 * has its row or its computed entry, so none is made silently.
 */
class StatedDifferencesTest {

    private static CoverageReport report;
    private static StatedDifferences stated;

    @BeforeAll
    static void load() {
        report = CoverageReport.of(PrsbStandard.v1_1(), SchemaSource.module(Path.of("."), Map.of()));
        stated = StatedDifferences.load(read(StatedDifferences.FILE), PrsbStandard.v1_1());
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void every_home_whose_minimum_length_differs_from_the_standard_has_a_row_giving_it() {
        List<String> wrong = new ArrayList<>();
        for (PrsbElement e : PrsbStandard.v1_1().elements()) {
            StatedDifferences.Row row = stated.find(StatedDifferences.Kind.MIN_LENGTH, e);
            for (SchemaWalker.Home h : report.homesOf(e)) {
                if (e.isGroup()) {
                    continue;
                }
                int schema = h.valueSchema().path("minLength").asInt(0);
                int expected = row != null
                        ? Integer.parseInt(row.linkway())
                        : e.minLength().orElse(h.valueSchema().has("minLength") ? schema : 0);
                if (e.minLength().isPresent()
                        && row == null
                        && schema != e.minLength().getAsInt()) {
                    wrong.add(h.label() + " (" + e.path() + "): PRSB min "
                            + e.minLength().getAsInt() + ", schema " + schema + ", and no min-length row says why");
                } else if (row != null && schema != expected) {
                    wrong.add(h.label() + " (" + e.path() + "): the min-length row says " + expected + ", schema "
                            + schema);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * The schemas require an element PRSB leaves optional (minimum 0, not M) only where a
     * required-by-schema row says so and why; each row names such a home. (PRSB's own minimums of 1
     * without M have their computed table.)
     */
    @Test
    void every_home_the_schemas_require_although_prsb_leaves_it_optional_has_a_row() {
        List<String> unlisted = new ArrayList<>();
        List<String> homes = new ArrayList<>();
        for (PrsbElement e : PrsbStandard.v1_1().elements()) {
            if (e.isMandatory() || e.min() >= 1) {
                continue;
            }
            for (SchemaWalker.Home h : report.homesOf(e)) {
                boolean minItems = h.isArray() && h.schema().path("minItems").asInt(0) >= 1;
                if (h.required() || minItems) {
                    homes.add(e.path() + " at " + h.label());
                    boolean hasRow = stated.of(StatedDifferences.Kind.REQUIRED_BY_SCHEMA).stream()
                            .anyMatch(r -> r.element() == e && r.linkway().equals(h.label()));
                    if (!hasRow) {
                        unlisted.add(h.label() + " (" + e.path() + ", " + e.cardinality() + " " + e.mro() + ")");
                    }
                }
            }
        }
        assertThat(unlisted)
                .as("required homes of optional PRSB elements without a row")
                .isEmpty();
        assertThat(stated.of(StatedDifferences.Kind.REQUIRED_BY_SCHEMA))
                .extracting(r -> r.element().path() + " at " + r.linkway())
                .as("required-by-schema rows that name no such home")
                .isSubsetOf(homes);
    }

    @Test
    void no_home_limits_a_length_prsb_leaves_open() {
        List<String> limited = new ArrayList<>();
        for (PrsbElement e : PrsbStandard.v1_1().elements()) {
            if (e.isGroup() || e.maxLength().isPresent()) {
                continue;
            }
            for (SchemaWalker.Home h : report.homesOf(e)) {
                if (h.valueSchema().has("maxLength")) {
                    limited.add(h.label() + " (" + e.path() + "): maxLength "
                            + h.valueSchema().get("maxLength"));
                }
            }
        }
        assertThat(limited)
                .as("homes with a maximum length where PRSB sets none (a deliberate difference with no row kind yet)")
                .isEmpty();
    }

    @Test
    void min_length_rows_name_elements_with_a_prsb_minimum_they_differ_from() {
        for (StatedDifferences.Row r : stated.of(StatedDifferences.Kind.MIN_LENGTH)) {
            assertThat(r.element().minLength()).as(r.element().path()).isPresent();
            assertThat(Integer.parseInt(r.linkway()))
                    .as(r.element().path())
                    .isNotEqualTo(r.element().minLength().getAsInt());
        }
    }

    @Test
    void mandatory_by_rule_rows_name_elements_prsb_does_not_make_mandatory_and_a_rule_id() {
        assertThat(stated.of(StatedDifferences.Kind.MANDATORY_BY_RULE)).isNotEmpty();
        for (StatedDifferences.Row r : stated.of(StatedDifferences.Kind.MANDATORY_BY_RULE)) {
            assertThat(r.element().isMandatory()).as(r.element().path()).isFalse();
            assertThat(r.linkway()).as(r.element().path()).matches("LW-[A-Z0-9-]+");
        }
    }

    @Test
    void value_set_rows_name_items_for_which_prsb_names_a_code_list_or_system() {
        for (StatedDifferences.Row r : stated.of(StatedDifferences.Kind.VALUE_SET)) {
            assertThat(ValueSetDifferences.coded(r.element()))
                    .as(r.element().path())
                    .isTrue();
        }
    }

    @Test
    void every_prsb_date_and_time_takes_a_date_alone_and_the_report_lists_each() {
        List<PrsbElement> datetimes = PrsbStandard.v1_1().elements().stream()
                .filter(e -> "datetime".equals(e.valueType()))
                .toList();
        assertThat(new DateDifferences(report).dateOnlyAllowed()).containsExactlyElementsOf(datetimes);
    }

    @Test
    void the_report_has_a_part_for_every_kind_of_difference() {
        String md = report.render();
        assertThat(md)
                .contains("### Mandatory in Linkway, optional in PRSB")
                .contains("### Dates and times")
                .contains("### Longer than the standard allows")
                .contains("### Shorter minimum lengths")
                .contains("### Value sets whose membership is not enforced")
                .contains("`Social context / Household environment / Household environment` | text(5) | text(150)");
    }

    @Test
    void the_bundled_coverage_is_the_committed_report_and_places_every_element() throws IOException {
        PrsbCoverage bundled = PrsbCoverage.ofBundledSchemas();
        assertThat(bundled.markdown())
                .as("PrsbCoverage over this jar's resources against the committed %s", CoverageReport.FILE)
                .isEqualTo(Files.readString(Path.of(CoverageReport.FILE), StandardCharsets.UTF_8));
        assertThat(bundled.elements()).hasSize(355).allMatch(PrsbCoverage.Element::placed);
    }
}
