package org.linkway.conformance.requirement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linkway.conformance.ConformanceSuite;
import org.linkway.schemas.prsb.PrsbCoverage;

/**
 * Which PRSB elements the schemas carry (their homes, found by the schemas module's
 * {@link PrsbCoverage}, the code that writes PRSB-COVERAGE.md) and which the kit's requirements
 * trace to, and which requirements have tests: the kit's traceability in numbers.
 */
public final class Coverage {

    /**
     * One PRSB element and where it is covered: its homes in the schemas (as PRSB-COVERAGE.md
     * lists them) and the kit's requirements that trace to it.
     */
    public record Element(String path, List<String> homes, List<String> requirements) {
        /** True when the element has a home in the schemas. */
        public boolean inSchemas() {
            return !homes.isEmpty();
        }
    }

    /** One requirement, its level, and the tests that verify it (or why none do). */
    public record Traced(Requirement requirement, List<String> tests) {}

    private final PrsbCoverage schemas;
    private final List<Element> elements;
    private final List<Traced> requirements;

    private Coverage(PrsbCoverage schemas, List<Element> elements, List<Traced> requirements) {
        this.schemas = schemas;
        this.elements = elements;
        this.requirements = requirements;
    }

    public static Coverage compute() {
        // the schemas' side comes from the same code that writes PRSB-COVERAGE.md, so the two agree
        return compute(PrsbCoverage.ofBundledSchemas());
    }

    /** The coverage of the given schemas (a draft's, say) against the kit's requirements. */
    public static Coverage compute(PrsbCoverage schemas) {
        RequirementCatalogue catalogue = RequirementCatalogue.load();
        List<Element> elements = new ArrayList<>();
        for (PrsbCoverage.Element e : schemas.elements()) {
            String path = e.path();
            List<String> reqs = new ArrayList<>();
            for (Requirement r : catalogue.all()) {
                for (String trace : r.tracesTo().split(";")) {
                    String t = trace.trim();
                    if (t.startsWith("PRSB ")
                            && (path.equals(t.substring(5)) || path.startsWith(t.substring(5) + " / "))) {
                        reqs.add(r.id());
                    }
                }
            }
            elements.add(new Element(path, e.homes(), reqs));
        }
        Map<String, List<String>> testsByRequirement = new LinkedHashMap<>();
        for (ConformanceSuite.TestInfo t : ConformanceSuite.tests()) {
            for (String r : t.requirements()) {
                testsByRequirement.computeIfAbsent(r, k -> new ArrayList<>()).add(t.id());
            }
        }
        List<Traced> traced = catalogue.all().stream()
                .map(r -> new Traced(r, testsByRequirement.getOrDefault(r.id(), List.of())))
                .toList();
        return new Coverage(schemas, elements, traced);
    }

    public List<Element> elements() {
        return elements;
    }

    public List<Traced> requirements() {
        return requirements;
    }

    /** The schemas' coverage report, exactly as {@code schemas/PRSB-COVERAGE.md} holds it. */
    public String schemaReport() {
        return schemas.markdown();
    }
}
