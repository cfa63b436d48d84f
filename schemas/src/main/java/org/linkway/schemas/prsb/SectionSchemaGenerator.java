package org.linkway.schemas.prsb;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates {@code json/prsb-sections.schema.json}: one schema definition per PRSB section and
 * per PRSB group, every property tagged with the exact PRSB path it holds ({@code x-prsb}).
 *
 * <p>Three shapes recur across the standard and are not generated again each time; they point
 * to hand-written definitions in {@code common.schema.json} whose members carry
 * {@code x-prsb-relative} (the element name below the group that uses them):
 * a SNOMED-coded value with free text ({@code CodedText}, {@code CodedNarrative} where the free
 * text is unbounded), and an ODS-coded organisation with free text ({@code OdsCodedText}). The
 * ODS code there is longer than PRSB's string(5), as {@code prsb/deliberate-lengths.tsv} records:
 * a GP practice's code has six characters.
 *
 * <p>A group that only wraps one element of the same name (PRSB does this in "About me" and
 * "Social context") is folded into that element; the property carries the element's path in
 * {@code x-prsb} and the group's in {@code x-prsb-group}.
 */
final class SectionSchemaGenerator {

    static final String COMMON = "common.schema.json#/$defs/";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final PrsbStandard prsb;
    private final NameMap names;
    private final LengthOverrides lengths;
    private final Map<String, ObjectNode> definitions = new LinkedHashMap<>();
    private final Set<String> usedDefinitionNames = new HashSet<>();

    SectionSchemaGenerator(PrsbStandard prsb, NameMap names) {
        this(prsb, names, LengthOverrides.none());
    }

    SectionSchemaGenerator(PrsbStandard prsb, NameMap names, LengthOverrides lengths) {
        this.prsb = prsb;
        this.names = names;
        this.lengths = lengths;
    }

    ObjectNode generate() {
        for (String path : names.paths()) {
            if (prsb.element(path).isEmpty()) {
                throw new IllegalStateException("name-map.tsv names a path the standard does not have: " + path);
            }
        }
        for (PrsbElement section : prsb.sections()) {
            objectDefinition(section);
        }
        ObjectNode root = NODES.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("title", "PRSB Social Prescribing Information Standard v" + PrsbStandard.VERSION + " sections");
        root.put(
                "$comment",
                "GENERATED from prsb/elements.tsv and prsb/name-map.tsv by org.linkway.schemas.prsb.Regenerate."
                        + " Do not edit by hand: change the name map and re-run.");
        root.put("x-prsb-version", PrsbStandard.VERSION);
        ObjectNode defs = root.putObject("$defs");
        definitions.forEach(defs::set);
        return root;
    }

    /** Registers (once) the definition for a PRSB group and returns a reference to it. */
    private String objectDefinition(PrsbElement group) {
        String name = uniqueDefinitionName(group);
        ObjectNode def = NODES.objectNode();
        definitions.put(name, def); // reserve the slot first so definitions keep the standard's order
        def.put("title", group.name());
        if (!group.description().isEmpty()) {
            def.put("description", group.description());
        }
        def.put("x-prsb", group.path());
        def.put("type", "object");
        ObjectNode properties = def.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (PrsbElement child : group.children()) {
            String property = names.property(child);
            if (properties.has(property)) {
                throw new IllegalStateException("two elements of '" + group.path() + "' map to property '" + property
                        + "': add a row to name-map.tsv");
            }
            properties.set(property, property(child));
            if (child.isMandatory() && child.min() >= 1) {
                required.add(property);
            }
        }
        if (!required.isEmpty()) {
            def.set("required", required);
        }
        def.put("additionalProperties", false);
        return "#/$defs/" + name;
    }

    private String uniqueDefinitionName(PrsbElement group) {
        String name = names.definition(group);
        PrsbElement ancestor = group.parent();
        while (!usedDefinitionNames.add(name)) {
            if (ancestor == null) {
                throw new IllegalStateException("cannot find a unique definition name for " + group.path());
            }
            name = names.definition(ancestor) + name;
            ancestor = ancestor.parent();
        }
        return name;
    }

    private ObjectNode property(PrsbElement e) {
        PrsbElement folded = foldedChild(e);
        if (folded != null) {
            ObjectNode inner = property(folded);
            ObjectNode out = NODES.objectNode();
            out.put("x-prsb-group", e.path());
            out.setAll(inner);
            return out;
        }
        ObjectNode value = e.isGroup() ? groupValue(e) : itemValue(e);
        ObjectNode out = NODES.objectNode();
        out.put("x-prsb", e.path());
        if (!e.mro().isEmpty()) {
            out.put("x-prsb-mro", e.mro());
        }
        if (!e.description().isEmpty()) {
            out.put("description", e.description());
        }
        if (e.isRepeating()) {
            out.put("type", "array");
            out.set("items", value);
            if (e.isMandatory() && e.min() >= 1) {
                out.put("minItems", e.min());
            }
        } else {
            out.setAll(value);
        }
        return out;
    }

