package org.linkway.schemas.prsb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The coverage report's section on deliberate differences from the PRSB standard: elements with a
 * minimum of 1 but no M, elements a validator rule makes mandatory, groups folded into their only
 * item, dates and times, lengths, and value sets whose membership is not enforced. What the schemas
 * show is computed from them; what they cannot show comes from {@link StatedDifferences}.
 */
final class DeliberateDifferences {

    private final CoverageReport report;
    private final LengthOverrides lengths;
    private final StatedDifferences stated;

    DeliberateDifferences(CoverageReport report, LengthOverrides lengths, StatedDifferences stated) {
        this.report = report;
        this.lengths = lengths;
        this.stated = stated;
    }

    void render(StringBuilder md) {
        md.append("## Deliberate differences from the standard\n\n");
        md.append("### Minimum of 1 without M\n\n")
                .append("PRSB gives these elements a minimum cardinality of 1 but does not mark them M (mandatory). ")
                .append("The MRO flag is the standard's statement of what a sender must supply, so Linkway follows it ")
                .append("and treats them as optional (not in `required`, no `minItems`) wherever the PRSB structure ")
                .append("around them is carried; the last column shows what the schemas do.\n\n");
        List<PrsbElement> minOne = report.minimumOneNotMandatory();
        if (minOne.isEmpty()) {
            md.append("None.\n\n");
        } else {
            md.append("| Element | Cardinality | MRO | In the schemas |\n|---|---|---|---|\n");
            for (PrsbElement e : minOne) {
                md.append("| ")
                        .append(CoverageReport.code(e.path()))
                        .append(" | ")
                        .append(e.cardinality())
                        .append(" | ")
                        .append(e.mro().isEmpty() ? "-" : e.mro())
                        .append(" | ")
                        .append(treatment(e))
                        .append(" |\n");
            }
            md.append('\n');
        }
        renderMandatoryByRule(md);
        md.append("### Groups folded into their only item\n\n")
                .append("PRSB wraps some single items in a group of the same name. Linkway does not add a level for ")
                .append("them: one property holds the item, with the item's path in `x-prsb` and the group's in ")
                .append("`x-prsb-group`.\n\n");
        Map<PrsbElement, String> folded = report.foldedGroups();
        if (folded.isEmpty()) {
            md.append("None.\n\n");
        } else {
            md.append("| Group | Folded into |\n|---|---|\n");
            folded.forEach((group, item) -> md.append("| ")
                    .append(CoverageReport.code(group.path()))
                    .append(" | ")
                    .append(CoverageReport.code(item))
                    .append(" |\n"));
            md.append('\n');
        }
        new DateDifferences(report).render(md);
        renderLengths(md);
        renderMinLengths(md);
        new ValueSetDifferences(report, stated, report.bindings()).render(md);
    }

    private void renderMandatoryByRule(StringBuilder md) {
        md.append("### Mandatory in Linkway, optional in PRSB\n\n")
                .append("PRSB marks these elements R (required if known) or leaves them optional; Linkway requires ")
                .append("them, each for the reason given. Listed in `")
                .append(StatedDifferences.FILE)
                .append("`; the build fails on a schema that requires such an element (`StatedDifferencesTest`) ")
                .append("or a validator rule that refuses a message without one (sdk-model's ")
                .append("`DeliberateDifferencesTest`) without a row there. Not listed: `LW-CODED-TEXT-EMPTY`, which ")
                .append("refuses a coded element that is present but carries neither its code nor its free text; it ")
                .append("makes neither mandatory, only an element that is sent say something.\n\n");
        table(
                md,
                "Required by the schemas, where a Linkway resource is the element",
                "Required at",
                stated.of(StatedDifferences.Kind.REQUIRED_BY_SCHEMA),
                true);
        table(md, "Required by a validator rule", "Rule", stated.of(StatedDifferences.Kind.MANDATORY_BY_RULE), false);
    }

