package org.linkway.outcomes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.linkway.model.Assessment;
import org.linkway.model.AssessmentResult;
import org.linkway.model.ItemResponse;
import org.linkway.validation.Finding;

/**
 * Scores assessments against the catalogue and checks them: out-of-range answers, unknown or
 * repeated items, too few items answered, and a recorded total that does not match its items
 * are all findings. Never throws on bad input.
 */
public final class OutcomeScorer {

    /** Sums and means of catalogue answers are exact to far better than this. */
    static final double TOLERANCE = 1e-6;

    private static final String TOTAL_POINTER = "/assessment/structuredAssessment/assessmentResult/value";
    private static final String TOTAL_PRSB =
            "Assessments / Assessments record entry / Structured assessment / Assessment result / Value";

    private final InstrumentCatalogue catalogue;

    private OutcomeScorer(InstrumentCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    /** A scorer over the shipped catalogue. */
    public static OutcomeScorer standard() {
        return new OutcomeScorer(InstrumentCatalogue.standard());
    }

    public static OutcomeScorer over(InstrumentCatalogue catalogue) {
        return new OutcomeScorer(catalogue);
    }

    public InstrumentCatalogue catalogue() {
        return catalogue;
    }

    /** Scores an assessment: its item responses, checked against its recorded overall result if any. */
    public ScoreResult score(Assessment assessment) {
        if (assessment == null) {
            return new ScoreResult(
                    null,
                    Map.of(),
                    List.of(finding(OutcomeRule.INSTRUMENT_UNKNOWN, "", "", "no assessment was given")));
        }
        Optional<Instrument> instrument = catalogue.find(assessment.getInstrument());
        if (instrument.isEmpty()) {
            String msg = assessment.getInstrument() == null
                    ? "name the instrument (one of " + ids() + ") so the answers can be scored"
                    : "'" + assessment.getInstrument() + "' is not in the catalogue; known instruments: " + ids();
            return new ScoreResult(
                    assessment.getInstrument(),
                    Map.of(),
                    List.of(finding(OutcomeRule.INSTRUMENT_UNKNOWN, "/instrument", "", msg)));
        }
        Double stated = Optional.ofNullable(assessment.getAssessment())
                .map(a -> a.getStructuredAssessment())
                .map(s -> s.getAssessmentResult())
                .map(AssessmentResult::getValue)
                .orElse(null);
        ScoreResult scored = score(instrument.get(), assessment.getItemResponses(), stated);
        List<Finding> stateds = StatedScores.check(instrument.get(), assessment, scored.scores());
        if (stateds.isEmpty()) {
            return scored;
        }
        List<Finding> all = new ArrayList<>(scored.findings());
        all.addAll(stateds);
        return new ScoreResult(scored.instrumentId().orElse(null), scored.scores(), all);
    }

    /**
     * Scores answers to an instrument. Pointers in findings are relative to an assessment
     * ({@code /itemResponses/3/value}).
     *
     * @param responses   the answers (may be null or empty)
     * @param statedTotal the overall result the sender recorded, or null
     */
    public ScoreResult score(Instrument instrument, List<ItemResponse> responses, Double statedTotal) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Double> scored = new HashMap<>();
        Map<String, Integer> firstSeen = new HashMap<>();
        List<ItemResponse> given = responses == null ? List.of() : responses;
        for (int i = 0; i < given.size(); i++) {
            ItemResponse r = given.get(i);
            String at = "/itemResponses/" + i;
            String itemId = r == null ? null : r.getItem();
            Optional<ItemDefinition> def = instrument.item(itemId);
            if (def.isEmpty()) {
                findings.add(finding(
                        OutcomeRule.ITEM_UNKNOWN,
                        at + "/item",
                        "",
                        "'" + itemId + "' is not an item of " + instrument.id() + "; its items are "
                                + instrument.items().stream()
                                        .map(ItemDefinition::id)
                                        .toList()));
                continue;
            }
            Integer earlier = firstSeen.putIfAbsent(itemId, i);
            if (earlier != null) {
                findings.add(finding(
                        OutcomeRule.ITEM_REPEATED,
                        at + "/item",
                        "",
                        "item '" + itemId + "' is already answered at /itemResponses/" + earlier
                                + "; give each item one answer"));
                continue;
            }
            Double value = r.getValue();
            ItemDefinition d = def.get();
            if (value == null || !d.allows(value)) {
                findings.add(finding(
                        OutcomeRule.ANSWER_RANGE,
                        at + "/value",
                        "",
                        "item '" + itemId + "' of " + instrument.id()
                                + " takes " + (d.integer() ? "whole numbers " : "values ") + "from " + fmt(d.min())
                                + " to " + fmt(d.max())
                                + "; got " + (value == null ? "no value" : fmt(value))));
                continue;
            }
            scored.put(itemId, d.scored(value));
        }

        Map<String, Score> scores = new LinkedHashMap<>();
        for (ScoreDefinition s : instrument.scores()) {
            List<Double> values = new ArrayList<>();
            for (String item : s.items()) {
                Double v = scored.get(item);
                if (v != null) {
                    values.add(v);
                }
            }
            if (values.size() < s.minItemsAnswered()) {
                if (!given.isEmpty()) {
                    List<String> unanswered = s.items().stream()
                            .filter(item -> !scored.containsKey(item))
                            .toList();
                    findings.add(finding(
                            OutcomeRule.TOO_FEW_ITEMS,
                            "/itemResponses",
                            "",
                            instrument.id() + " score '" + s.id()
                                    + "' needs at least " + s.minItemsAnswered() + " of its "
                                    + s.items().size()
                                    + " items answered within range; " + values.size()
                                    + " are (not answered within range: "
                                    + String.join(", ", unanswered) + ")"));
                }
                continue;
            }
            double sum = values.stream().mapToDouble(Double::doubleValue).sum();
            double value = switch (s.method()) {
                case SUM, ITEM -> sum;
                case MEAN ->
                    values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                // the catalogue checks that the table has a row for every total complete answers can give
                case TABLE ->
                    s.conversion()
                            .orElseThrow()
                            .convert(sum)
                            .orElseThrow(() -> new IllegalStateException(
                                    instrument.id() + "/" + s.id() + ": no table row for " + sum));
            };
            scores.put(s.id(), new Score(s.id(), value, values.size(), s));
        }

        Optional<ScoreDefinition> primary = instrument.primaryScore();
        if (statedTotal != null && primary.isEmpty()) {
            findings.add(finding(
                    OutcomeRule.TOTAL_NONE,
                    TOTAL_POINTER,
                    TOTAL_PRSB,
                    instrument.id() + " has no overall result, only its "
                            + "separate scores "
                            + instrument.scores().stream()
                                    .map(ScoreDefinition::id)
                                    .toList()
                            + "; leave Assessment result / Value out and record them as subscale results"));
        }
        if (statedTotal != null && primary.isPresent()) {
            ScoreDefinition p = primary.get();
            Score computed = scores.get(p.id());
            if (computed != null) {
                if (Math.abs(computed.value() - statedTotal) > TOLERANCE) {
                    findings.add(finding(
                            OutcomeRule.TOTAL_MISMATCH,
                            TOTAL_POINTER,
                            TOTAL_PRSB,
                            "the recorded " + instrument.id() + " result is " + fmt(statedTotal)
                                    + " but the answers give " + fmt(computed.value())
                                    + "; record the total of the answers"));
                }
            } else if (!Double.isFinite(statedTotal) || statedTotal < p.min() || statedTotal > p.max()) {
                findings.add(finding(
                        OutcomeRule.TOTAL_RANGE,
                        TOTAL_POINTER,
                        TOTAL_PRSB,
                        "the recorded " + instrument.id() + " result " + fmt(statedTotal) + " is outside "
                                + fmt(p.min()) + " to " + fmt(p.max())));
            } else if (given.isEmpty()) {
                if (instrument.kind() == InstrumentKind.ITEM_SCORED) {
                    findings.add(
                            finding(
                                    OutcomeRule.TOTAL_UNCHECKED,
                                    TOTAL_POINTER,
                                    TOTAL_PRSB,
                                    "the " + instrument.id()
                                            + " result is recorded without its item responses; it is taken as given but cannot be checked"));
                }
                // an externally scored tool's result is its own record: taken as the primary score
                scores.put(p.id(), new Score(p.id(), statedTotal, 0, p));
            }
        }
        if (given.isEmpty() && scores.isEmpty()) {
            findings.add(finding(
                    OutcomeRule.TOO_FEW_ITEMS,
                    "/itemResponses",
                    "",
                    "no answers or results are recorded for " + instrument.id() + ", so nothing can be scored"));
        }
        return new ScoreResult(instrument.id(), scores, findings);
    }

