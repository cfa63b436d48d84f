package org.linkway.schemas.prsb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Writes {@code PRSB-COVERAGE.md}: for every element of the PRSB standard, where it lives in the
 * Linkway resource schemas (its <em>homes</em>, found by {@link SchemaWalker}), or that it is
 * not placed; with a summary per section and the deliberate differences from the standard,
 * all derived from {@code prsb/elements.tsv}, {@code prsb/messages.json} and the schemas.
 * The output depends on nothing else (no dates), so the build can check it is current.
 */
final class CoverageReport {

    /** Where the report is written, relative to the schemas module. */
    static final String FILE = "PRSB-COVERAGE.md";

    static final String REGENERATE =
            "./mvnw -B -pl schemas -am test -Dtest=GeneratedFilesAreCurrentTest -Dsurefire.failIfNoSpecifiedTests=false -Dlinkway.regenerate=true";

    private record Message(String resourceType, String title, String file, Set<String> sections) {}

    private final PrsbStandard prsb;
    private final LengthOverrides lengths;
    private final StatedDifferences stated;
    private Map<String, JsonNode> bindings = Map.of();
    private final List<Message> messages = new ArrayList<>();
    private final List<SchemaWalker.Walk> walks = new ArrayList<>();
    private final Map<String, List<SchemaWalker.Home>> homes = new HashMap<>();
    private final Map<String, List<SchemaWalker.Home>> foldedHomes = new HashMap<>();

    /**
     * The report for the module as it will be once {@code generated} (paths relative to the
     * module, as {@link Regenerate#files} returns them) is written: generated schemas are read
     * from there, the hand-written ones from {@code json/}.
     */
    static String generate(PrsbStandard prsb, Path module, Map<String, String> generated) {
        Map<String, String> fresh = new HashMap<>();
        generated.forEach((file, content) -> {
            if (file.startsWith("json/")) {
                fresh.put(file.substring("json/".length()), content);
            }
        });
        return of(prsb, SchemaSource.module(module, fresh)).render();
    }

    /** The report over one source of schemas and PRSB data: the module's folders, or this jar's resources. */
    static CoverageReport of(PrsbStandard prsb, SchemaSource source) {
        CoverageReport r = new CoverageReport(
                prsb,
                Json.MAPPER.readTree(source.prsb("messages.json")),
                new SchemaWalker(source),
                LengthOverrides.load(source.prsb("deliberate-lengths.tsv"), LengthOverrides.FILE, prsb),
                StatedDifferences.load(source.prsb("deliberate-differences.tsv"), prsb));
        r.bindings = ValueSetDifferences.bindings(source);
        return r;
    }

    CoverageReport(PrsbStandard prsb, JsonNode messagesJson, SchemaWalker walker) {
        this(prsb, messagesJson, walker, LengthOverrides.none(), StatedDifferences.none());
    }

    CoverageReport(
            PrsbStandard prsb,
            JsonNode messagesJson,
            SchemaWalker walker,
            LengthOverrides lengths,
            StatedDifferences stated) {
        this.prsb = prsb;
        this.lengths = lengths;
        this.stated = stated;
        for (JsonNode m : messagesJson.path("messages")) {
            Set<String> sections = new LinkedHashSet<>();
            m.path("sections").forEach(s -> sections.add(s.asString()));
            messages.add(new Message(
                    m.path("resourceType").asString(),
                    m.path("title").asString(),
                    m.path("file").asString(),
                    sections));
        }
        // the two PRSB messages first, as messages.json lists them; then the other resources by file name
        List<String> files = new ArrayList<>();
        List<String> resources = walker.resourceFiles();
        for (Message m : messages) {
            if (resources.contains(m.file())) {
                files.add(m.file());
            }
        }
        for (String f : resources) {
            if (!files.contains(f)) {
                files.add(f);
            }
        }
        for (String f : files) {
            SchemaWalker.Walk w = walker.walk(f);
            walks.add(w);
            for (SchemaWalker.Home h : w.homes()) {
                homes.computeIfAbsent(h.prsbPath(), k -> new ArrayList<>()).add(h);
                if (h.groupPath() != null) {
                    foldedHomes
                            .computeIfAbsent(h.groupPath(), k -> new ArrayList<>())
                            .add(h);
                }
            }
        }
    }

    /** The code lists' element bindings, by PRSB path (empty when the source has none). */
    Map<String, JsonNode> bindings() {
        return bindings;
    }

    PrsbStandard standard() {
        return prsb;
    }

    List<SchemaWalker.Walk> walks() {
        return walks;
    }