    private static void table(
            StringBuilder md, String title, String column, List<StatedDifferences.Row> rows, boolean codeColumn) {
        md.append(title).append(":\n\n");
        if (rows.isEmpty()) {
            md.append("None.\n\n");
            return;
        }
        md.append("| Element | PRSB | ").append(column).append(" | Why |\n|---|---|---|---|\n");
        for (StatedDifferences.Row r : rows) {
            md.append("| ")
                    .append(CoverageReport.code(r.element().path()))
                    .append(" | ")
                    .append(r.element().cardinality())
                    .append(' ')
                    .append(r.element().mro().isEmpty() ? "-" : r.element().mro())
                    .append(" | ")
                    .append(codeColumn ? CoverageReport.code(r.linkway()) : "`" + r.linkway() + "`")
                    .append(" | ")
                    .append(cell(r.reason()))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private void renderMinLengths(StringBuilder md) {
        md.append("### Shorter minimum lengths\n\n")
                .append("Where PRSB's model gives a minimum length (`elements.tsv` does not carry it), the schemas ")
                .append("give these elements a shorter one. Listed in `")
                .append(StatedDifferences.FILE)
                .append("`; the build checks every home carries the length given there.\n\n");
        List<StatedDifferences.Row> rows = stated.of(StatedDifferences.Kind.MIN_LENGTH);
        if (rows.isEmpty()) {
            md.append("None.\n\n");
            return;
        }
        md.append("| Element | PRSB min | Linkway min | Homes | Why |\n|---|---:|---:|---:|---|\n");
        for (StatedDifferences.Row r : rows) {
            md.append("| ")
                    .append(CoverageReport.code(r.element().path()))
                    .append(" | ")
                    .append(
                            r.element().minLength().isPresent()
                                    ? String.valueOf(r.element().minLength().getAsInt())
                                    : "-")
                    .append(" | ")
                    .append(r.linkway())
                    .append(" | ")
                    .append(report.homesOf(r.element()).size())
                    .append(" | ")
                    .append(cell(r.reason()))
                    .append(" |\n");
        }
        md.append('\n');
    }

    static String cell(String s) {
        return s.replace("|", "\\|");
    }

    /** Lengths from prsb/deliberate-lengths.tsv, one table per reason. */
    private void renderLengths(StringBuilder md) {
        md.append("### Longer than the standard allows\n\n")
                .append("Where a PRSB length cannot hold the values the element exists for, the schemas allow more. ")
                .append("Each departure is listed in `")
                .append(LengthOverrides.FILE)
                .append("` with its reason; the build ")
                .append("checks every home of the element carries it.\n\n");
        List<LengthOverrides.Override> all = lengths.all();
        if (all.isEmpty()) {
            md.append("None.\n\n");
            return;
        }
        Map<String, List<LengthOverrides.Override>> byReason = new LinkedHashMap<>();
        all.forEach(o ->
                byReason.computeIfAbsent(o.reason(), k -> new ArrayList<>()).add(o));
        byReason.forEach((reason, overrides) -> {
            md.append(reason).append("\n\n| Element | PRSB | Linkway | Homes |\n|---|---|---|---|\n");
            for (LengthOverrides.Override o : overrides) {
                md.append("| ")
                        .append(CoverageReport.code(o.element().path()))
                        .append(" | ")
                        .append(o.element().valueType())
                        .append('(')
                        .append(o.prsbMaxLength())
                        .append(") | ")
                        .append(o.element().valueType())
                        .append('(')
                        .append(o.maxLength())
                        .append(") | ")
                        .append(report.homesOf(o.element()).size())
                        .append(" |\n");
            }
            md.append('\n');
        });
    }

    /** How the schemas treat an element PRSB gives min 1 without M: optional everywhere, or where it is required. */
    private String treatment(PrsbElement e) {
        List<SchemaWalker.Home> h = report.homesOf(e);
        if (h.isEmpty()) {
            return "**not placed**";
        }
        List<String> enforced = new ArrayList<>();
        for (SchemaWalker.Home home : h) {
            boolean minItems = home.isArray() && home.schema().path("minItems").asInt(0) >= 1;
            if (home.required() || minItems) {
                enforced.add(home.label());
            }
        }
        return enforced.isEmpty()
                ? "optional"
                : "required at "
                        + String.join(
                                "<br>",
                                enforced.stream().map(CoverageReport::code).toList());
    }
}
