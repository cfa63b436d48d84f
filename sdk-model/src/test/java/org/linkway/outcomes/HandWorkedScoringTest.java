package org.linkway.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linkway.outcomes.Answers.answer;
import static org.linkway.outcomes.Answers.inOrder;
import static org.linkway.outcomes.Answers.instrument;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linkway.model.Assessment;
import org.linkway.validation.Finding;
import org.linkway.validation.Severity;

/** Every instrument scored against examples worked out by hand (the sums are in the comments). */
class HandWorkedScoringTest {

    private final OutcomeScorer scorer = OutcomeScorer.standard();

    @Test
    void ons4_example_gives_four_separate_scores_and_no_total() throws Exception {
        ScoreResult r = scorer.score(Answers.example("assessment--ons4-baseline.json"));
        assertThat(r.findings()).isEmpty();
        assertThat(r.scores()).hasSize(4);
        assertThat(r.score("life-satisfaction").orElseThrow().value()).isEqualTo(4);
        assertThat(r.score("worthwhile").orElseThrow().value()).isEqualTo(5);
        assertThat(r.score("happiness-yesterday").orElseThrow().value()).isEqualTo(3);
        // anxiety stays as answered: 7 (not reversed to 3)
        assertThat(r.score("anxiety-yesterday").orElseThrow().value()).isEqualTo(7);
        assertThat(r.score("anxiety-yesterday").orElseThrow().better()).isEqualTo(Direction.LOWER);
    }

    @Test
    void swemwbs_example_raw_total_matches_its_recorded_result() throws Exception {
        // 3 + 3 + 2 + 3 + 3 + 4 + 3 = 21, recorded as 21
        ScoreResult r = scorer.score(Answers.example("assessment--swemwbs-review.json"));
        assertThat(r.findings()).isEmpty();
        assertThat(r.score("raw-total").orElseThrow().value()).isEqualTo(21);
    }

    @Test
    void wemwbs_total_is_the_sum_of_fourteen_answers() {
        // 4+3+3+4+2+3+4+3+4+3+4+5+3+4 = 49
        ScoreResult r = scorer.score(
                instrument("wemwbs"), inOrder(instrument("wemwbs"), 4, 3, 3, 4, 2, 3, 4, 3, 4, 3, 4, 5, 3, 4), 49.0);
        assertThat(r.findings()).isEmpty();
        assertThat(r.score("total").orElseThrow().value()).isEqualTo(49);
        assertThat(r.score("total").orElseThrow().itemsAnswered()).isEqualTo(14);
    }

    @Test
    void wemwbs_extremes_are_14_and_70() {
        Instrument w = instrument("wemwbs");
        double[] ones = new double[14];
        double[] fives = new double[14];
        Arrays.fill(ones, 1);
        Arrays.fill(fives, 5);
        assertThat(scorer.score(w, inOrder(w, ones), null)
                        .score("total")
                        .orElseThrow()
                        .value())
                .isEqualTo(14);
        assertThat(scorer.score(w, inOrder(w, fives), null)
                        .score("total")
                        .orElseThrow()
                        .value())
                .isEqualTo(70);
    }

    @Test
    void ucla_three_item_total() {
        // often (3) lacking companionship, some of the time (2) left out, hardly ever (1) isolated: 3 + 2 + 1 = 6
        ScoreResult r = scorer.score(instrument("ucla-3"), inOrder(instrument("ucla-3"), 3, 2, 1), 6.0);
        assertThat(r.findings()).isEmpty();
        assertThat(r.score("total").orElseThrow().value()).isEqualTo(6);
        assertThat(r.score("total").orElseThrow().better()).isEqualTo(Direction.LOWER);
    }

