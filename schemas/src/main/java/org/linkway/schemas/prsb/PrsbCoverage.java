package org.linkway.schemas.prsb;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each element of the PRSB standard lives in the Linkway schemas this jar carries, and the
 * coverage report ({@code PRSB-COVERAGE.md}) itself, computed by the same code that writes the
 * committed report. The conformance kit's {@code coverage} command prints from here, so the
 * command and the file cannot disagree.
 */
public final class PrsbCoverage {

    /**
     * One PRSB element and its homes in the schemas.
     *
     * @param path the element's PRSB path, as in {@code elements.tsv}
     * @param group true for a group, false for an item
     * @param homes where it lives, as {@code Resource: /json/pointer} ({@code *} for any array index)
     */
    public record Element(String path, boolean group, List<String> homes) {
        public Element {
            homes = List.copyOf(homes);
        }

        /** True when the element has at least one home. */
        public boolean placed() {
            return !homes.isEmpty();
        }
    }

    private final CoverageReport report;

    private PrsbCoverage(CoverageReport report) {
        this.report = report;
    }

    /** The coverage of the schemas and PRSB data packaged in this jar. */
    public static PrsbCoverage ofBundledSchemas() {
        return new PrsbCoverage(CoverageReport.of(PrsbStandard.v1_1(), SchemaSource.classpath()));
    }

    /** The PRSB release the schemas follow, e.g. {@code 1.1}. */
    public String prsbVersion() {
        return PrsbStandard.VERSION;
    }

    /** Every element of the standard, in its order, with its homes. */
    public List<Element> elements() {
        List<Element> out = new ArrayList<>();
        for (PrsbElement e : report.standard().elements()) {
            List<String> homes = new ArrayList<>();
            report.homesOf(e).forEach(h -> homes.add(h.resource() + ": " + h.pointer()));
            out.add(new Element(e.path(), e.isGroup(), homes.stream().distinct().toList()));
        }
        return out;
    }

    /** The coverage report in Markdown: byte for byte what {@code PRSB-COVERAGE.md} holds when it is current. */
    public String markdown() {
        return report.render();
    }
}
