package org.linkway.server.messageback;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linkway.server.http.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * PRSB "Assessments": every outcome measure as recorded (its instrument, scores and summary),
 * in the order they were administered, then one "Change from baseline" entry for each instrument
 * used more than once: the latest score minus the first, for the total and for each subscale the
 * two have in common. The change is a structured result too, so a GP system can file it.
 */
final class AssessmentsSection {

    static final String CHANGE_TYPE = "Change from baseline";
    private static final int SUMMARY_MAX = 250;
    private static final int TEXT_MAX = 150;

    private AssessmentsSection() {}

    static Optional<ObjectNode> of(List<JsonNode> assessments) {
        if (assessments.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode section = Json.MAPPER.createObjectNode();
        ArrayNode entries = section.putArray("entries");
        Map<String, List<JsonNode>> byInstrument = new LinkedHashMap<>();
        for (JsonNode a : assessments) {
            entries.add(a.path("assessment").deepCopy());
            instrument(a)
                    .ifPresent(key -> byInstrument
                            .computeIfAbsent(key, k -> new ArrayList<>())
                            .add(a));
        }
        byInstrument.values().stream()
                .filter(same -> same.size() > 1)
                .map(same -> change(same.get(0), same.get(same.size() - 1)))
                .flatMap(Optional::stream)
                .forEach(entries::add);
        return Optional.of(section);
    }

    /** What makes two administrations the same measure: the catalogue id, else the instrument's name. */
    static Optional<String> instrument(JsonNode assessment) {
        if (assessment.hasNonNull("instrument")) {
            return Optional.of("id:" + assessment.get("instrument").asString());
        }
        JsonNode name = assessment.at("/assessment/structuredAssessment/structuredAssessmentName");
        String code = name.at("/coding/code").asString(null);
        String text = name.path("text").asString(null);
        return code != null
                ? Optional.of("code:" + code)
                : Optional.ofNullable(text).map(t -> "name:" + t);
    }

    /** The change from the first to the latest administration, if both carry a score they share. */
    private static Optional<ObjectNode> change(JsonNode first, JsonNode latest) {
        JsonNode from = first.at("/assessment/structuredAssessment");
        JsonNode to = latest.at("/assessment/structuredAssessment");
        ObjectNode structured = Json.MAPPER.createObjectNode();
        List<String> said = new ArrayList<>();
        BigDecimal fromTotal = number(from.at("/assessmentResult/value"));
        BigDecimal toTotal = number(to.at("/assessmentResult/value"));
        if (fromTotal != null && toTotal != null) {
            BigDecimal delta = toTotal.subtract(fromTotal);
            structured
                    .putObject("assessmentResult")
                    .put("value", delta)
                    .put("unitsOfMeasure", "{score}")
                    .putObject("assessmentScore")
                    .put("text", CHANGE_TYPE);
            said.add("score " + plain(fromTotal) + " to " + plain(toTotal) + " (" + signed(delta) + ")");
        }
        Map<String, BigDecimal> before = subscales(from);
        ArrayNode subscales = Json.MAPPER.createArrayNode();
        subscales(to).forEach((label, value) -> {
            BigDecimal was = before.get(label);
            if (was != null) {
                BigDecimal delta = value.subtract(was);
                ObjectNode s = subscales.addObject();
                s.putObject("subscaleScore").put("text", clip(label + ": change from baseline", TEXT_MAX));
                s.put("value", delta).put("unitsOfMeasure", "{score}");
                said.add(label + " " + plain(was) + " to " + plain(value) + " (" + signed(delta) + ")");
            }
        });
        if (said.isEmpty()) {
            return Optional.empty();
        }
        if (!subscales.isEmpty()) {
            structured.set("subscaleResult", subscales);
        }
        String name = name(latest);
        structured.putObject("structuredAssessmentName").put("text", clip(name, TEXT_MAX));
        ObjectNode entry = Json.MAPPER.createObjectNode();
        entry.put("assessmentType", CHANGE_TYPE);
        entry.put(
                "assessmentSummary",
                clip(
                        name + ", " + Moments.day(first.path("administeredAt").asString("first")) + " to "
                                + Moments.day(latest.path("administeredAt").asString("latest")) + ": "
                                + String.join("; ", said),
                        SUMMARY_MAX));
        entry.set("structuredAssessment", structured);
        return Optional.of(entry);
    }

    /** The instrument as a reader knows it: its name as recorded, else its catalogue id. */
    static String name(JsonNode assessment) {
        JsonNode name = assessment.at("/assessment/structuredAssessment/structuredAssessmentName");
        String text = name.path("text").asString(null);
        if (text == null) {
            text = name.at("/coding/display").asString(null);
        }
        if (text == null) {
            text = assessment
                    .path("instrument")
                    .asString(assessment.at("/assessment/assessmentType").asString("Assessment"));
        }
        return text;
    }

    private static Map<String, BigDecimal> subscales(JsonNode structured) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (JsonNode s : structured.path("subscaleResult")) {
            String label = s.at("/subscaleScore/text")
                    .asString(s.at("/subscaleScore/coding/display")
                            .asString(s.at("/subscaleScore/coding/code").asString(null)));
            BigDecimal value = number(s.path("value"));
            if (label != null && value != null) {
                out.putIfAbsent(label, value);
            }
        }
        return out;
    }

    private static BigDecimal number(JsonNode n) {
        return n.isNumber() ? n.decimalValue() : null;
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    private static String signed(BigDecimal n) {
        return (n.signum() > 0 ? "+" : "") + plain(n);
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
