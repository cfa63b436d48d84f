package org.linkway.schemas.prsb;

import java.util.ArrayList;
import java.util.List;

/**
 * The report's dates and times: which PRSB "date and time" elements take a date alone in the
 * schemas, and which PRSB lets be recorded to the month while the schemas need the day. Computed
 * from the standard's value types and precisions and the schemas' date types, so a new date
 * element is listed without anyone remembering to.
 */
final class DateDifferences {

    /** The Java type the schemas give {@code common.schema.json#/$defs/DateOrDateTime}. */
    static final String DATE_OR_DATE_TIME = "org.linkway.model.PartialDateTime";

    private final CoverageReport report;

    DateDifferences(CoverageReport report) {
        this.report = report;
    }

    /** PRSB datetime items held as a date or a date and time, in the standard's order. */
    List<PrsbElement> dateOnlyAllowed() {
        List<PrsbElement> out = new ArrayList<>();
        for (PrsbElement e : report.standard().elements()) {
            if ("datetime".equals(e.valueType())
                    && !report.homesOf(e).isEmpty()
                    && report.homesOf(e).stream().allMatch(DateDifferences::dateOrDateTime)) {
                out.add(e);
            }
        }
        return out;
    }

    static boolean dateOrDateTime(SchemaWalker.Home h) {
        return DATE_OR_DATE_TIME.equals(h.valueSchema().path("existingJavaType").asString(""));
    }

    void render(StringBuilder md) {
        List<PrsbElement> dates = dateOnlyAllowed();
        md.append("### Dates and times\n\n");
        md.append("PRSB types these elements 'date and time'. Practitioners often know only the day something ")
                .append("happened (a risk first noted on 3 March), so the schemas take a date alone or a date and ")
                .append("time with its offset (`common.schema.json#/$defs/DateOrDateTime`); a date is never padded ")
                .append("with an invented time. Where PRSB allows a value recorded to the month (precision `YM`), ")
                .append("the schemas still need the day: schema 1.0.0 takes a full date only, and a month alone ")
                .append("would be a new form of value for a later minor version to add.\n\n");
        if (dates.isEmpty()) {
            md.append("None.\n\n");
            return;
        }
        md.append("| Element | PRSB precision | In the schemas |\n|---|---|---|\n");
        for (PrsbElement e : dates) {
            boolean month = e.precision().startsWith("YM") && !e.precision().startsWith("YMD");
            md.append("| ")
                    .append(CoverageReport.code(e.path()))
                    .append(" | ")
                    .append(e.precision().isEmpty() ? "-" : "`" + e.precision() + "`")
                    .append(" | ")
                    .append(month ? "a date, or a date and time; **not a month alone**" : "a date, or a date and time")
                    .append(" |\n");
        }
        md.append('\n');
    }
}
