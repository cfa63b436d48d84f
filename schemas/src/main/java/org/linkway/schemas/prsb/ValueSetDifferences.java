package org.linkway.schemas.prsb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The report's value sets: every PRSB item that names a code list or code system (the NHS Data
 * Dictionary, SNOMED CT, a FHIR value set, UCUM, a national code list), what is checked of it, and
 * whether membership is enforced. What the schemas check is read from its homes; what the
 * validator checks comes from the code lists' element bindings ({@code vocabulary/bindings.json},
 * when the module has them) and the {@code value-set} rows of {@link StatedDifferences}.
 */
final class ValueSetDifferences {

    private static final List<String> CODED =
            List.of("nhs data dictionary", "snomed", "fhir value", "ucum", "allow national codes");

    /** Binding memberships that mean a code outside the list is refused. */
    private static final Set<String> ENFORCED = Set.of("shipped", "ucum");

    private final CoverageReport report;
    private final StatedDifferences stated;
    private final Map<String, JsonNode> bindings;

    /** {@code bindings}: the element bindings of the code lists, by PRSB path (empty without them). */
    ValueSetDifferences(CoverageReport report, StatedDifferences stated, Map<String, JsonNode> bindings) {
        this.report = report;
        this.stated = stated;
        this.bindings = bindings;
    }

    /** The bindings of {@code vocabulary/bindings.json}, by element, or none when the source has no such file. */
    static Map<String, JsonNode> bindings(SchemaSource source) {
        Map<String, JsonNode> out = new HashMap<>();
        source.vocabulary("bindings.json").ifPresent(text -> {
            for (JsonNode b : Json.MAPPER.readTree(text).path("bindings")) {
                out.put(b.path("element").asString(), b);
            }
        });
        return out;
    }

    /** What the validator checks of the element's codes according to its binding, or null without one. */
    private String bindingCheck(PrsbElement e) {
        JsonNode b = bindings.get(e.path());
        if (b == null) {
            return null;
        }
        switch (b.path("membership").asString("")) {
            case "shipped":
                return "membership: vocabulary/" + b.path("list").asString() + ".json";
            case "ucum":
                return "membership: a UCUM unit";
            case "terminology-server":
                return "format checked, membership needs a terminology server"
                        + (b.has("valueSet") ? " (" + b.get("valueSet").asString() + ")" : "");
            default:
                return "the code system only: any concept of it";
        }
    }

    /**
     * True when PRSB names a code list or code system for the item. The NHS Data Dictionary also
     * defines plain data elements (names, address lines, telephone numbers, e-mail addresses, dates
     * of birth); those, typed as dates or as strings of 20 characters or more, hold no code.
     */
    static boolean coded(PrsbElement e) {
        String v = e.valueSet().toLowerCase(Locale.ROOT);
        if (e.isGroup() || CODED.stream().noneMatch(v::contains)) {
            return false;
        }
        boolean dictionaryDataElement = v.contains("nhs data dictionary")
                && ("date".equals(e.valueType()) || e.maxLength().orElse(0) >= 20);
        return !dictionaryDataElement;
    }

    /** What the schemas check of the element's value, over all its homes. */
    String schemaCheck(PrsbElement e) {
        Set<String> out = new LinkedHashSet<>();
        for (SchemaWalker.Home h : report.homesOf(e)) {
            JsonNode v = h.valueSchema();
            if (v.has("enum") || v.has("const")) {
                out.add("membership (enum)");
            } else if (v.path("properties").has("system")
                    && v.path("properties").has("code")) {
                out.add("a code and its system");
            } else if (v.has("pattern")) {
                out.add("format (pattern)");
            } else if (v.has("maxLength")) {
                out.add("length (max " + v.get("maxLength").asInt() + ")");
            } else {
                out.add("none");
            }
        }
        return out.isEmpty() ? "not placed" : String.join("; ", out);
    }

    /** Membership is enforced when every home has an enum, or a value-set row says a list is checked. */
    boolean membershipEnforced(PrsbElement e) {
        JsonNode b = bindings.get(e.path());
        if (b != null && ENFORCED.contains(b.path("membership").asString(""))) {
            return true;
        }
        StatedDifferences.Row row = stated.find(StatedDifferences.Kind.VALUE_SET, e);
        if (row != null && row.linkway().toLowerCase(Locale.ROOT).startsWith("membership")) {
            return true;
        }
        return !report.homesOf(e).isEmpty()
                && report.homesOf(e).stream()
                        .allMatch(h ->
                                h.valueSchema().has("enum") || h.valueSchema().has("const"));
    }

    void render(StringBuilder md) {
        List<PrsbElement> coded = new ArrayList<>();
        report.standard().elements().stream().filter(ValueSetDifferences::coded).forEach(coded::add);
        List<PrsbElement> open =
                coded.stream().filter(e -> !membershipEnforced(e)).toList();
        md.append("### Value sets whose membership is not enforced\n\n")
                .append("PRSB names a code list or code system for ")
                .append(coded.size())
                .append(" items; membership is enforced for ")
                .append(coded.size() - open.size())
                .append(". For the other ")
                .append(open.size())
                .append(", listed here, a code that is not in the list is not refused: membership of a SNOMED CT ")
                .append("reference set or hierarchy needs a terminology server, and the other lists are not shipped ")
                .append("with Linkway. What is checked comes from the schemas and, where the validator checks more, ")
                .append("from the code lists' bindings (`vocabulary/bindings.json`) and the `value-set` rows of `")
                .append(StatedDifferences.FILE)
                .append("`.\n\n");
        if (open.isEmpty()) {
            md.append("None.\n\n");
            return;
        }
        md.append("| Element | PRSB value set | The schemas check | Also checked |\n|---|---|---|---|\n");
        for (PrsbElement e : open) {
            StatedDifferences.Row row = stated.find(StatedDifferences.Kind.VALUE_SET, e);
            List<String> also = new ArrayList<>();
            if (bindingCheck(e) != null) {
                also.add(bindingCheck(e) + ".");
            }
            if (row != null) {
                also.add(row.linkway() + ". " + row.reason());
            }
            md.append("| ")
                    .append(CoverageReport.code(e.path()))
                    .append(" | ")
                    .append(DeliberateDifferences.cell(abbreviate(e.valueSet())))
                    .append(" | ")
                    .append(schemaCheck(e))
                    .append(" | ")
                    .append(also.isEmpty() ? "-" : DeliberateDifferences.cell(String.join(" ", also)))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= 90 ? one : one.substring(0, 87) + "...";
    }
}
