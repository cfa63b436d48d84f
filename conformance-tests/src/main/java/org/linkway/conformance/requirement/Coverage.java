package org.linkway.conformance.requirement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linkway.conformance.ConformanceSuite;

/**
 * Which PRSB elements the schemas carry (their {@code x-prsb} paths) and which the kit's
 * requirements trace to, and which requirements have tests: the kit's traceability in numbers.
 */
public final class Coverage {

    private static final List<String> SCHEMAS = List.of(
            "referral",
            "message-back",
            "prsb-sections",
            "common",
            "assessment",
            "care-plan",
            "consent",
            "contact-record",
            "onward-referral",
            "signpost");
    private static final Pattern X_PRSB = Pattern.compile("\"x-prsb\"\\s*:\\s*\"([^\"]+)\"");

    /** One PRSB element and where it is covered. */
    public record Element(String path, boolean inSchemas, List<String> requirements) {}

    /** One requirement, its level, and the tests that verify it (or why none do). */
    public record Traced(Requirement requirement, List<String> tests) {}

    private final List<Element> elements;
    private final List<Traced> requirements;

    private Coverage(List<Element> elements, List<Traced> requirements) {
        this.elements = elements;
        this.requirements = requirements;
    }

    public static Coverage compute() {
        RequirementCatalogue catalogue = RequirementCatalogue.load();
        Set<String> inSchemas = new TreeSet<>();
        for (String s : SCHEMAS) {
            Matcher m = X_PRSB.matcher(resource("/org/linkway/schemas/json/" + s + ".schema.json"));
            while (m.find()) {
                inSchemas.add(m.group(1));
            }
        }
        List<Element> elements = new ArrayList<>();
        String[] lines = resource("/org/linkway/schemas/prsb/elements.tsv").split("\n");
        for (int i = 1; i < lines.length; i++) {
            String path = lines[i].split("\t")[0].trim();
            if (path.isEmpty()) {
                continue;
            }
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
            elements.add(new Element(path, inSchemas.contains(path), reqs));
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
        return new Coverage(elements, traced);
    }

    public List<Element> elements() {
        return elements;
    }

    public List<Traced> requirements() {
        return requirements;
    }

    private static String resource(String name) {
        try (InputStream in = Coverage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
