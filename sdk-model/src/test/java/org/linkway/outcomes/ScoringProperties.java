package org.linkway.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.model.ItemResponse;
import org.linkway.testing.Gens;
import org.linkway.validation.Finding;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Properties of scoring over every instrument in the catalogue. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ScoringProperties {

    private final OutcomeScorer scorer = OutcomeScorer.standard();

    /** An instrument with a complete set of in-range answers. */
    record Answered(Instrument instrument, List<ItemResponse> responses) {
        @Override
        public String toString() {
            return instrument.id() + " "
                    + responses.stream()
                            .map(r -> r.getItem() + "=" + r.getValue())
                            .toList();
        }
    }

    static Gen<Answered> validAnswers() {
        return Generate.pick(InstrumentCatalogue.standard().all()).flatMap(i -> {
            List<Gen<Double>> perItem = new ArrayList<>();
            for (ItemDefinition d : i.items()) {
                perItem.add(
                        d.integer()
                                ? integers()
                                        .between((int) d.min(), (int) d.max())
                                        .map(Integer::doubleValue)
                                : doubles().between(d.min(), d.max()).map(v -> Math.round(v * 1000) / 1000.0));
            }
            return Gens.each(perItem).map(values -> {
                List<ItemResponse> rs = new ArrayList<>();
                for (int k = 0; k < values.size(); k++) {
                    rs.add(Answers.answer(i.items().get(k).id(), values.get(k)));
                }
                return new Answered(i, rs);
            });
        });
    }

    @Test
    void any_valid_complete_answers_score_every_score_within_its_range() {
        qt().withFixedSeed(4_801L).withExamples(1000).forAll(validAnswers()).checkAssert(this::scoresWithinRange);
    }

    private void scoresWithinRange(Answered a) {
        ScoreResult r = scorer.score(a.instrument(), a.responses(), null);
        assertThat(r.findings()).isEmpty();
        assertThat(r.scores().keySet())
                .containsExactlyElementsOf(a.instrument().scores().stream()
                        .map(ScoreDefinition::id)
                        .toList());
        for (Score s : r.scores().values()) {
            assertThat(s.value())
                    .as(s.id())
                    .isBetween(s.definition().min(), s.definition().max());
        }
    }

    @Test
    void the_order_of_the_answers_does_not_change_the_scores() {
        qt().withFixedSeed(4_802L)
                .withExamples(1000)
                .forAll(validAnswers(), longs().all())
                .checkAssert(this::orderDoesNotMatter);
    }

    private void orderDoesNotMatter(Answered a, long seed) {
        List<ItemResponse> shuffled = new ArrayList<>(a.responses());
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(scorer.score(a.instrument(), shuffled, null).scores())
                .isEqualTo(scorer.score(a.instrument(), a.responses(), null).scores());
    }

    @Test
    void any_out_of_range_answer_is_a_finding_at_its_pointer() {
        qt().withFixedSeed(4_803L)
                .withExamples(1000)
                .forAll(
                        validAnswers(),
                        integers().between(0, 40),
                        doubles().between(0.01, 1000),
                        booleans().all())
                .checkAssert(this::outOfRangeIsAFinding);
    }

    private void outOfRangeIsAFinding(Answered a, int which, double beyond, boolean below) {
        int k = which % a.responses().size();
        ItemDefinition d = a.instrument().item(a.responses().get(k).getItem()).orElseThrow();
        double bad = below ? d.min() - beyond : d.max() + beyond;
        List<ItemResponse> rs = new ArrayList<>(a.responses());
        rs.set(k, Answers.answer(d.id(), bad));
        ScoreResult r = scorer.score(a.instrument(), rs, null);
        assertThat(r.findings())
                .filteredOn(f -> f.ruleId().equals("LW-OUTCOME-ANSWER-RANGE"))
                .extracting(Finding::pointer)
                .containsExactly("/itemResponses/" + k + "/value");
        assertThat(r.isValid()).isFalse();
        // a score that uses the bad item is never computed from it
        for (Score s : r.scores().values()) {
            assertThat(s.value()).isBetween(s.definition().min(), s.definition().max());
        }
    }

    @Test
    void a_recorded_total_matches_exactly_when_it_equals_the_computed_one() {
        qt().withFixedSeed(4_804L)
                .withExamples(1000)
                .forAll(validAnswers(), doubles().between(-5, 5))
                .checkAssert(this::totalMatches);
    }

    private void totalMatches(Answered a, double offset) {
        var primary = a.instrument().primaryScore();
        if (primary.isEmpty()) {
            return;
        }
        double computed = scorer.score(a.instrument(), a.responses(), null)
                .score(primary.get().id())
                .orElseThrow()
                .value();
        ScoreResult same = scorer.score(a.instrument(), a.responses(), computed);
        assertThat(same.findings()).isEmpty();
        ScoreResult other = scorer.score(a.instrument(), a.responses(), computed + offset);
        assertThat(other.has(OutcomeRule.TOTAL_MISMATCH)).isEqualTo(Math.abs(offset) > OutcomeScorer.TOLERANCE);
    }

    @Test
    void reverse_scoring_is_an_involution_and_stays_in_range() {
        qt().withFixedSeed(4_805L)
                .withExamples(1000)
                .forAll(
                        integers().between(-20, 20),
                        integers().between(1, 30),
                        integers().between(0, 30))
                .checkAssert(ScoringProperties::reverseIsAnInvolution);
    }

    private static void reverseIsAnInvolution(int min, int width, int offset) {
        ItemDefinition d = new ItemDefinition("x", "X", min, min + width, true, true);
        double answer = min + (offset % (width + 1));
        assertThat(d.scored(d.scored(answer))).isEqualTo(answer);
        assertThat(d.allows(d.scored(answer))).isTrue();
        // reversal swaps the ends
        assertThat(d.scored(d.min())).isEqualTo(d.max());
    }

    @Test
    void trend_is_antisymmetric_and_flips_with_the_direction() {
        qt().withFixedSeed(4_806L)
                .withExamples(1000)
                .forAll(
                        doubles().between(0, 70),
                        doubles().between(0, 70),
                        arbitrary().enumValues(Direction.class))
                .checkAssert(ScoringProperties::trendIsAntisymmetric);
    }

    private static void trendIsAntisymmetric(double a, double b, Direction better) {
        Trend forward = Trend.of(a, b, better);
        Trend back = Trend.of(b, a, better);
        Direction other = better == Direction.HIGHER ? Direction.LOWER : Direction.HIGHER;
        if (forward == Trend.UNCHANGED) {
            assertThat(back).isEqualTo(Trend.UNCHANGED);
        } else {
            assertThat(back).isNotEqualTo(forward).isNotEqualTo(Trend.UNCHANGED);
            assertThat(Trend.of(a, b, other)).isEqualTo(back);
        }
    }

    @Test
    void scoring_never_throws_on_arbitrary_answers() {
        qt().withFixedSeed(4_807L)
                .withExamples(1000)
                .forAll(validAnswers(), junk())
                .checkAssert(this::neverThrows);
    }

    private void neverThrows(Answered a, List<ItemResponse> junk) {
        List<ItemResponse> rs = new ArrayList<>(a.responses());
        rs.addAll(junk);
        ScoreResult r = scorer.score(a.instrument(), rs, null);
        assertThat(r.findings().size()).isGreaterThanOrEqualTo(junk.isEmpty() ? 0 : 1);
    }

    static Gen<List<ItemResponse>> junk() {
        Gen<String> item = Gens.orNull(Gens.text(Gens.range('a', 'z') + Gens.range('A', 'Z'), 0, 12), 50);
        Gen<Double> value = Gens.oneOf(
                Gens.finiteDoubles(), Gens.pick(Double.NaN, Double.POSITIVE_INFINITY), Generate.constant(() ->
                        (Double) null));
        return lists().of(item.zip(value, Answers::nullable)).ofSizeBetween(0, 4);
    }
}