    /** Every home of an element: where it is the property's x-prsb, and where it is folded into its item. */
    List<SchemaWalker.Home> homesOf(PrsbElement e) {
        List<SchemaWalker.Home> out = new ArrayList<>(homes.getOrDefault(e.path(), List.of()));
        out.addAll(foldedHomes.getOrDefault(e.path(), List.of()));
        return out;
    }

    boolean isPlaced(PrsbElement e) {
        return homes.containsKey(e.path()) || foldedHomes.containsKey(e.path());
    }

    List<PrsbElement> notPlaced() {
        return prsb.elements().stream().filter(e -> !isPlaced(e)).toList();
    }

    /** Elements PRSB gives a minimum of 1 without marking them mandatory. */
    List<PrsbElement> minimumOneNotMandatory() {
        return prsb.elements().stream()
                .filter(e -> e.min() >= 1 && !e.isMandatory())
                .toList();
    }

    /** Groups folded into their only item, in the standard's order, with the item each is folded into. */
    Map<PrsbElement, String> foldedGroups() {
        Map<PrsbElement, String> out = new LinkedHashMap<>();
        for (PrsbElement e : prsb.elements()) {
            List<SchemaWalker.Home> h = foldedHomes.get(e.path());
            if (h != null) {
                out.put(e, h.get(0).prsbPath());
            }
        }
        return out;
    }

    // ---- rendering ------------------------------------------------------------------------

    String render() {
        StringBuilder md = new StringBuilder();
        List<PrsbElement> all = prsb.elements();
        long groups = all.stream().filter(PrsbElement::isGroup).count();
        long placedGroups = all.stream().filter(e -> e.isGroup() && isPlaced(e)).count();
        long placedItems = all.stream().filter(e -> !e.isGroup() && isPlaced(e)).count();
        long items = all.size() - groups;

        md.append("# PRSB Social Prescribing Information Standard v")
                .append(PrsbStandard.VERSION)
                .append(": coverage\n\n");
        md.append("<!-- GENERATED from prsb/elements.tsv, prsb/messages.json and json/*.schema.json by ")
                .append("org.linkway.schemas.prsb.Regenerate. Do not edit by hand: run ")
                .append(REGENERATE)
                .append(" -->\n\n");
        md.append("Where each element of the PRSB Social Prescribing Information Standard v")
                .append(PrsbStandard.VERSION)
                .append(
                        " lives in the Linkway schemas. A *home* is a place in a Linkway resource that holds the element: ")
                .append(
                        "the resource type and a JSON pointer into the resource, with `*` standing for any array index. ")
                .append("Homes are found by following the `x-prsb`, `x-prsb-relative` and `x-prsb-group` annotations ")
                .append("of the schemas from each resource down through every `$ref`.\n\n");

        md.append("## Summary\n\n");
        md.append("| | Elements | Groups | Items |\n|---|---:|---:|---:|\n");
        md.append("| In the standard | ")
                .append(all.size())
                .append(" | ")
                .append(groups)
                .append(" | ")
                .append(items)
                .append(" |\n");
        md.append("| Placed | ")
                .append(placedGroups + placedItems)
                .append(" | ")
                .append(placedGroups)
                .append(" | ")
                .append(placedItems)
                .append(" |\n");
        md.append("| Not placed | ")
                .append(all.size() - placedGroups - placedItems)
                .append(" | ")
                .append(groups - placedGroups)
                .append(" | ")
                .append(items - placedItems)
                .append(" |\n\n");

        md.append("### Resources\n\n| Resource | Schema | PRSB message | Homes |\n|---|---|---|---:|\n");
        for (SchemaWalker.Walk w : walks) {
            Message m = messageFor(w.resource());
            md.append("| ")
                    .append(w.resource())
                    .append(" | `json/")
                    .append(w.file())
                    .append("` | ")
                    .append(m == null ? "" : cell(m.title()))
                    .append(" | ")
                    .append(w.homes().size())
                    .append(" |\n");
        }
        int gaps = walks.stream().mapToInt(w -> w.gaps().size()).sum();
        md.append("\nProperties with none of `x-prsb`, `x-prsb-relative` or `x-linkway` (traceability gaps): ")
                .append(gaps)
                .append(".\n");
        for (SchemaWalker.Walk w : walks) {
            for (SchemaWalker.Gap g : w.gaps()) {
                md.append("- ")
                        .append(g.resource())
                        .append(": `")
                        .append(g.pointer())
                        .append("` (`")
                        .append(g.location())
                        .append("`)\n");
            }
        }
        md.append('\n');

        md.append("### Sections\n\n| Section | Elements | Placed | Not placed |");
        for (Message m : messages) {
            md.append(' ').append(m.resourceType()).append(" |");
        }
        md.append(" Also placed in |\n|---|---:|---:|---:|");
        messages.forEach(m -> md.append(":---:|"));
        md.append("---|\n");
        for (PrsbElement section : prsb.sections()) {
            List<PrsbElement> members = members(section);
            long placed = members.stream().filter(this::isPlaced).count();
            md.append("| [")
                    .append(cell(section.name()))
                    .append("](#")
                    .append(slug(section.name()))
                    .append(") | ")
                    .append(members.size())
                    .append(" | ")
                    .append(placed)
                    .append(" | ")
                    .append(members.size() - placed)
                    .append(" |");
            for (Message m : messages) {
                md.append(m.sections().contains(section.path()) ? " carried |" : " |");
            }
            md.append(' ')
                    .append(String.join(", ", alsoPlacedIn(section, members)))
                    .append(" |\n");
        }
        md.append('\n');

        new DeliberateDifferences(this, lengths, stated).render(md);
        VocabularyCoverage.render(md);

        for (PrsbElement section : prsb.sections()) {
            renderSection(md, section);
        }
        return md.toString();
    }

