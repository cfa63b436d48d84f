package org.linkway.server.sheets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.linkway.model.ProblemType;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * How a scheme's spreadsheet columns become a referral: each heading names the place in the
 * referral (a JSON pointer) its cells go to and how they are read. Shipped mappings are resources
 * of this package ({@code norfolk-waveney.json}); a scheme may upload its own, of the same shape
 * (docs/SPREADSHEETS.md).
 *
 * @param name      the mapping's name, part of each row's import key
 * @param sourceKey the headings whose cells identify a row (its key for re-imports); empty: all the mapped cells
 * @param columns   the mapped columns, in the mapping's order
 * @param fixed     values every referral gets, by pointer
 */
record ColumnMapping(String name, List<String> sourceKey, List<Spec> columns, Map<String, String> fixed) {

    /** The shipped mappings, by name. */
    static final Set<String> SHIPPED = Set.of("norfolk-waveney");

    /** Most bytes of an uploaded mapping file. */
    static final int MAX_BYTES = 256 * 1024;

    /** Places the server fills itself: a mapping may not write them. */
    static final Set<String> SERVER_SET = Set.of("/id", "/status", ReferralShape.ADDRESSEE, "/resourceType");

    /**
     * One column.
     *
     * @param type  {@code text}, {@code date}, {@code nhs-number} or {@code code}
     * @param codes for {@code code}: the spreadsheet's words (any case) and the codes they stand for
     * @param fallback what a blank cell gives, or null
     */
    record Spec(String heading, String to, String type, boolean required, Map<String, String> codes, String fallback) {}

    static ColumnMapping shipped(String name) {
        if (!SHIPPED.contains(name)) {
            throw ApiProblem.badParameter(
                    "mapping",
                    "a shipped mapping (" + String.join(", ", SHIPPED)
                            + "), or upload one as the multipart part 'mapping'; not '" + name + "'");
        }
        try (InputStream in = ColumnMapping.class.getResourceAsStream(name + ".json")) {
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and checks a mapping file; a broken one is refused with a finding naming the member. */
    static ColumnMapping parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw ImportProblems.limit(
                    "maxMappingBytes", MAX_BYTES, "the mapping file is larger than the server reads");
        }
        JsonNode doc;
        try {
            doc = Json.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw bad("", "the mapping file is not JSON: " + e.getOriginalMessage());
        }
        String name = text(doc, "/name", "/name");
        if (!name.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw bad("/name", "lower-case letters, digits and '-', at most 64");
        }
        JsonNode cols = doc.path("columns");
        if (!cols.isArray() || cols.isEmpty() || cols.size() > ImportLimits.DEFAULTS.maxColumns()) {
            throw bad("/columns", "an array of 1 to " + ImportLimits.DEFAULTS.maxColumns() + " columns");
        }
        List<Spec> specs = new ArrayList<>();
        Set<String> headings = new java.util.HashSet<>();
        for (int i = 0; i < cols.size(); i++) {
            Spec s = spec(cols.get(i), "/columns/" + i);
            if (!headings.add(fold(s.heading()))) {
                throw bad("/columns/" + i + "/heading", "'" + s.heading() + "' is mapped twice");
            }
            specs.add(s);
        }
        List<String> key = new ArrayList<>();
        doc.path("sourceKey").forEach(k -> key.add(k.asString("")));
        for (int i = 0; i < key.size(); i++) {
            if (!headings.contains(fold(key.get(i)))) {
                throw bad("/sourceKey/" + i, "'" + key.get(i) + "' is not one of the mapped headings");
            }
        }
        Map<String, String> fixed = new LinkedHashMap<>();
        doc.path("fixed").properties().forEach(e -> {
            place(e.getKey(), "/fixed");
            fixed.put(e.getKey(), e.getValue().asString(""));
        });
        return new ColumnMapping(name, key, specs, fixed);
    }

    private static Spec spec(JsonNode c, String at) {
        String heading = text(c, "/heading", at + "/heading");
        String to = text(c, "/to", at + "/to");
        place(to, at + "/to");
        String type = c.path("type").asString("text");
        if (!Set.of("text", "date", "nhs-number", "code").contains(type)) {
            throw bad(at + "/type", "text, date, nhs-number or code, not '" + type + "'");
        }
        Map<String, String> codes = new LinkedHashMap<>();
        c.path("codes")
                .properties()
                .forEach(e -> codes.put(fold(e.getKey()), e.getValue().asString("")));
        if (type.equals("code") && codes.isEmpty()) {
            throw bad(at + "/codes", "a code column needs its words and codes, e.g. {\"Male\": \"1\"}");
        }
        String fallback = c.has("default") ? c.path("default").asString("") : null;
        return new Spec(heading, to, type, c.path("required").asBoolean(false), codes, fallback);
    }

    private static void place(String pointer, String at) {
        if (!pointer.matches("(/[A-Za-z0-9]+)+") || SERVER_SET.contains(pointer)) {
            throw bad(
                    at,
                    "'" + pointer + "' must be a JSON pointer to a place in the referral (members and indexes), "
                            + "and not one the server fills (" + String.join(", ", SERVER_SET) + ")");
        }
    }

    /** Required text at {@code pointer} in {@code node}; {@code at} is where that is in the mapping file. */
    private static String text(JsonNode node, String pointer, String at) {
        String v = node.at(pointer).asString("");
        if (v.isBlank()) {
            throw bad(at, "required text");
        }
        return v.strip();
    }

    /** Headings and code words match whatever their case and surrounding spaces. */
    static String fold(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static ApiProblem bad(String pointer, String message) {
        return new ApiProblem(
                ProblemType.INVALID_IMPORT,
                "the column mapping is not usable: " + (pointer.isEmpty() ? "" : pointer + ": ") + message,
                List.of(new org.linkway.validation.Finding(
                        org.linkway.validation.Severity.ERROR,
                        "LW-IMPORT-MAPPING",
                        "/mapping" + pointer,
                        "",
                        message)));
    }
}