    @Test
    void externally_scored_tools_record_their_reported_results() {
        ScoreResult pam = scorer.score(
                instrument("pam"), List.of(answer("activation-score", 62.4), answer("activation-level", 3)), 62.4);
        assertThat(pam.findings()).isEmpty();
        assertThat(pam.score("activation-score").orElseThrow().value()).isEqualTo(62.4);
        assertThat(pam.score("activation-level").orElseThrow().value()).isEqualTo(3);

        ScoreResult eq =
                scorer.score(instrument("eq-5d"), List.of(answer("index-value", 0.725), answer("vas", 70)), null);
        assertThat(eq.findings()).isEmpty();
        assertThat(eq.score("index-value").orElseThrow().value()).isEqualTo(0.725);

        ScoreResult star = scorer.score(
                instrument("outcomes-star"), List.of(answer("mean-reading", 6.5), answer("areas", 8)), null);
        assertThat(star.findings()).isEmpty();
        assertThat(star.score("mean-reading").orElseThrow().value()).isEqualTo(6.5);
    }

    @Test
    void an_externally_scored_total_alone_is_the_record_and_needs_no_warning() {
        ScoreResult pam = scorer.score(instrument("pam"), List.of(), 55.0);
        assertThat(pam.findings()).isEmpty();
        assertThat(pam.score("activation-score").orElseThrow().value()).isEqualTo(55);
    }

