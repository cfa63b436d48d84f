package org.linkway.schemas.prsb;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The report's value sets: every PRSB item that names a code list or code system (the NHS Data
 * Dictionary, SNOMED CT, a FHIR value set, UCUM, a national code list), what is checked of it, and
 * whether membership is enforced. What the schemas check is read from its homes; what a rule or a
 * shipped code list checks comes from the {@code value-set} rows of {@link StatedDifferences}.
 */
final class ValueSetDifferences {

    private static final List<String> CODED =
            List.of("nhs data dictionary", "snomed", "fhir value", "ucum", "allow national codes");

    private final CoverageReport report;
    private final StatedDifferences stated;

    ValueSetDifferences(CoverageReport report, StatedDifferences stated) {
        this.report = report;
        this.stated = stated;
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
                .append(", listed here, a code that is not in the list is not refused: SNOMED CT membership needs ")
                .append("a terminology server, and the other lists are not shipped with Linkway yet. What is checked ")
                .append("comes from the schemas and, where a rule or a shipped list checks more, from the `value-set` ")
                .append("rows of `")
                .append(StatedDifferences.FILE)
                .append("`.\n\n");
        if (open.isEmpty()) {
            md.append("None.\n\n");
            return;
        }
        md.append("| Element | PRSB value set | The schemas check | Also checked |\n|---|---|---|---|\n");
        for (PrsbElement e : open) {
            StatedDifferences.Row row = stated.find(StatedDifferences.Kind.VALUE_SET, e);
            md.append("| ")
                    .append(CoverageReport.code(e.path()))
                    .append(" | ")
                    .append(DeliberateDifferences.cell(abbreviate(e.valueSet())))
                    .append(" | ")
                    .append(schemaCheck(e))
                    .append(" | ")
                    .append(row == null ? "-" : DeliberateDifferences.cell(row.linkway() + ". " + row.reason()))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= 90 ? one : one.substring(0, 87) + "...";
    }
}