    /**
     * The change from an earlier to a later administration of the same instrument, per score,
     * with whether the person is better, worse or unchanged on each.
     */
    public OutcomeChange change(Assessment earlier, Assessment later) {
        List<Finding> findings = new ArrayList<>();
        if (earlier == null || later == null) {
            return new OutcomeChange(
                    null, List.of(), List.of(finding(OutcomeRule.PAIR, "", "", "two assessments are needed")));
        }
        if (!Objects.equals(earlier.getInstrument(), later.getInstrument())) {
            return new OutcomeChange(
                    null,
                    List.of(),
                    List.of(finding(
                            OutcomeRule.PAIR,
                            "/instrument",
                            "",
                            "the assessments use different instruments ('" + earlier.getInstrument() + "' then '"
                                    + later.getInstrument() + "'); change is only measured on one instrument")));
        }
        if (earlier.getAdministeredAt() != null
                && later.getAdministeredAt() != null
                && earlier.getAdministeredAt().compareTo(later.getAdministeredAt()) > 0) {
            return new OutcomeChange(
                    earlier.getInstrument(),
                    List.of(),
                    List.of(finding(
                            OutcomeRule.PAIR,
                            "/administeredAt",
                            "",
                            "the earlier assessment (" + earlier.getAdministeredAt() + ") is after the later one ("
                                    + later.getAdministeredAt() + "); pass them in the order they were administered")));
        }
        ScoreResult a = score(earlier);
        ScoreResult b = score(later);
        a.findings().forEach(f -> findings.add(prefixed(f, "earlier")));
        b.findings().forEach(f -> findings.add(prefixed(f, "later")));
        OutcomeChange c = OutcomeChange.between(a, b);
        findings.addAll(c.findings());
        return new OutcomeChange(c.instrumentId().orElse(null), c.changes(), findings);
    }

    private static Finding prefixed(Finding f, String which) {
        return new Finding(
                f.severity(), f.ruleId(), f.pointer(), f.prsbPath(), "in the " + which + " assessment: " + f.message());
    }

    private String ids() {
        return catalogue.all().stream().map(Instrument::id).toList().toString();
    }

    static Finding finding(OutcomeRule rule, String pointer, String prsbPath, String message) {
        return new Finding(rule.severity(), rule.id(), pointer, prsbPath, message);
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
