package org.linkway.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.linkway.model.Assessment;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SWEMWBS metric scores against Warwick's published raw-to-metric table, every row, through the
 * public scoring API. The table here is typed in from the publication, apart from the catalogue
 * file, so a slip in either shows.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SwemwbsMetricTest {

    /** Raw total 7 to 35 and its metric score, as Warwick Medical School publishes them. */
    static final double[][] PUBLISHED = {
        {7, 7.00},
        {8, 9.51},
        {9, 11.25},
        {10, 12.40},
        {11, 13.33},
        {12, 14.08},
        {13, 14.75},
        {14, 15.32},
        {15, 15.84},
        {16, 16.36},
        {17, 16.88},
        {18, 17.43},
        {19, 17.98},
        {20, 18.59},
        {21, 19.25},
        {22, 19.98},
        {23, 20.73},
        {24, 21.54},
        {25, 22.35},
        {26, 23.21},
        {27, 24.11},
        {28, 25.03},
        {29, 26.02},
        {30, 27.03},
        {31, 28.13},
        {32, 29.31},
        {33, 30.70},
        {34, 32.55},
        {35, 35.00}
    };

    private final OutcomeScorer scorer = OutcomeScorer.standard();

    static Stream<Arguments> table() {
        return Stream.of(PUBLISHED).map(row -> Arguments.of((int) row[0], row[1]));
    }

    /** Seven answers from 1 to 5 adding up to the raw total, spread over the items. */
    static int[] answersFor(int raw) {
        int[] answers = {1, 1, 1, 1, 1, 1, 1};
        int left = raw - 7;
        for (int i = 0; left > 0; i = (i + 1) % 7) {
            if (answers[i] < 5) {
                answers[i]++;
                left--;
            }
        }
        return answers;
    }

    /** An assessment as a sender would post it (JSON, read into the model), with the raw total stated. */
    static Assessment swemwbs(int raw) {
        ObjectNode doc = LinkwayJson.mapper().createObjectNode();
        doc.put("resourceType", "Assessment")
                .put("schemaVersion", "1.0.0")
                .put("prsbVersion", "1.1")
                .put("instrument", "swemwbs");
        ArrayNode responses = doc.putArray("itemResponses");
        int[] answers = answersFor(raw);
        List<ItemDefinition> items =
                InstrumentCatalogue.standard().find("swemwbs").orElseThrow().items();
        for (int i = 0; i < 7; i++) {
            responses.addObject().put("item", items.get(i).id()).put("value", answers[i]);
        }
        ObjectNode result = doc.putObject("assessment")
                .put("assessmentType", "Wellbeing")
                .put("assessmentSummary", "SWEMWBS")
                .putObject("structuredAssessment")
                .putObject("assessmentResult");
        result.put("value", raw);
        return LinkwayJson.mapper().treeToValue(doc, Assessment.class);
    }

    @ParameterizedTest(name = "raw {0} is metric {1}")
    @MethodSource("table")
    void every_published_row_is_the_metric_score_the_scorer_gives(int raw, double metric) {
        assertThat(IntStream.of(answersFor(raw)).sum()).isEqualTo(raw);
        ScoreResult r = scorer.score(swemwbs(raw));
        assertThat(r.findings()).isEmpty();
        assertThat(r.score("raw-total").orElseThrow().value()).isEqualTo(raw);
        assertThat(r.score("metric-total").orElseThrow().value()).isEqualTo(metric);
        assertThat(r.score("metric-total").orElseThrow().better()).isEqualTo(Direction.HIGHER);
    }

    @Test
    void the_catalogue_table_is_the_published_one_with_its_source() {
        ScoreDefinition metric = InstrumentCatalogue.standard()
                .find("swemwbs")
                .orElseThrow()
                .score("metric-total")
                .orElseThrow();
        assertThat(metric.method()).isEqualTo(ScoringMethod.TABLE);
        assertThat(metric.primary()).isFalse();
        Conversion c = metric.conversion().orElseThrow();
        assertThat(c.table()).hasSize(29);
        for (double[] row : PUBLISHED) {
            assertThat(c.table().get((int) row[0])).as("raw %s", (int) row[0]).isEqualTo(row[1]);
        }
        assertThat(c.source()).contains("Warwick").contains("Stewart-Brown");
        assertThat(c.published()).isNotBlank();
        // the raw total stays the overall result that PRSB's Assessment result / Value holds
        assertThat(InstrumentCatalogue.standard()
                        .find("swemwbs")
                        .orElseThrow()
                        .primaryScore()
                        .orElseThrow()
                        .id())
                .isEqualTo("raw-total");
    }

    @Test
    void metric_scores_rise_strictly_with_the_raw_total_from_7_to_35() {
        List<Double> metrics = new ArrayList<>();
        for (int raw = 7; raw <= 35; raw++) {
            metrics.add(scorer.score(swemwbs(raw))
                    .score("metric-total")
                    .orElseThrow()
                    .value());
        }
        assertThat(metrics.get(0)).isEqualTo(7.00);
        assertThat(metrics.get(28)).isEqualTo(35.00);
        for (int i = 1; i < metrics.size(); i++) {
            assertThat(metrics.get(i)).as("raw %d", i + 7).isGreaterThan(metrics.get(i - 1));
        }
    }

    @Test
    void a_partial_set_of_answers_has_no_metric_score() {
        Instrument s = InstrumentCatalogue.standard().find("swemwbs").orElseThrow();
        ScoreResult r = scorer.score(s, Answers.inOrder(s, 3, 3, 3, 3, 3, 3, 3).subList(0, 6), null);
        assertThat(r.score("metric-total")).isEmpty();
        assertThat(r.findings()).extracting(f -> f.ruleId()).contains("LW-OUTCOME-TOO-FEW-ITEMS");
        assertThat(r.findings())
                .anySatisfy(
                        f -> assertThat(f.message()).contains("metric-total").contains("able-to-make-up-own-mind"));
    }

    @Test
    void a_table_with_a_gap_or_a_row_out_of_range_is_refused_when_the_instrument_is_built() {
        Map<Integer, Double> gap = new HashMap<>();
        gap.put(2, 2.0);
        gap.put(4, 4.0); // no row for 3
        assertThat(Assertions.catchThrowable(() -> twoItemTable(gap)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one row for each total from 2 to 4");
        Map<Integer, Double> outside = Map.of(2, 2.0, 3, 3.0, 4, 40.0);
        assertThat(Assertions.catchThrowable(() -> twoItemTable(outside)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside");
        assertThat(twoItemTable(Map.of(2, 2.5, 3, 3.0, 4, 3.5)).score("converted"))
                .isPresent();
    }

    private static Instrument twoItemTable(Map<Integer, Double> table) {
        return Instrument.builder()
                .id("two-table")
                .name("Two items and a table")
                .kind(InstrumentKind.ITEM_SCORED)
                .item(new ItemDefinition("a", "A", 1, 2, true, false))
                .item(new ItemDefinition("b", "B", 1, 2, true, false))
                .score(new ScoreDefinition(
                        "converted",
                        "Converted",
                        ScoringMethod.TABLE,
                        List.of("a", "b"),
                        2,
                        2,
                        4,
                        Direction.HIGHER,
                        true,
                        Optional.empty(),
                        Optional.of(Conversion.of("invented for a test", "2026", table))))
                .licence(new Licence("Linkway tests", "invented", false, true))
                .build();
    }
}
