package org.linkway.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.linkway.model.ItemResponse;
import org.linkway.validation.Finding;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Properties of scoring over every instrument in the catalogue. */
class ScoringProperties {

    private final OutcomeScorer scorer = OutcomeScorer.standard();

    /** An instrument with a complete set of in-range answers. */
    record Answered(Instrument instrument, List<ItemResponse> responses) {
        @Override
        public String toString() {
            return instrument.id() + " " + responses.stream().map(r -> r.getItem() + "=" + r.getValue()).toList();
        }
    }

    @Provide
    Arbitrary<Answered> validAnswers() {
        return Arbitraries.of(InstrumentCatalogue.standard().all()).flatMap(i -> {
            List<Arbitrary<Double>> perItem = new ArrayList<>();
            for (ItemDefinition d : i.items()) {
                perItem.add(d.integer()
                        ? Arbitraries.integers().between((int) d.min(), (int) d.max()).map(Integer::doubleValue)
                        : Arbitraries.doubles().between(d.min(), d.max()).ofScale(3));
            }
            return Combinators.combine(perItem).as(values -> {
                List<ItemResponse> rs = new ArrayList<>();
                for (int k = 0; k < values.size(); k++) {
                    rs.add(Answers.answer(i.items().get(k).id(), values.get(k)));
                }
                return new Answered(i, rs);
            });
        });
    }

    @Property
    void any_valid_complete_answers_score_every_score_within_its_range(@ForAll("validAnswers") Answered a) {
        ScoreResult r = scorer.score(a.instrument(), a.responses(), null);
        assertThat(r.findings()).isEmpty();
        assertThat(r.scores().keySet()).containsExactlyElementsOf(a.instrument().scores().stream().map(ScoreDefinition::id).toList());
        for (Score s : r.scores().values()) {
            assertThat(s.value()).as(s.id()).isBetween(s.definition().min(), s.definition().max());
        }
    }

    @Property
    void the_order_of_the_answers_does_not_change_the_scores(@ForAll("validAnswers") Answered a, @ForAll long seed) {
        List<ItemResponse> shuffled = new ArrayList<>(a.responses());
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(scorer.score(a.instrument(), shuffled, null).scores()).isEqualTo(scorer.score(a.instrument(), a.responses(), null).scores());
    }

    @Property
    void any_out_of_range_answer_is_a_finding_at_its_pointer(@ForAll("validAnswers") Answered a,
            @ForAll @IntRange(min = 0, max = 40) int which, @ForAll @DoubleRange(min = 0.01, max = 1000) double beyond,
            @ForAll boolean below) {
        int k = which % a.responses().size();
        ItemDefinition d = a.instrument().item(a.responses().get(k).getItem()).orElseThrow();
        double bad = below ? d.min() - beyond : d.max() + beyond;
        List<ItemResponse> rs = new ArrayList<>(a.responses());
        rs.set(k, Answers.answer(d.id(), bad));
        ScoreResult r = scorer.score(a.instrument(), rs, null);
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("LW-OUTCOME-ANSWER-RANGE"))
                .extracting(Finding::pointer).containsExactly("/itemResponses/" + k + "/value");
        assertThat(r.isValid()).isFalse();
        // a score that uses the bad item is never computed from it
        for (Score s : r.scores().values()) {
            assertThat(s.value()).isBetween(s.definition().min(), s.definition().max());
        }
    }

    @Property
    void a_recorded_total_matches_exactly_when_it_equals_the_computed_one(@ForAll("validAnswers") Answered a,
            @ForAll @DoubleRange(min = -5, max = 5) double offset) {
        var primary = a.instrument().primaryScore();
        if (primary.isEmpty()) {
            return;
        }
        double computed = scorer.score(a.instrument(), a.responses(), null).score(primary.get().id()).orElseThrow().value();
        ScoreResult same = scorer.score(a.instrument(), a.responses(), computed);
        assertThat(same.findings()).isEmpty();
        ScoreResult other = scorer.score(a.instrument(), a.responses(), computed + offset);
        assertThat(other.has(OutcomeRule.TOTAL_MISMATCH)).isEqualTo(Math.abs(offset) > OutcomeScorer.TOLERANCE);
    }

    @Property
    void reverse_scoring_is_an_involution_and_stays_in_range(@ForAll @IntRange(min = -20, max = 20) int min,
            @ForAll @IntRange(min = 1, max = 30) int width, @ForAll @IntRange(min = 0, max = 30) int offset) {
        ItemDefinition d = new ItemDefinition("x", "X", min, min + width, true, true);
        double answer = min + (offset % (width + 1));
        assertThat(d.scored(d.scored(answer))).isEqualTo(answer);
        assertThat(d.allows(d.scored(answer))).isTrue();
        // reversal swaps the ends
        assertThat(d.scored(d.min())).isEqualTo(d.max());
    }

    @Property
    void trend_is_antisymmetric_and_flips_with_the_direction(@ForAll @DoubleRange(min = 0, max = 70) double a,
            @ForAll @DoubleRange(min = 0, max = 70) double b, @ForAll Direction better) {
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

    @Property
    void scoring_never_throws_on_arbitrary_answers(@ForAll("validAnswers") Answered a,
            @ForAll("junk") List<ItemResponse> junk) {
        List<ItemResponse> rs = new ArrayList<>(a.responses());
        rs.addAll(junk);
        ScoreResult r = scorer.score(a.instrument(), rs, null);
        assertThat(r.findings().size()).isGreaterThanOrEqualTo(junk.isEmpty() ? 0 : 1);
    }

    @Provide
    Arbitrary<List<ItemResponse>> junk() {
        Arbitrary<String> item = Arbitraries.oneOf(Arbitraries.strings().alpha().ofMaxLength(12), Arbitraries.just(null));
        Arbitrary<Double> value = Arbitraries.oneOf(Arbitraries.doubles(), Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY),
                Arbitraries.just(null));
        return Combinators.combine(item, value).as(Answers::nullable).list().ofMaxSize(4);
    }
}
