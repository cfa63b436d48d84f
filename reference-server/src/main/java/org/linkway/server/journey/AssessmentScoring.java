package org.linkway.server.journey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.linkway.model.Assessment;
import org.linkway.model.ProblemType;
import org.linkway.outcomes.Instrument;
import org.linkway.outcomes.OutcomeRule;
import org.linkway.outcomes.OutcomeScorer;
import org.linkway.outcomes.RecordedScores;
import org.linkway.outcomes.Score;
import org.linkway.outcomes.ScoreResult;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Json;
import org.linkway.validation.Finding;
import org.linkway.validation.Severity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every assessment the server stores is scored first, by the SDK's scorer: answers out of range,
 * items missing, an unknown instrument, or a stated score the answers do not give are refused
 * with 422 and nothing is stored. What is stored carries the scores the server computed, in the
 * places PRSB has for them, named by their Linkway score codes ({@link RecordedScores}), so that
 * reports and message backs read them instead of trusting what a sender wrote.
 */
final class AssessmentScoring {

    private static final String UNITS = "{score}";

    /** Loaded at the first assessment, not at start-up: reading the catalogue costs start-up time otherwise. */
    private static final class Scorer {
        static final OutcomeScorer STANDARD = OutcomeScorer.standard();
    }

    private AssessmentScoring() {}

    /**
     * Scores the assessment about to be stored and writes its computed scores into it.
     *
     * @param doc the assessment as accepted by intake (already schema-valid); changed in place only when it scores
     * @throws ApiProblem 422 {@code invalid-assessment}, with the scorer's findings, when the answers do not score
     */
    static void score(ObjectNode doc) {
        Assessment assessment = Json.MAPPER.treeToValue(doc, Assessment.class);
        ScoreResult result = Scorer.STANDARD.score(assessment);
        List<Finding> refused = refusals(result);
        if (!refused.isEmpty()) {
            throw new ApiProblem(
                    ProblemType.INVALID_ASSESSMENT,
                    refused.size() + " problem(s) scoring the answers: "
                            + refused.stream()
                                    .limit(3)
                                    .map(f -> f.ruleId() + " at " + f.pointer())
                                    .collect(Collectors.joining(", "))
                            + (refused.size() > 3 ? ", ..." : ""),
                    refused);
        }
        Instrument instrument =
                Scorer.STANDARD.catalogue().find(assessment.getInstrument()).orElseThrow();
        write(doc, instrument, result.scores());
    }

    /**
     * The findings that stop an assessment being stored: every error, and a total recorded
     * without the answers it came from, which the SDK only warns about (a receiver may take it
     * as given) but this server cannot score, so refuses as an error.
     */
    private static List<Finding> refusals(ScoreResult result) {
        boolean refuse = !result.isValid() || result.has(OutcomeRule.TOTAL_UNCHECKED);
        if (!refuse) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Finding f : result.findings()) {
            out.add(
                    f.ruleId().equals(OutcomeRule.TOTAL_UNCHECKED.id())
                            ? new Finding(
                                    Severity.ERROR,
                                    f.ruleId(),
                                    f.pointer(),
                                    f.prsbPath(),
                                    "this server scores every assessment from its answers; send the item responses: "
                                            + f.message())
                            : f);
        }
        return out;
    }

    private static void write(ObjectNode doc, Instrument instrument, Map<String, Score> scores) {
        ObjectNode structured = structuredAssessment(doc);
        instrument.primaryScore().map(p -> scores.get(p.id())).ifPresent(primary -> {
            ObjectNode result = structured.has("assessmentResult")
                    ? (ObjectNode) structured.get("assessmentResult")
                    : structured.putObject("assessmentResult");
            ObjectNode name = result.has("assessmentScore")
                    ? (ObjectNode) result.get("assessmentScore")
                    : result.putObject("assessmentScore");
            if (!name.has("coding")) {
                name.set("coding", coding(instrument, primary));
            }
            putValue(result, primary.value());
            if (!result.has("unitsOfMeasure")) {
                result.put("unitsOfMeasure", UNITS);
            }
        });
        ArrayNode subscales = structured.has("subscaleResult")
                ? (ArrayNode) structured.get("subscaleResult")
                : structured.putArray("subscaleResult");
        for (Score s : scores.values()) {
            if (s.definition().primary()) {
                continue;
            }
            ObjectNode entry = codedEntry(subscales, RecordedScores.code(instrument.id(), s.id()));
            if (entry == null) {
                entry = subscales.addObject();
                entry.putObject("subscaleScore").set("coding", coding(instrument, s));
            }
            putValue(entry, s.value());
            if (!entry.has("unitsOfMeasure")) {
                entry.put("unitsOfMeasure", UNITS);
            }
        }
        if (subscales.isEmpty()) {
            structured.remove("subscaleResult");
        }
    }

    /** The structured assessment, made where PRSB has it (before the comment) if the sender sent none. */
    private static ObjectNode structuredAssessment(ObjectNode doc) {
        ObjectNode record = (ObjectNode) doc.get("assessment");
        if (record.get("structuredAssessment") instanceof ObjectNode existing) {
            return existing;
        }
        JsonNode comment = record.remove("comment");
        ObjectNode made = record.putObject("structuredAssessment");
        if (comment != null) {
            record.set("comment", comment);
        }
        return made;
    }

    /** A sender's subscale result already coded as this score (checked equal by the scorer), or null. */
    private static ObjectNode codedEntry(ArrayNode subscales, String code) {
        for (JsonNode entry : subscales) {
            JsonNode coding = entry.path("subscaleScore").path("coding");
            if (RecordedScores.SYSTEM.equals(coding.path("system").asString(null))
                    && code.equals(coding.path("code").asString(null))) {
                return (ObjectNode) entry;
            }
        }
        return null;
    }

    private static ObjectNode coding(Instrument instrument, Score score) {
        return Json.MAPPER
                .createObjectNode()
                .put("system", RecordedScores.SYSTEM)
                .put("code", RecordedScores.code(instrument.id(), score.id()))
                .put("display", score.definition().label());
    }

    /** Whole scores as whole numbers (21, not 21.0), as senders write them. */
    private static void putValue(ObjectNode node, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            node.put("value", (long) value);
        } else {
            node.put("value", value);
        }
    }
}
