package org.linkway.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class InstrumentCatalogueTest {

    private static final List<String> SHIPPED =
            List.of("ons4", "wemwbs", "swemwbs", "ucla-3", "pam", "outcomes-star", "eq-5d");

    @Test
    void every_definition_file_is_valid_against_the_catalogue_schema() throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Schema schema = registry.getSchema(
                SchemaLocation.of("classpath:org/linkway/outcomes/instruments/instrument.schema.json"));
        for (String id : SHIPPED) {
            JsonNode file = read(id + ".json");
            assertThat(schema.validate(file)).as(id + ".json").isEmpty();
        }
        // the schema is not vacuous: a definition missing its licence is refused
        JsonNode broken = read("ons4.json");
        ((ObjectNode) broken).remove("licence");
        assertThat(schema.validate(broken)).isNotEmpty();
    }

    @Test
    void the_standard_catalogue_holds_the_shipped_instruments_in_order() {
        assertThat(InstrumentCatalogue.standard().all())
                .extracting(Instrument::id)
                .containsExactlyElementsOf(SHIPPED);
    }

    @Test
    void ranges_and_directions_are_those_the_instruments_publish() {
        InstrumentCatalogue c = InstrumentCatalogue.standard();
        Instrument wemwbs = c.find("wemwbs").orElseThrow();
        assertThat(wemwbs.items())
                .hasSize(14)
                .allSatisfy(i -> assertThat(i.min()).isEqualTo(1));
        assertThat(wemwbs.primaryScore().orElseThrow()).satisfies(s -> {
            assertThat(s.min()).isEqualTo(14);
            assertThat(s.max()).isEqualTo(70);
            assertThat(s.better()).isEqualTo(Direction.HIGHER);
        });
        Instrument swemwbs = c.find("swemwbs").orElseThrow();
        assertThat(swemwbs.items()).hasSize(7);
        assertThat(swemwbs.primaryScore().orElseThrow().min()).isEqualTo(7);
        assertThat(swemwbs.primaryScore().orElseThrow().max()).isEqualTo(35);
        // SWEMWBS's items are WEMWBS items
        assertThat(wemwbs.items())
                .extracting(ItemDefinition::id)
                .containsAll(swemwbs.items().stream().map(ItemDefinition::id).toList());
        Instrument ucla = c.find("ucla-3").orElseThrow();
        assertThat(ucla.primaryScore().orElseThrow()).satisfies(s -> {
            assertThat(s.min()).isEqualTo(3);
            assertThat(s.max()).isEqualTo(9);
            assertThat(s.better()).isEqualTo(Direction.LOWER);
        });
        Instrument ons4 = c.find("ons4").orElseThrow();
        assertThat(ons4.primaryScore()).isEmpty();
        assertThat(ons4.score("anxiety-yesterday").orElseThrow().better()).isEqualTo(Direction.LOWER);
        assertThat(ons4.scores())
                .filteredOn(s -> !s.id().equals("anxiety-yesterday"))
                .hasSize(3)
                .allSatisfy(s -> assertThat(s.better()).isEqualTo(Direction.HIGHER));
        // anxiety is reverse in meaning, not reverse-scored
        assertThat(ons4.items()).noneMatch(ItemDefinition::reverse);
    }

    @Test
    void licensed_content_is_not_shipped_and_codes_are_linkway_unless_verified() {
        for (Instrument i : InstrumentCatalogue.standard().all()) {
            assertThat(i.licence().itemWordingShipped()).as(i.id()).isFalse();
            // SWEMWBS's raw-to-metric table is published openly by Warwick; nothing else carries a table
            assertThat(i.licence().conversionTableShipped()).as(i.id()).isEqualTo(i.id().equals("swemwbs"));
            assertThat(i.codes())
                    .as(i.id())
                    .isNotEmpty()
                    .allSatisfy(code -> assertThat(code.system()).isEqualTo(InstrumentCode.LINKWAY_SYSTEM));
            assertThat(i.codes()).extracting(InstrumentCode::code).contains(i.id());
        }
        assertThat(InstrumentCatalogue.standard()
                        .find("wemwbs")
                        .orElseThrow()
                        .licence()
                        .summary())
                .contains("licence");
        assertThat(InstrumentCatalogue.standard().all())
                .filteredOn(i -> i.kind() == InstrumentKind.EXTERNALLY_SCORED)
                .extracting(Instrument::id)
                .containsExactlyInAnyOrder("pam", "outcomes-star", "eq-5d");
    }

    @Test
    void every_item_is_used_by_some_score_and_ids_are_unique_across_the_catalogue_files() {
        for (Instrument i : InstrumentCatalogue.standard().all()) {
            Set<String> used = new HashSet<>();
            i.scores().forEach(s -> used.addAll(s.items()));
            // outcomes-star's area count is context, not a score
            if (!i.id().equals("outcomes-star")) {
                assertThat(used)
                        .as(i.id())
                        .containsExactlyInAnyOrderElementsOf(
                                i.items().stream().map(ItemDefinition::id).toList());
            }
        }
    }

    @Test
    void an_inconsistent_definition_is_refused_with_the_field_named() {
        assertThatThrownBy(() -> InstrumentCatalogue.read("{\"id\":\"x1\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'name'");
        String usesUndefinedItem = "{\"id\":\"x1\",\"name\":\"X\",\"kind\":\"item-scored\",\"definitionVersion\":1,"
                + "\"items\":[{\"id\":\"a\",\"label\":\"A\",\"min\":0,\"max\":1,\"integer\":true,\"reverse\":false}],"
                + "\"scores\":[{\"id\":\"t\",\"label\":\"T\",\"method\":\"sum\",\"items\":[\"b\"],\"minItemsAnswered\":1,"
                + "\"min\":0,\"max\":1,\"better\":\"higher\",\"primary\":true}],"
                + "\"licence\":{\"holder\":\"h\",\"summary\":\"s\",\"itemWordingShipped\":false},\"codes\":[]}";
        assertThatThrownBy(() -> InstrumentCatalogue.read(usesUndefinedItem)).hasMessageContaining("undefined item b");
        assertThatThrownBy(() -> InstrumentCatalogue.read("not json")).isInstanceOf(IllegalArgumentException.class);
        Instrument ok = InstrumentCatalogue.read(usesUndefinedItem.replace("[\"b\"]", "[\"a\"]"));
        assertThat(InstrumentCatalogue.of(List.of(ok)).find("x1")).contains(ok);
    }

    private static JsonNode read(String name) throws IOException {
        try (InputStream in = InstrumentCatalogue.class.getResourceAsStream(InstrumentCatalogue.RESOURCE_DIR + name)) {
            return LinkwayJson.mapper().readTree(in.readAllBytes());
        }
    }
}
