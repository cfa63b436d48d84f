package org.linkway.schemas.prsb;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The consistency checks between the schemas and the standard, each returning its offenders
 * (empty when the schemas are right). {@link PrsbCoverageTest} runs them on the real schemas;
 * {@link CoverageChecksTest} proves each one fails on a broken copy.
 */
final class CoverageChecks {

    private final PrsbStandard prsb;
    private final JsonNode messages;
    private final SchemaWalker walker;
    private final LengthOverrides lengths;
    private final List<SchemaWalker.Walk> walks;
    private final List<SchemaWalker.Home> homes;

    CoverageChecks(PrsbStandard prsb, JsonNode messages, SchemaWalker walker, LengthOverrides lengths) {
        this.prsb = prsb;
        this.messages = messages;
        this.walker = walker;
        this.lengths = lengths;
        this.walks = walker.walkAll();
        this.homes = walks.stream().flatMap(w -> w.homes().stream()).toList();
    }

    List<SchemaWalker.Walk> walks() {
        return walks;
    }

    /** $refs that do not resolve, x-prsb-relative / x-prsb-group with nothing to attach to. */
    List<String> walkerProblems() {
        return walks.stream().flatMap(w -> w.problems().stream()).distinct().toList();
    }

    /** Elements of a section messages.json says a message carries, with no home in that message's schema. */
    List<String> missingFromMessages() {
        List<String> missing = new ArrayList<>();
        for (JsonNode m : messages.path("messages")) {
            String file = m.path("file").asString();
            String resource = m.path("resourceType").asString();
            if (!resource.equals(walker.resourceType(file))) {
                missing.add(
                        file + ": resourceType is " + walker.resourceType(file) + ", messages.json says " + resource);
                continue;
            }
            Set<String> placed = SchemaWalker.placedPaths(List.of(walker.walk(file)));
            for (JsonNode s : m.path("sections")) {
                List<PrsbElement> members = members(s.asString());
                if (members.isEmpty()) {
                    missing.add(resource + ": messages.json lists '" + s.asString() + "', which is not a PRSB section");
                }
                for (PrsbElement e : members) {
                    if (!placed.contains(e.path())) {
                        missing.add(resource + ": " + e.path());
                    }
                }
            }
        }
        return missing;
    }

    /** PRSB elements with no home in any resource. */
    List<String> notPlaced() {
        Set<String> placed = SchemaWalker.placedPaths(walks);
        return prsb.elements().stream()
                .map(PrsbElement::path)
                .filter(p -> !placed.contains(p))
                .toList();
    }

    /** x-prsb, composed x-prsb-relative and x-prsb-group values that are not elements (or not a folded group). */
    List<String> unknownPaths() {
        Set<String> wrong = new LinkedHashSet<>();
        for (SchemaWalker.Home h : homes) {
            Optional<PrsbElement> e = prsb.element(h.prsbPath());
            if (e.isEmpty()) {
                wrong.add(
                        h.label() + " (" + h.location() + "): " + (h.relative() ? "composed x-prsb-relative" : "x-prsb")
                                + " '" + h.prsbPath() + "' is not in elements.tsv");
            }
            if (h.groupPath() != null) {
                Optional<PrsbElement> g = prsb.element(h.groupPath());
                if (g.isEmpty()) {
                    wrong.add(h.label() + " (" + h.location() + "): x-prsb-group '" + h.groupPath()
                            + "' is not in elements.tsv");
                } else if (e.isPresent()
                        && (!g.get().isGroup()
                                || e.get().parent() != g.get()
                                || g.get().children().size() != 1)) {
                    wrong.add(h.label() + " (" + h.location() + "): x-prsb-group '" + h.groupPath()
                            + "' is not a group whose only member is '" + h.prsbPath() + "'");
                }
            }
        }
        return List.copyOf(wrong);
    }

    /** Homes nested under a property that holds some other element than their PRSB parent. */
    List<String> misplaced() {
        Set<String> wrong = new LinkedHashSet<>();
        for (SchemaWalker.Home h : homes) {
            if (h.enclosingPath() == null) {
                continue; // the top of a resource: a resource may hold any element there
            }
            String held = h.groupPath() != null ? h.groupPath() : h.prsbPath();
            Optional<PrsbElement> e = prsb.element(held);
            String parent = e.map(PrsbElement::parent).map(PrsbElement::path).orElse(null);
            if (e.isPresent() && !h.enclosingPath().equals(parent)) {
                wrong.add(h.label() + " holds '" + held + "' inside '" + h.enclosingPath()
                        + "', not inside its parent '" + parent + "'");
            }
        }
        return List.copyOf(wrong);
    }

    /**
     * Homes of items with a PRSB max length whose maxLength (on items, for arrays) differs from it,
     * or from the length {@code prsb/deliberate-lengths.tsv} gives instead.
     */
    List<String> wrongMaxLengths() {
        Set<String> wrong = new LinkedHashSet<>();
        for (SchemaWalker.Home h : homes) {
            Optional<PrsbElement> e = prsb.element(h.prsbPath());
            if (e.isEmpty() || e.get().isGroup() || e.get().maxLength().isEmpty()) {
                continue;
            }
            int expected = lengths.maxLength(e.get()).getAsInt();
            JsonNode max = h.valueSchema().path("maxLength");
            if (!max.isNumber() || max.asInt() != expected) {
                boolean deliberate = expected != e.get().maxLength().getAsInt();
                wrong.add(h.label() + " (" + h.prsbPath() + "): "
                        + (deliberate ? "deliberate-lengths.tsv max length " : "PRSB max length ")
                        + expected + ", schema "
                        + (max.isNumber() ? "maxLength " + max.asInt() : "has no maxLength")
                        + (h.isArray() ? " on items" : ""));
            }
        }
        return List.copyOf(wrong);
    }

    /**
     * Homes of mandatory elements (M, min >= 1) a sender could leave out: not in the containing
     * object's {@code required}, or an array whose {@code minItems} is below the PRSB minimum.
     */
    /** The keyword by which a home of a mandatory element says why it may be left out there. */
    static final String OPTIONAL_BECAUSE = "x-prsb-optional-because";

    List<String> optionalMandatoryElements() {
        Set<String> wrong = new LinkedHashSet<>();
        for (SchemaWalker.Home h : homes) {
            Optional<PrsbElement> e = prsb.element(h.prsbPath());
            if (e.isEmpty() || !e.get().isMandatory() || e.get().min() < 1) {
                continue;
            }
            String what = h.label() + " (" + h.prsbPath() + ", " + e.get().cardinality() + " M)";
            // a record that carries an element the standard's message holds, only when the person agreed
            // (an onward referral carrying the person's name to its provider), says why it may be left out
            if (!h.required() && h.schema().path(OPTIONAL_BECAUSE).asString("").isBlank()) {
                wrong.add(what + ": not in its object's required");
            }
            if (h.isArray() && h.schema().path("minItems").asInt(0) < e.get().min()) {
                wrong.add(what + ": array without minItems " + e.get().min());
            }
        }
        return List.copyOf(wrong);
    }

    /** Properties with none of x-prsb, x-prsb-relative, x-linkway. */
    List<String> traceabilityGaps() {
        return walks.stream()
                .flatMap(w -> w.gaps().stream())
                .map(SchemaWalker.Gap::toString)
                .distinct()
                .toList();
    }

    private List<PrsbElement> members(String section) {
        String prefix = section + PrsbElement.PATH_SEPARATOR;
        return prsb.elements().stream()
                .filter(e -> e.path().equals(section) || e.path().startsWith(prefix))
                .toList();
    }
}