    @Test
    void a_recorded_total_that_does_not_match_the_answers_is_a_finding_at_the_prsb_value() {
        // answers total 21; the sender recorded 22
        Instrument s = instrument("swemwbs");
        ScoreResult r = scorer.score(s, inOrder(s, 3, 3, 2, 3, 3, 4, 3), 22.0);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("LW-OUTCOME-TOTAL-MISMATCH");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.pointer()).isEqualTo("/assessment/structuredAssessment/assessmentResult/value");
            assertThat(f.prsbPath()).endsWith("Assessment result / Value");
            assertThat(f.message()).contains("22").contains("21");
        });
        assertThat(r.isValid()).isFalse();
    }

    @Test
    void an_out_of_range_answer_is_named_and_the_total_is_not_computed() {
        Instrument w = instrument("wemwbs");
        // item 6 (index 5) answered 6 on a 1 to 5 scale
        ScoreResult r = scorer.score(w, inOrder(w, 4, 3, 3, 4, 2, 6, 4, 3, 4, 3, 4, 5, 3, 4), null);
        assertThat(r.findings())
                .extracting(Finding::ruleId)
                .containsExactly("LW-OUTCOME-ANSWER-RANGE", "LW-OUTCOME-TOO-FEW-ITEMS");
        assertThat(r.findings().get(0).pointer()).isEqualTo("/itemResponses/5/value");
        assertThat(r.findings().get(0).message())
                .contains("dealing-with-problems-well")
                .contains("1 to 5")
                .contains("got 6");
        assertThat(r.score("total")).isEmpty();
    }

    @Test
    void a_fraction_on_a_whole_number_item_is_out_of_range() {
        Instrument u = instrument("ucla-3");
        ScoreResult r = scorer.score(u, inOrder(u, 2.5, 2, 2), null);
        assertThat(r.has(OutcomeRule.ANSWER_RANGE)).isTrue();
        assertThat(r.findings().get(0).pointer()).isEqualTo("/itemResponses/0/value");
    }

    @Test
    void too_few_items_answered_is_a_finding_not_a_partial_total() {
        Instrument s = instrument("swemwbs");
        ScoreResult r = scorer.score(s, List.of(answer("feeling-useful", 3), answer("feeling-relaxed", 4)), null);
        // one finding per score that cannot be computed: the raw total and the metric score
        assertThat(r.findings()).hasSize(2).allSatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("LW-OUTCOME-TOO-FEW-ITEMS");
            assertThat(f.message())
                    .contains("at least 7")
                    .contains("2 are")
                    .contains("thinking-clearly")
                    .doesNotContain("feeling-useful");
        });
        assertThat(r.scores()).isEmpty();
    }

    @Test
    void unknown_and_repeated_items_are_findings() {
        Instrument u = instrument("ucla-3");
        ScoreResult r = scorer.score(
                u,
                List.of(
                        answer("lack-companionship", 1),
                        answer("lack-companionship", 2),
                        answer("feel-left-out", 1),
                        answer("feel-isolated", 1),
                        answer("feel-happy", 3)),
                3.0);
        assertThat(r.findings())
                .extracting(Finding::ruleId)
                .containsExactly("LW-OUTCOME-ITEM-REPEATED", "LW-OUTCOME-ITEM-UNKNOWN");
        assertThat(r.findings())
                .extracting(Finding::pointer)
                .containsExactly("/itemResponses/1/item", "/itemResponses/4/item");
        // the first answer counts: 1 + 1 + 1 = 3, as recorded
        assertThat(r.score("total").orElseThrow().value()).isEqualTo(3);
    }

    @Test
    void a_total_without_its_answers_is_taken_with_a_warning_and_range_checked() {
        Instrument s = instrument("swemwbs");
        ScoreResult unchecked = scorer.score(s, List.of(), 21.0);
        assertThat(unchecked.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("LW-OUTCOME-TOTAL-UNCHECKED");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
        });
        assertThat(unchecked.isValid()).isTrue();
        assertThat(unchecked.score("raw-total").orElseThrow().value()).isEqualTo(21);

        ScoreResult impossible = scorer.score(s, List.of(), 40.0);
        assertThat(impossible.findings())
                .extracting(Finding::ruleId)
                .containsExactly("LW-OUTCOME-TOTAL-RANGE", "LW-OUTCOME-TOO-FEW-ITEMS");
        assertThat(impossible.scores()).isEmpty();
    }

    @Test
    void nothing_to_score_is_a_finding() {
        ScoreResult r = scorer.score(instrument("ons4"), null, null);
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("LW-OUTCOME-TOO-FEW-ITEMS");
    }

    @Test
    void an_unknown_instrument_is_a_finding_naming_the_known_ones() {
        Assessment a =
                Answers.assessment("{\"resourceType\":\"Assessment\",\"instrument\":\"phq-9\",\"itemResponses\":[]}");
        ScoreResult r = scorer.score(a);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("LW-OUTCOME-INSTRUMENT");
            assertThat(f.pointer()).isEqualTo("/instrument");
            assertThat(f.message()).contains("phq-9").contains("wemwbs");
        });
        assertThat(scorer.score((Assessment) null).isValid()).isFalse();
    }

    @Test
    void a_reverse_scored_item_counts_min_plus_max_minus_the_answer() {
        Instrument custom = Instrument.builder()
                .id("custom-two")
                .name("Two items, one reversed")
                .kind(InstrumentKind.ITEM_SCORED)
                .item(new ItemDefinition("a", "A", 1, 5, true, false))
                .item(new ItemDefinition("b", "B", 1, 5, true, true))
                .score(new ScoreDefinition(
                        "total",
                        "Total",
                        ScoringMethod.SUM,
                        List.of("a", "b"),
                        2,
                        2,
                        10,
                        Direction.HIGHER,
                        true,
                        Optional.empty()))
                .score(new ScoreDefinition(
                        "mean",
                        "Mean",
                        ScoringMethod.MEAN,
                        List.of("a", "b"),
                        1,
                        1,
                        5,
                        Direction.HIGHER,
                        false,
                        Optional.empty()))
                .licence(new Licence("Linkway tests", "invented", false, false))
                .build();
        // a = 4; b answered 2 counts 1 + 5 - 2 = 4; total 8, mean 4
        ScoreResult r = OutcomeScorer.over(InstrumentCatalogue.of(List.of(custom)))
                .score(custom, List.of(answer("a", 4), answer("b", 2)), 8.0);
        assertThat(r.findings()).isEmpty();
        assertThat(r.score("total").orElseThrow().value()).isEqualTo(8);
        assertThat(r.score("mean").orElseThrow().value()).isEqualTo(4);
        // with b missing, the mean still scores (one item is enough) and the total does not
        ScoreResult partial = OutcomeScorer.over(InstrumentCatalogue.of(List.of(custom)))
                .score(custom, List.of(answer("a", 3)), null);
        assertThat(partial.score("mean").orElseThrow().value()).isEqualTo(3);
        assertThat(partial.score("total")).isEmpty();
        assertThat(partial.has(OutcomeRule.TOO_FEW_ITEMS)).isTrue();
    }
}
