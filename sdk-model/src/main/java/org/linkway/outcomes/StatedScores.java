package org.linkway.outcomes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linkway.model.Assessment;
import org.linkway.model.AssessmentResult;
import org.linkway.model.Coding;
import org.linkway.model.StructuredAssessment;
import org.linkway.model.SubscaleResult;
import org.linkway.validation.Finding;

/**
 * Checks the scores a sender recorded under Linkway score codes ({@link RecordedScores}) against
 * the scores the answers give. The overall result's value is checked by the scorer itself; this
 * checks what names a score: the overall result's code and each coded subscale result.
 * Subscale results in other code systems, or uncoded, are the sender's own and left alone.
 */
final class StatedScores {

    private static final String AT = "/assessment/structuredAssessment";
    private static final String PRSB = "Assessments / Assessments record entry / Structured assessment";

    private StatedScores() {}

    static List<Finding> check(Instrument instrument, Assessment assessment, Map<String, Score> computed) {
        List<Finding> findings = new ArrayList<>();
        StructuredAssessment s = assessment.getAssessment() == null
                ? null
                : assessment.getAssessment().getStructuredAssessment();
        if (s == null) {
            return findings;
        }
        AssessmentResult overall = s.getAssessmentResult();
        Coding overallCode = overall == null || overall.getAssessmentScore() == null
                ? null
                : overall.getAssessmentScore().getCoding();
        if (overallCode != null) {
            Optional<ScoreDefinition> primary = instrument.primaryScore();
            String expected = primary.map(p -> RecordedScores.code(instrument.id(), p.id()))
                    .orElse(null);
            if (expected == null
                    || !RecordedScores.SYSTEM.equals(overallCode.getSystem())
                    || !expected.equals(overallCode.getCode())) {
                findings.add(OutcomeScorer.finding(
                        OutcomeRule.SCORE_UNKNOWN,
                        AT + "/assessmentResult/assessmentScore/coding",
                        PRSB + " / Assessment result / Assessment score",
                        expected == null
                                ? instrument.id()
                                        + " has no overall result to code; record its scores as subscale results"
                                : "the overall result of " + instrument.id() + " is coded " + expected + " in "
                                        + RecordedScores.SYSTEM + ", or left uncoded; got " + overallCode.getCode()
                                        + " in " + overallCode.getSystem()));
            }
        }
        List<SubscaleResult> subscales = s.getSubscaleResult() == null ? List.of() : s.getSubscaleResult();
        for (int i = 0; i < subscales.size(); i++) {
            SubscaleResult r = subscales.get(i);
            if (r == null || !RecordedScores.inSystem(r.getSubscaleScore())) {
                continue;
            }
            String at = AT + "/subscaleResult/" + i;
            String code = r.getSubscaleScore().getCoding().getCode();
            Optional<ScoreDefinition> def = RecordedScores.scoreId(
                            instrument.id(), r.getSubscaleScore().getCoding())
                    .flatMap(instrument::score);
            if (def.isEmpty()) {
                findings.add(OutcomeScorer.finding(
                        OutcomeRule.SCORE_UNKNOWN,
                        at + "/subscaleScore/coding/code",
                        PRSB + " / Subscale result / Subscale score",
                        "'" + code + "' is not a score of " + instrument.id() + "; its scores are "
                                + instrument.scores().stream()
                                        .map(d -> RecordedScores.code(instrument.id(), d.id()))
                                        .toList()));
                continue;
            }
            Score score = computed.get(def.get().id());
            if (r.getValue() != null
                    && score != null
                    && Math.abs(score.value() - r.getValue()) > OutcomeScorer.TOLERANCE) {
                findings.add(OutcomeScorer.finding(
                        OutcomeRule.SCORE_MISMATCH,
                        at + "/value",
                        PRSB + " / Subscale result / Value",
                        "the recorded " + code + " is " + OutcomeScorer.fmt(r.getValue()) + " but the answers give "
                                + OutcomeScorer.fmt(score.value())
                                + "; record the score the answers give, or leave the value out"));
            }
        }
        return findings;
    }
}
