package org.linkway.schemas.prsb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;

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

    /**
     * The coverage of a draft of the schemas: {@code directory} is laid out like the project's
     * {@code schemas/} folder, its {@code json/} holding the schema files; its {@code prsb/} and
     * {@code vocabulary/} files are used where present, this jar's copies otherwise. The PRSB
     * elements are those of the release this jar carries.
     *
     * @throws IllegalArgumentException naming the folder or file when {@code json/} is missing or a
     *     file cannot be read as JSON or walked as a schema
     */
    public static PrsbCoverage ofSchemas(Path directory) {
        Path json = directory.resolve("json");
        if (!Files.isDirectory(json)) {
            throw new IllegalArgumentException(
                    json + " is not a directory: give a folder laid out like schemas/, with the schema files in json/");
        }
        try (Stream<Path> files = Files.list(json)) {
            for (Path f :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                try {
                    Json.MAPPER.readTree(Files.readAllBytes(f));
                } catch (JacksonException e) {
                    throw new IllegalArgumentException(f + " is not well-formed JSON: " + e.getOriginalMessage()
                            + " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")");
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(json + " cannot be read: " + e.getMessage(), e);
        }
        try {
            return new PrsbCoverage(CoverageReport.of(PrsbStandard.v1_1(), SchemaSource.draft(directory)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("schemas in " + json + ": " + e.getMessage(), e);
        }
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
