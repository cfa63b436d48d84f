package org.linkway.fhir.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Assessments in words: each score with its instrument, and, when the same instrument was used
 * more than once, the change from the first time (the baseline) in the order the message gives them.
 */
final class AssessmentNarrative {

    private AssessmentNarrative() {}

    static Xhtml of(JsonNode section) {
        Map<String, BigDecimal> baseline = new HashMap<>();
        List<String> lines = new ArrayList<>();
        for (JsonNode e : MessageBackNarrative.entries(section)) {
            JsonNode sa = e.get("structuredAssessment");
            String instrument = sa == null ? null : Letter.text(sa.get("structuredAssessmentName"));
            String type = Letter.text(e.get("assessmentType"));
            String title = instrument != null
                    ? instrument + (type == null ? "" : " (" + type + ")")
                    : type != null ? type : "Assessment";
            String key = (instrument != null ? instrument : title).toLowerCase(Locale.ROOT);
            List<String> scores = new ArrayList<>();
            if (sa != null && sa.isObject()) {
                scores.add(
                        score(sa.get("assessmentResult"), "assessmentScore", "Total score", key + "|total", baseline));
                JsonNode subs = sa.get("subscaleResult");
                if (subs != null && subs.isArray()) {
                    for (JsonNode s : subs.values()) {
                        String label = Letter.text(s.get("subscaleScore"));
                        scores.add(score(
                                s,
                                "subscaleScore",
                                "Subscale score",
                                key + "|" + (label == null ? "" : label.toLowerCase(Locale.ROOT)),
                                baseline));
                    }
                }
            }
            String scored = Letter.join("; ", scores);
            List<String> parts = new ArrayList<>();
            parts.add(title + (scored == null ? "." : ": " + scored + "."));
            String summary = Letter.text(e.get("assessmentSummary"));
            parts.add(summary == null ? null : "Summary: " + Letter.sentence(summary));
            String comment = Letter.text(e.get("comment"));
            parts.add(comment == null ? null : "Comment: " + Letter.sentence(comment));
            lines.add(Letter.join(
                    " ", parts.stream().map(MessageBackNarrative::nz).toList()));
        }
        return new Xhtml().list(lines);
    }

    /** "Life satisfaction 7 (baseline 4, up 3)"; the first score under a key is its baseline. */
    private static String score(
            JsonNode result, String codeName, String fallback, String key, Map<String, BigDecimal> baseline) {
        if (result == null || !result.isObject()) {
            return null;
        }
        String label = Letter.text(result.get(codeName));
        JsonNode v = result.get("value");
        BigDecimal value = v != null && v.isNumber() ? v.decimalValue() : null;
        String unit = Letter.text(result.get("unitsOfMeasure"));
        String ordinal = Letter.text(result.get("ordinal"));
        StringBuilder sb = new StringBuilder(label == null ? fallback : label);
        if (value != null) {
            sb.append(' ').append(Letter.number(value));
            if (unit != null && !unit.startsWith("{")) {
                sb.append(' ').append(unit);
            }
        }
        if (ordinal != null) {
            sb.append(" (").append(ordinal).append(')');
        }
        if (value != null) {
            BigDecimal first = baseline.putIfAbsent(key, value);
            if (first != null) {
                sb.append(" (baseline ")
                        .append(Letter.number(first))
                        .append(", ")
                        .append(change(value.subtract(first)))
                        .append(')');
            }
        }
        return sb.toString();
    }

    private static String change(BigDecimal d) {
        int sign = d.signum();
        return sign == 0 ? "no change" : (sign > 0 ? "up " : "down ") + Letter.number(d.abs());
    }
}
