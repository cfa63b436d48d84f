package org.linkway.outcomes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linkway.model.Assessment;
import org.linkway.model.AssessmentResult;
import org.linkway.model.CodedText;
import org.linkway.model.Coding;
import org.linkway.model.StructuredAssessment;
import org.linkway.model.SubscaleResult;

/**
 * Where an assessment carries its scores, so that a receiver reads them instead of working them
 * out again. PRSB has two places: <em>Assessment result</em> for the overall result and
 * <em>Subscale result</em> for the others. Linkway names each score there with a code in its
 * outcome-score code system, {@code <instrument>/<score>} (e.g. {@code swemwbs/metric-total}),
 * so a program can tell which score a value is. The reference server writes them after scoring;
 * {@link OutcomeScorer} checks any a sender wrote.
 */
public final class RecordedScores {

    /** The Linkway code system that names instrument scores. */
    public static final String SYSTEM = "https://linkway.org/fhir/CodeSystem/outcome-score";

    private RecordedScores() {}

    /** The code of a score, e.g. {@code ucla-3/total}. */
    public static String code(String instrumentId, String scoreId) {
        return instrumentId + "/" + scoreId;
    }

    /** The score a coding names for this instrument, if it is in {@link #SYSTEM} and names one of its scores by form. */
    static Optional<String> scoreId(String instrumentId, Coding coding) {
        if (coding == null || !SYSTEM.equals(coding.getSystem()) || coding.getCode() == null || instrumentId == null) {
            return Optional.empty();
        }
        String prefix = instrumentId + "/";
        return coding.getCode().startsWith(prefix)
                ? Optional.of(coding.getCode().substring(prefix.length()))
                : Optional.empty();
    }

    static boolean inSystem(CodedText t) {
        return t != null && t.getCoding() != null && SYSTEM.equals(t.getCoding().getSystem());
    }

    /**
     * The scores an assessment carries under their Linkway codes, by score id: the overall
     * result if its <em>Assessment score</em> is so coded, and every so-coded subscale result
     * with a value. Nothing is computed; an assessment with no coded scores gives an empty map.
     */
    public static Map<String, Double> read(Assessment assessment) {
        Map<String, Double> out = new LinkedHashMap<>();
        StructuredAssessment s = assessment == null || assessment.getAssessment() == null
                ? null
                : assessment.getAssessment().getStructuredAssessment();
        if (s == null) {
            return out;
        }
        String instrument = assessment.getInstrument();
        AssessmentResult overall = s.getAssessmentResult();
        if (overall != null && overall.getValue() != null && overall.getAssessmentScore() != null) {
            scoreId(instrument, overall.getAssessmentScore().getCoding())
                    .ifPresent(id -> out.putIfAbsent(id, overall.getValue()));
        }
        List<SubscaleResult> subscales = s.getSubscaleResult() == null ? List.of() : s.getSubscaleResult();
        for (SubscaleResult r : subscales) {
            if (r != null && r.getValue() != null && r.getSubscaleScore() != null) {
                scoreId(instrument, r.getSubscaleScore().getCoding())
                        .ifPresent(id -> out.putIfAbsent(id, r.getValue()));
            }
        }
        return out;
    }
}