    /** PRSB wraps some single items in a group of the same name; we do not add a level for them. */
    private static PrsbElement foldedChild(PrsbElement group) {
        if (!group.isGroup() || group.isRepeating() || group.children().size() != 1) {
            return null;
        }
        PrsbElement only = group.children().get(0);
        return only.name().equalsIgnoreCase(group.name()) && !only.isRepeating() ? only : null;
    }

    private ObjectNode groupValue(PrsbElement group) {
        if (group.children().isEmpty()) {
            // PRSB lists a few groups with no members ("Signpost to / Organisation"): free text.
            return string(null);
        }
        String shared = sharedShape(group);
        ObjectNode ref = NODES.objectNode();
        ref.put("$ref", shared != null ? COMMON + shared : objectDefinition(group));
        return ref;
    }

    /** Returns the common definition a {Coded value, Free text} group matches, or null. */
    static String sharedShape(PrsbElement group) {
        List<PrsbElement> c = group.children();
        if (c.size() != 2
                || !c.get(0).name().equals("Coded value")
                || !c.get(1).name().equals("Free text")) {
            return null;
        }
        PrsbElement code = c.get(0);
        PrsbElement text = c.get(1);
        boolean ods = code.valueSet().toLowerCase(Locale.ROOT).contains("organisation data service");
        if (ods
                && "string".equals(code.valueType())
                && code.maxLength().orElse(-1) == 5
                && text.maxLength().orElse(-1) == 150) {
            return "OdsCodedText";
        }
        if (ods || !code.valueType().isEmpty()) {
            return null; // a national code list of its own: generated in place
        }
        if (text.maxLength().isEmpty()) {
            return "CodedNarrative";
        }
        return text.maxLength().getAsInt() == 150 ? "CodedText" : null;
    }

    private ObjectNode itemValue(PrsbElement item) {
        String pinned = names.type(item);
        if (pinned != null) {
            return pinnedType(item, pinned);
        }
        switch (item.valueType()) {
            case "string":
            case "text":
                return string(maxLength(item));
            case "date": {
                ObjectNode n = NODES.objectNode();
                n.put("type", "string");
                n.put("format", "date");
                return n;
            }
            case "datetime":
                return ref(COMMON + "DateOrDateTime");
            case "boolean":
                return type("boolean");
            case "decimal":
            case "quantity":
                return type("number");
            case "identifier": {
                ObjectNode n = string(null);
                n.put("format", "uri-reference");
                return n;
            }
            case "":
                if (looksCoded(item.valueSet())) {
                    return ref(COMMON + "Coding");
                }
                throw new IllegalStateException("no value type for '" + item.path() + "': pin one in name-map.tsv");
            default:
                throw new IllegalStateException("unknown PRSB value type '" + item.valueType() + "' at " + item.path());
        }
    }

    private static boolean looksCoded(String valueSet) {
        String v = valueSet.toLowerCase(Locale.ROOT);
        return v.contains("snomed") || v.contains("fhir value") || v.contains("organisation data service");
    }

    /** Type pins from the name map: {@code coding}, {@code integer 1..5}, {@code number 1..10}, {@code enum A|B}. */
    private ObjectNode pinnedType(PrsbElement item, String pinned) {
        String[] parts = pinned.split(" ", 2);
        switch (parts[0]) {
            case "coding":
                return ref(COMMON + "Coding");
            case "string":
                return string(maxLength(item));
            case "integer":
            case "number": {
                ObjectNode n = type(parts[0]);
                if (parts.length > 1) {
                    String[] range = parts[1].split("\\.\\.");
                    n.put("minimum", Integer.parseInt(range[0]));
                    n.put("maximum", Integer.parseInt(range[1]));
                }
                return n;
            }
            case "enum": {
                ObjectNode n = type("string");
                ArrayNode values = n.putArray("enum");
                for (String v : parts[1].split("\\|")) {
                    values.add(v.strip());
                }
                return n;
            }
            default:
                throw new IllegalStateException("unknown type pin '" + pinned + "' for " + item.path());
        }
    }

    /** The standard's length, or Linkway's where deliberate-lengths.tsv departs from it. */
    private Integer maxLength(PrsbElement item) {
        var max = lengths.maxLength(item);
        return max.isPresent() ? max.getAsInt() : null;
    }

    private static ObjectNode string(Integer maxLength) {
        ObjectNode n = type("string");
        n.put("minLength", 1);
        if (maxLength != null) {
            n.put("maxLength", maxLength);
        }
        return n;
    }

    private static ObjectNode type(String type) {
        ObjectNode n = NODES.objectNode();
        n.put("type", type);
        return n;
    }

    private static ObjectNode ref(String target) {
        ObjectNode n = NODES.objectNode();
        n.put("$ref", target);
        return n;
    }
}
