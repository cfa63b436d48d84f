package org.linkway.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linkway.model.Assessment;
import org.linkway.validation.Finding;

class OutcomeChangeTest {

    private final OutcomeScorer scorer = OutcomeScorer.standard();

    private static Assessment ons4(String at, int life, int worth, int happy, int anxiety) {
        return Answers.assessment("{\"resourceType\":\"Assessment\",\"instrument\":\"ons4\",\"administeredAt\":\"" + at
                + "\",\"itemResponses\":["
                + "{\"item\":\"life-satisfaction\",\"value\":" + life + "},{\"item\":\"worthwhile\",\"value\":" + worth
                + "},"
                + "{\"item\":\"happiness-yesterday\",\"value\":" + happy
                + "},{\"item\":\"anxiety-yesterday\",\"value\":" + anxiety + "}]}");
    }

    private static Assessment ucla(String at, int a, int b, int c) {
        return Answers.assessment("{\"resourceType\":\"Assessment\",\"instrument\":\"ucla-3\",\"administeredAt\":\""
                + at + "\",\"itemResponses\":["
                + "{\"item\":\"lack-companionship\",\"value\":" + a + "},{\"item\":\"feel-left-out\",\"value\":" + b
                + "},"
                + "{\"item\":\"feel-isolated\",\"value\":" + c + "}]}");
    }

    @Test
    void ons4_baseline_to_follow_up_knows_that_less_anxiety_is_better() {
        // baseline 4, 5, 3, 7; follow-up 6, 6, 3, 5
        OutcomeChange c = scorer.change(ons4("2026-03-12", 4, 5, 3, 7), ons4("2026-09-10", 6, 6, 3, 5));
        assertThat(c.findings()).isEmpty();
        assertThat(c.change("life-satisfaction").orElseThrow()).satisfies(x -> {
            assertThat(x.change()).isEqualTo(2);
            assertThat(x.trend()).isEqualTo(Trend.IMPROVED);
        });
        assertThat(c.change("happiness-yesterday").orElseThrow().trend()).isEqualTo(Trend.UNCHANGED);
        assertThat(c.change("anxiety-yesterday").orElseThrow()).satisfies(x -> {
            assertThat(x.change()).isEqualTo(-2);
            assertThat(x.improvement()).isEqualTo(2);
            assertThat(x.trend()).isEqualTo(Trend.IMPROVED);
        });
    }

    @Test
    void loneliness_falling_is_an_improvement_and_rising_is_not() {
        // 3+2+2 = 7 then 2+2+1 = 5
        assertThat(scorer.change(ucla("2026-01-05", 3, 2, 2), ucla("2026-04-01", 2, 2, 1))
                        .change("total")
                        .orElseThrow()
                        .trend())
                .isEqualTo(Trend.IMPROVED);
        assertThat(scorer.change(ucla("2026-01-05", 2, 2, 1), ucla("2026-04-01", 3, 2, 2))
                        .change("total")
                        .orElseThrow()
                        .trend())
                .isEqualTo(Trend.WORSENED);
    }

    @Test
    void different_instruments_or_the_wrong_order_are_refused_with_a_finding() {
        OutcomeChange mixed = scorer.change(ons4("2026-01-05", 4, 5, 3, 7), ucla("2026-04-01", 2, 2, 1));
        assertThat(mixed.changes()).isEmpty();
        assertThat(mixed.findings()).extracting(Finding::ruleId).containsExactly("LW-OUTCOME-PAIR");

        OutcomeChange backwards = scorer.change(ucla("2026-04-01", 2, 2, 1), ucla("2026-01-05", 3, 2, 2));
        assertThat(backwards.changes()).isEmpty();
        assertThat(backwards.findings())
                .singleElement()
                .satisfies(f -> assertThat(f.pointer()).isEqualTo("/administeredAt"));
    }

    @Test
    void a_score_missing_at_either_end_is_reported_not_guessed() {
        Assessment partial = Answers.assessment(
                "{\"resourceType\":\"Assessment\",\"instrument\":\"ucla-3\",\"administeredAt\":\"2026-04-01\","
                        + "\"itemResponses\":[{\"item\":\"feel-left-out\",\"value\":1}]}");
        OutcomeChange c = scorer.change(ucla("2026-01-05", 3, 2, 2), partial);
        assertThat(c.changes()).isEmpty();
        assertThat(c.findings()).extracting(Finding::ruleId).contains("LW-OUTCOME-TOO-FEW-ITEMS", "LW-OUTCOME-PAIR");
        assertThat(c.findings()).anySatisfy(f -> assertThat(f.message()).startsWith("in the later assessment"));
    }
}
