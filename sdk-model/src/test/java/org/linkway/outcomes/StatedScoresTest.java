package org.linkway.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.model.Assessment;
import org.linkway.validation.Finding;

/**
 * The answers issue 15 found stored unchecked, and the scores a sender states beside them: each
 * is a finding naming the item or the score, as a server refusing them needs.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StatedScoresTest {

    private final OutcomeScorer scorer = OutcomeScorer.standard();

    private static final String ONS4_ANSWERS =
            "\"itemResponses\":[{\"item\":\"life-satisfaction\",\"value\":4},{\"item\":\"worthwhile\",\"value\":5},"
                    + "{\"item\":\"happiness-yesterday\",\"value\":3},{\"item\":\"anxiety-yesterday\",\"value\":7}]";
    private static final String UCLA_ANSWERS = "\"itemResponses\":[{\"item\":\"lack-companionship\",\"value\":3},"
            + "{\"item\":\"feel-left-out\",\"value\":2},{\"item\":\"feel-isolated\",\"value\":1}]";

    private static Assessment of(String instrument, String answers, String structured) {
        return Answers.assessment("{\"resourceType\":\"Assessment\",\"instrument\":\"" + instrument + "\"," + answers
                + ",\"assessment\":{\"assessmentType\":\"t\",\"assessmentSummary\":\"s\""
                + (structured == null ? "" : ",\"structuredAssessment\":" + structured) + "}}");
    }

    private static String coded(String code) {
        return "{\"coding\":{\"system\":\"" + RecordedScores.SYSTEM + "\",\"code\":\"" + code + "\"}}";
    }

    @Test
    void ons4_answered_11_is_out_of_range_at_that_item() {
        ScoreResult r = scorer.score(
                of("ons4", ONS4_ANSWERS.replace("\"worthwhile\",\"value\":5", "\"worthwhile\",\"value\":11"), null));
        assertThat(r.isValid()).isFalse();
        assertThat(r.findings())
                .filteredOn(f -> f.ruleId().equals("LW-OUTCOME-ANSWER-RANGE"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.pointer()).isEqualTo("/itemResponses/1/value");
                    assertThat(f.message())
                            .contains("worthwhile")
                            .contains("0 to 10")
                            .contains("got 11");
                });
    }

    @Test
    void ucla_answered_4_is_out_of_range_and_two_of_three_items_is_too_few_naming_the_missing_one() {
        ScoreResult four = scorer.score(of(
                "ucla-3",
                UCLA_ANSWERS.replace("\"feel-left-out\",\"value\":2", "\"feel-left-out\",\"value\":4"),
                null));
        assertThat(four.findings())
                .extracting(Finding::ruleId)
                .containsExactly("LW-OUTCOME-ANSWER-RANGE", "LW-OUTCOME-TOO-FEW-ITEMS");
        assertThat(four.findings().get(0).pointer()).isEqualTo("/itemResponses/1/value");

        ScoreResult two =
                scorer.score(of("ucla-3", UCLA_ANSWERS.replace(",{\"item\":\"feel-isolated\",\"value\":1}", ""), null));
        assertThat(two.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("LW-OUTCOME-TOO-FEW-ITEMS");
            assertThat(f.pointer()).isEqualTo("/itemResponses");
            assertThat(f.message()).contains("not answered within range: feel-isolated");
        });
        assertThat(two.scores()).isEmpty();
    }

    @Test
    void a_stated_total_for_ons4_which_has_none_is_refused() {
        ScoreResult r = scorer.score(of("ons4", ONS4_ANSWERS, "{\"assessmentResult\":{\"value\":19}}"));
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(OutcomeRule.TOTAL_NONE.id());
            assertThat(f.pointer()).isEqualTo("/assessment/structuredAssessment/assessmentResult/value");
        });
    }

    @Test
    void coded_subscale_results_are_checked_against_the_answers_and_others_left_alone() {
        String structured = "{\"subscaleResult\":[{\"subscaleScore\":" + coded("ons4/worthwhile") + ",\"value\":5},"
                + "{\"subscaleScore\":" + coded("ons4/anxiety-yesterday") + ",\"value\":3},"
                + "{\"subscaleScore\":{\"text\":\"Anxiety, as the sender wrote it\"},\"value\":99},"
                + "{\"subscaleScore\":" + coded("ons4/total") + ",\"value\":19}]}";
        ScoreResult r = scorer.score(of("ons4", ONS4_ANSWERS, structured));
        assertThat(r.findings())
                .extracting(Finding::ruleId)
                .containsExactly("LW-OUTCOME-SCORE-MISMATCH", "LW-OUTCOME-SCORE-UNKNOWN");
        assertThat(r.findings().get(0).pointer()).isEqualTo("/assessment/structuredAssessment/subscaleResult/1/value");
        assertThat(r.findings().get(0).message())
                .contains("ons4/anxiety-yesterday")
                .contains("3")
                .contains("7");
        assertThat(r.findings().get(1).pointer())
                .isEqualTo("/assessment/structuredAssessment/subscaleResult/3/subscaleScore/coding/code");
        // the scores themselves are still the answers'
        assertThat(r.score("anxiety-yesterday").orElseThrow().value()).isEqualTo(7);
    }

    @Test
    void a_stated_swemwbs_metric_score_must_be_the_tables() {
        String answers =
                "\"itemResponses\":[{\"item\":\"optimistic-about-future\",\"value\":3},{\"item\":\"feeling-useful\",\"value\":3},"
                        + "{\"item\":\"feeling-relaxed\",\"value\":2},{\"item\":\"dealing-with-problems-well\",\"value\":3},{\"item\":\"thinking-clearly\",\"value\":3},"
                        + "{\"item\":\"feeling-close-to-others\",\"value\":4},{\"item\":\"able-to-make-up-own-mind\",\"value\":3}]";
        // raw 21 converts to 19.25
        assertThat(scorer.score(of(
                                "swemwbs",
                                answers,
                                "{\"subscaleResult\":[{\"subscaleScore\":" + coded("swemwbs/metric-total")
                                        + ",\"value\":19.25}]}"))
                        .findings())
                .isEmpty();
        assertThat(scorer.score(of(
                                "swemwbs",
                                answers,
                                "{\"subscaleResult\":[{\"subscaleScore\":" + coded("swemwbs/metric-total")
                                        + ",\"value\":21}]}"))
                        .findings())
                .extracting(Finding::ruleId)
                .containsExactly("LW-OUTCOME-SCORE-MISMATCH");
        // the overall result coded as another score
        assertThat(scorer.score(of(
                                "swemwbs",
                                answers,
                                "{\"assessmentResult\":{\"assessmentScore\":" + coded("swemwbs/metric-total")
                                        + ",\"value\":21}}"))
                        .findings())
                .extracting(Finding::ruleId, Finding::pointer)
                .containsExactly(Tuple.tuple(
                        "LW-OUTCOME-SCORE-UNKNOWN",
                        "/assessment/structuredAssessment/assessmentResult/assessmentScore/coding"));
        assertThat(scorer.score(of(
                                "swemwbs",
                                answers,
                                "{\"assessmentResult\":{\"assessmentScore\":" + coded("swemwbs/raw-total")
                                        + ",\"value\":21}}"))
                        .findings())
                .isEmpty();
    }

    @Test
    void a_stated_total_that_disagrees_and_an_unknown_instrument_are_findings() {
        assertThat(scorer.score(of("ucla-3", UCLA_ANSWERS, "{\"assessmentResult\":{\"value\":7}}"))
                        .findings())
                .extracting(Finding::ruleId)
                .containsExactly("LW-OUTCOME-TOTAL-MISMATCH");
        assertThat(scorer.score(of("phq-9", UCLA_ANSWERS, null)).findings())
                .extracting(Finding::ruleId, Finding::pointer)
                .containsExactly(Tuple.tuple("LW-OUTCOME-INSTRUMENT", "/instrument"));
    }

    @Test
    void recorded_scores_are_read_from_their_codes_only() {
        Assessment a = of(
                "swemwbs",
                "\"itemResponses\":[]",
                "{\"assessmentResult\":{\"assessmentScore\":" + coded("swemwbs/raw-total")
                        + ",\"value\":21},\"subscaleResult\":[{\"subscaleScore\":{\"text\":\"metric\"},\"value\":1},"
                        + "{\"subscaleScore\":" + coded("swemwbs/metric-total") + ",\"value\":19.25},"
                        + "{\"subscaleScore\":" + coded("ucla-3/total") + ",\"value\":6}]}");
        assertThat(RecordedScores.read(a))
                .containsExactly(Map.entry("raw-total", 21.0), Map.entry("metric-total", 19.25));
        assertThat(RecordedScores.read(of("ucla-3", UCLA_ANSWERS, "{\"assessmentResult\":{\"value\":6}}")))
                .isEmpty();
        assertThat(RecordedScores.code("ucla-3", "total")).isEqualTo("ucla-3/total");
    }
}