    private void renderSection(StringBuilder md, PrsbElement section) {
        List<PrsbElement> members = members(section);
        long placed = members.stream().filter(this::isPlaced).count();
        md.append("## ").append(section.name()).append("\n\n");
        List<String> carriedBy = messages.stream()
                .filter(m -> m.sections().contains(section.path()))
                .map(Message::resourceType)
                .toList();
        md.append("Carried by: ").append(carriedBy.isEmpty() ? "neither PRSB message" : String.join(", ", carriedBy));
        List<String> also = alsoPlacedIn(section, members);
        if (!also.isEmpty()) {
            md.append(". Also placed in: ").append(String.join(", ", also));
        }
        md.append(". ")
                .append(members.size())
                .append(" elements, ")
                .append(placed)
                .append(" placed")
                .append(placed == members.size() ? "" : ", " + (members.size() - placed) + " not placed")
                .append(".\n\n");
        md.append("| Element | Kind | Cardinality | MRO | Value | Homes |\n|---|---|---|---|---|---|\n");
        for (PrsbElement e : members) {
            md.append("| ")
                    .append(code(e.path()))
                    .append(" | ")
                    .append(e.isGroup() ? "group" : "item")
                    .append(" | ")
                    .append(e.cardinality())
                    .append(" | ")
                    .append(e.mro().isEmpty() ? "-" : e.mro())
                    .append(" | ")
                    .append(value(e))
                    .append(" | ")
                    .append(homesCell(e))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private String homesCell(PrsbElement e) {
        Set<String> out = new LinkedHashSet<>();
        for (SchemaWalker.Home h : homes.getOrDefault(e.path(), List.of())) {
            out.add(h.resource() + ": " + code(h.pointer()));
        }
        for (SchemaWalker.Home h : foldedHomes.getOrDefault(e.path(), List.of())) {
            out.add(h.resource() + ": " + code(h.pointer()) + " (folded into its item)");
        }
        return out.isEmpty() ? "**not placed**" : String.join("<br>", out);
    }

    private static String value(PrsbElement e) {
        if (e.valueType().isEmpty()) {
            return "";
        }
        return e.valueType()
                + (e.maxLength().isPresent() ? " (max " + e.maxLength().getAsInt() + ")" : "");
    }

    /** The section and every element below it, in the standard's order. */
    private List<PrsbElement> members(PrsbElement section) {
        String prefix = section.path() + PrsbElement.PATH_SEPARATOR;
        return prsb.elements().stream()
                .filter(e -> e.path().equals(section.path()) || e.path().startsWith(prefix))
                .toList();
    }

    /** Resources with homes in the section, other than the messages that carry it. */
    private List<String> alsoPlacedIn(PrsbElement section, List<PrsbElement> members) {
        Map<Integer, String> found = new TreeMap<>();
        for (PrsbElement e : members) {
            for (SchemaWalker.Home h : homesOf(e)) {
                Message m = messageFor(h.resource());
                if (m != null && m.sections().contains(section.path())) {
                    continue;
                }
                found.putIfAbsent(resourceOrder(h.resource()), h.resource());
            }
        }
        return List.copyOf(found.values());
    }

    private int resourceOrder(String resource) {
        for (int i = 0; i < walks.size(); i++) {
            if (walks.get(i).resource().equals(resource)) {
                return i;
            }
        }
        return walks.size();
    }

    private Message messageFor(String resourceType) {
        return messages.stream()
                .filter(m -> m.resourceType().equals(resourceType))
                .findFirst()
                .orElse(null);
    }

    static String code(String s) {
        return "`" + s.replace("|", "\\|") + "`";
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }

    /** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
    static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }
}
