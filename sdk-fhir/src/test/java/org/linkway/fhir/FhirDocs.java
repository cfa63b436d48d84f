package org.linkway.fhir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.linkway.fhir.internal.Extensions;
import org.linkway.fhir.internal.HospitalStayCodes;
import org.linkway.fhir.internal.Urls;
import org.linkway.model.MessageType;
import org.linkway.model.PrsbMessage;
import org.linkway.model.json.LinkwayJson;
import org.linkway.outcomes.Instrument;
import org.linkway.outcomes.InstrumentCatalogue;
import org.linkway.outcomes.InstrumentCode;
import org.linkway.validation.Finding;
import org.linkway.validation.Rule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes schemas/fhir/MAPPING.md and the golden Bundles in schemas/fhir/examples from what the
 * binding does, not from a hand-kept list: every value in every valid example is replaced in
 * turn by a marker, the message is converted, and the marker is looked for in the FHIR output
 * (a FHIR element, or the linkway-data extension of some resource). The PRSB path of each
 * property is what the validator reports for it.
 */
final class FhirDocs {

    static final String MAPPING = "../schemas/fhir/MAPPING.md";
    static final String GOLDEN_DIR = "../schemas/fhir/examples/";
    static final String REGENERATE =
            "./mvnw -B -q -pl sdk-fhir -am test -Dtest=FhirGeneratedFilesTest -Dsurefire.failIfNoSpecifiedTests=false -Dlinkway.regenerate=true";

    private FhirDocs() {}

    /** Every generated file: path relative to sdk-fhir -> content. */
    static Map<String, String> files() {
        Map<String, String> out = new TreeMap<>();
        for (Path p : FhirExamples.bound()) {
            PrsbMessage m = FhirExamples.message(p);
            String base = p.getFileName().toString().replace(".json", "");
            MessageType t = FhirExamples.type(p);
            out.put(
                    GOLDEN_DIR + base + ".fhir.json",
                    FhirExamples.BINDING.toFhirJson(m, BundleForm.TRANSACTION) + "\n");
            if (t == MessageType.REFERRAL || t == MessageType.ONWARD_REFERRAL) {
                out.put(
                        GOLDEN_DIR + base + ".fhir-message.json",
                        FhirExamples.BINDING.toFhirJson(m, BundleForm.MESSAGE) + "\n");
            }
        }
        out.put(MAPPING, mapping());
        for (Extensions.Def x : Extensions.ALL) {
            out.put(FHIR_DIR + x.fileName(), pretty(structureDefinition(x)));
        }
        out.put(FHIR_DIR + "CodeSystem-record-kind.json", pretty(recordKind()));
        out.put(FHIR_DIR + "CodeSystem-outcome-instrument.json", pretty(outcomeInstrument()));
        out.put(
                FHIR_DIR + "CodeSystem-hospital-admission-method.json",
                pretty(codeSystem(
                        "hospital-admission-method",
                        HospitalStayCodes.ADMISSION_METHOD,
                        "HospitalAdmissionMethod",
                        "Linkway hospital admission methods",
                        "How the person came to hospital, as secondary-care social prescribing schemes record it "
                                + "(a hospital stay, a Linkway extension record; docs/OUTCOMES.md).",
                        HospitalStayCodes.admissionMethods())));
        out.put(
                FHIR_DIR + "CodeSystem-hospital-discharge-location.json",
                pretty(codeSystem(
                        "hospital-discharge-location",
                        HospitalStayCodes.DISCHARGE_LOCATION,
                        "HospitalDischargeLocation",
                        "Linkway hospital discharge locations",
                        "Where the person went on leaving hospital (a hospital stay, a Linkway extension record; "
                                + "docs/OUTCOMES.md).",
                        HospitalStayCodes.dischargeLocations())));
        return out;
    }

    static final String FHIR_DIR = "../schemas/fhir/";

    private static String pretty(JsonNode n) {
        return LinkwayJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n";
    }

    /** The StructureDefinition of one narrow extension, from the binding's own table. */
    static ObjectNode structureDefinition(Extensions.Def x) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode sd = f.objectNode();
        sd.put("resourceType", "StructureDefinition")
                .put("id", x.id())
                .put("url", x.url())
                .put("version", "1.0.0")
                .put("name", x.name())
                .put("title", x.title())
                .put("status", "active")
                .put("publisher", "Linkway")
                .put("description", x.description())
                .put("fhirVersion", "4.0.1")
                .put("kind", "complex-type")
                .put("abstract", false);
        ArrayNode context = sd.putArray("context");
        x.contexts().forEach(c -> context.addObject().put("type", "element").put("expression", c));
        sd.put("type", "Extension")
                .put("baseDefinition", "http://hl7.org/fhir/StructureDefinition/Extension")
                .put("derivation", "constraint");
        ArrayNode el = sd.putObject("differential").putArray("element");
        el.addObject()
                .put("id", "Extension")
                .put("path", "Extension")
                .put("short", x.title())
                .put("definition", x.description())
                .put("max", "1");
        el.addObject()
                .put("id", "Extension.extension")
                .put("path", "Extension.extension")
                .put("max", "0");
        el.addObject().put("id", "Extension.url").put("path", "Extension.url").put("fixedUri", x.url());
        ObjectNode value = el.addObject()
                .put("id", "Extension.value[x]")
                .put("path", "Extension.value[x]")
                .put("min", 1);
        value.putArray("type").addObject().put("code", x.valueType());
        return sd;
    }

    /** The record-kind CodeSystem: its hand-written concepts, then every code the binding's record tables write. */
    static ObjectNode recordKind() {
        ObjectNode cs = (ObjectNode)
                LinkwayJson.mapper().readTree(FhirExamples.read(Path.of(FHIR_DIR + "CodeSystem-record-kind.json")));
        ArrayNode concepts = JsonNodeFactory.instance.arrayNode();
        Map<String, String> generated = Extensions.recordKindCodes();
        for (JsonNode c : cs.get("concept")) {
            if (!generated.containsKey(c.get("code").stringValue())) {
                concepts.add(c);
            }
        }
        generated.forEach(
                (code, display) -> concepts.addObject().put("code", code).put("display", display));
        cs.put("count", concepts.size());
        cs.set("concept", concepts);
        return cs;
    }

    /** A complete Linkway CodeSystem from a code-to-display table. */
    static ObjectNode codeSystem(
            String id, String url, String name, String title, String description, Map<String, String> codes) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode cs = f.objectNode();
        cs.put("resourceType", "CodeSystem")
                .put("id", id)
                .put("url", url)
                .put("version", "1.0.0")
                .put("name", name)
                .put("title", title)
                .put("status", "active")
                .put("publisher", "Linkway")
                .put("description", description)
                .put("caseSensitive", true)
                .put("content", "complete");
        ArrayNode concepts = f.arrayNode();
        codes.forEach((code, display) -> concepts.addObject().put("code", code).put("display", display));
        cs.put("count", concepts.size());
        cs.set("concept", concepts);
        return cs;
    }

    /** Linkway's outcome-instrument CodeSystem, from the instrument catalogue (the codes the score Observations carry). */
    static ObjectNode outcomeInstrument() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode cs = f.objectNode();
        cs.put("resourceType", "CodeSystem")
                .put("id", "outcome-instrument")
                .put("url", InstrumentCode.LINKWAY_SYSTEM)
                .put("version", "1.0.0")
                .put("name", "OutcomeInstrument")
                .put("title", "Linkway outcome instruments")
                .put("status", "active")
                .put("publisher", "Linkway")
                .put(
                        "description",
                        "Outcome measures used in social prescribing that have no verified SNOMED CT or LOINC code; "
                                + "generated from the SDK's instrument catalogue (docs/OUTCOMES.md).")
                .put("caseSensitive", true)
                .put("content", "complete");
        ArrayNode concepts = f.arrayNode();
        for (Instrument i : InstrumentCatalogue.standard().all()) {
            for (InstrumentCode c : i.codes()) {
                if (InstrumentCode.LINKWAY_SYSTEM.equals(c.system())) {
                    concepts.addObject().put("code", c.code()).put("display", c.display());
                }
            }
        }
        cs.put("count", concepts.size());
        cs.set("concept", concepts);
        return cs;
    }

    record Row(String prsb, String linkway, Set<String> fhir) {}

    static String mapping() {
        Map<MessageType, Map<String, Row>> byType = new LinkedHashMap<>();
        for (MessageType t : FhirBinding.supportedTypes()) {
            byType.put(t, new TreeMap<>());
        }
        for (Path p : FhirExamples.bound()) {
            MessageType type = FhirExamples.type(p);
            ObjectNode tree = (ObjectNode) LinkwayJson.mapper().readTree(FhirExamples.read(p));
            List<String> leaves = new ArrayList<>();
            leaves(tree, "", leaves);
            for (String pointer : leaves) {
                String linkway = normalise(pointer);
                Row row = byType.get(type)
                        .computeIfAbsent(linkway, k -> new Row(prsbPath(tree, pointer), k, new LinkedHashSet<>()));
                row.fhir().addAll(whereItGoes(type, tree, pointer));
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("# Linkway FHIR R4 mapping\n\n")
                .append("<!-- GENERATED by FhirDocs in sdk-fhir's tests; run `")
                .append(REGENERATE)
                .append("` after changing the binding. Do not edit by hand. -->\n\n")
                .append("Where each property of the valid examples goes in FHIR R4, found by running the binding\n")
                .append(
                        "(`org.linkway.fhir.FhirBinding`) with that one value replaced by a marker. Properties go to FHIR R4\n")
                .append(
                        "elements first; `extension('x')` is an HL7 core extension or one of Linkway's narrow extensions, each defined\n")
                .append(
                        "in `schemas/fhir/StructureDefinition-x.json`. `linkway-data on X` means the value travels in the catch-all\n")
                .append("`")
                .append(Urls.EXT_LINKWAY_DATA)
                .append("` extension of resource X, so nothing is lost:\n")
                .append(
                        "for these examples that is only Linkway's own properties (`schemaVersion` when it is not the version this\n")
                .append(
                        "library writes, a care plan's `version`, an assessment's `instrument` and `timepoint`). `(derived)` means the\n")
                .append(
                        "value is implied by another element (for example the fixed schema version). Paths use `[]` for any index.\n")
                .append("See docs/FHIR.md.\n");
        md.append(CARRIER_ONLY);
        for (var e : byType.entrySet()) {
            md.append("\n## ").append(e.getKey().resourceType()).append("\n\n");
            md.append("| PRSB path | Linkway property | FHIR path |\n|---|---|---|\n");
            for (Row r : e.getValue().values()) {
                md.append("| ")
                        .append(r.prsb().isEmpty() ? "(Linkway)" : r.prsb())
                        .append(" | `")
                        .append(r.linkway())
                        .append("` | ")
                        .append(
                                r.fhir().isEmpty()
                                        ? "(derived)"
                                        : String.join(
                                                "<br>",
                                                r.fhir().stream()
                                                        .map(f -> "`" + f + "`")
                                                        .toList()))
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    /**
     * PRSB values with no FHIR R4 or UK Core home, kept only in linkway-data, each with the reason.
     * Checked by hand against the binding (sdk-fhir PersonSection, Parties, PrsbHomes); not exhaustive.
     */
    private static final String CARRIER_ONLY = """

            ## PRSB values a FHIR reader finds only in linkway-data

            Every PRSB value that has a home in FHIR R4 or UK Core 2.0.1 is written there. Immigration status has
            no UK Core extension, so its code goes in Linkway's `extension('immigration-status')` on Patient; the GP
            opt out indicator (a SNOMED CT finding per GP practice record entry) goes in Linkway's
            `extension('gp-opt-out-indicator')` on that entry's Organization. Both are read back from there first.

            These values stay in the `linkway-data` carrier only. The list covers Person demographics and GP practice,
            which were checked element by element; other sections were not checked exhaustively, and the tables below
            (`linkway-data on X`) show where the examples' values go.

            | PRSB element | Why carrier-only |
            |---|---|
            | Person demographics / Immigration status / Start date, End date, Comment | No R4 or UK Core element; the `immigration-status` extension holds the code only, to keep it a simple value extension. |
            | Person demographics / Name / Family names (the list) | R4 `HumanName.family` is one string: a FHIR reader sees the names space-joined; the list itself is in the carrier. |
            | Person demographics / Alias, Photograph | Not in the examples; R4 has elements (`name`, `photo`) but the binding does not map them yet. |
            | Person demographics / Organ and tissue donation, Overseas visitor status, Educational establishment | No R4 element and no UK Core extension for the PRSB meaning. |
            | Person demographics / Gender, Marital status, Address type (codes with no FHIR equivalent) | Only codes with an exact FHIR meaning are written to `gender`, `maritalStatus`, `address.use`; other codes stay in the carrier. |
            | Any value with spaces FHIR cannot hold in a `code` | A FHIR code may not have leading, trailing or double spaces; such a value stays as given in the carrier. |
            """;

    private static void leaves(JsonNode n, String pointer, List<String> out) {
        if (n instanceof ObjectNode o) {
            for (var p : o.properties()) {
                leaves(p.getValue(), pointer + "/" + p.getKey(), out);
            }
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                leaves(a.get(i), pointer + "/" + i, out);
            }
        } else if (!pointer.equals("/resourceType")) {
            out.add(pointer);
        }
    }

    private static String normalise(String pointer) {
        return pointer.substring(1).replaceAll("/\\d+", "[]").replace('/', '.');
    }

    /** The PRSB path the validator names for this property (made invalid by giving it an object). */
    private static String prsbPath(ObjectNode tree, String pointer) {
        ObjectNode copy = tree.deepCopy();
        set(copy, pointer, JsonNodeFactory.instance.objectNode().put("x", 1));
        for (Finding f : FhirExamples.VALIDATOR
                .validate(LinkwayJson.mapper().writeValueAsString(copy))
                .findings()) {
            if (f.pointer().equals(pointer) && f.ruleId().equals(Rule.TYPE.id())) {
                return f.prsbPath();
            }
        }
        return "";
    }

    private static Set<String> whereItGoes(MessageType type, ObjectNode tree, String pointer) {
        JsonNode original = tree.at(pointer);
        ObjectNode copy = tree.deepCopy();
        Set<String> paths = new LinkedHashSet<>();
        boolean enumLike = original.isString() && original.stringValue().matches("[a-z-]{1,16}");
        boolean freeText = original.isString()
                && original.stringValue().length() > 3
                && !looksLikeDate(original.stringValue())
                && !enumLike;
        if (freeText || pointer.matches(".*/\\d+$")) {
            // a marker string: found where the value lands, as an element or inside linkway-data
            String marker = "QQ" + Math.abs(pointer.hashCode()) + "QQ";
            set(copy, pointer, JsonNodeFactory.instance.stringNode(marker));
            JsonNode fhir = fhir(type, copy);
            if (fhir != null) {
                find(fhir, "", null, marker, paths);
            }
            if (!paths.isEmpty() || pointer.matches(".*/\\d+$")) {
                return paths;
            }
            copy = tree.deepCopy();
        }
        // codes, numbers, booleans, dates: change the value and see which FHIR elements change
        if (original.isNumber()) {
            set(
                    copy,
                    pointer,
                    original.isIntegralNumber()
                            ? JsonNodeFactory.instance.numberNode(original.intValue() + 1)
                            : JsonNodeFactory.instance.numberNode(
                                    original.decimalValue().add(BigDecimal.ONE)));
        } else if (original.isBoolean()) {
            set(copy, pointer, JsonNodeFactory.instance.booleanNode(!original.booleanValue()));
        } else if (original.isString() && looksLikeDate(original.stringValue())) {
            set(
                    copy,
                    pointer,
                    JsonNodeFactory.instance.stringNode(
                            "1901" + original.stringValue().substring(4)));
        } else {
            ((ObjectNode) copy.at(pointer.substring(0, pointer.lastIndexOf('/'))))
                    .remove(pointer.substring(pointer.lastIndexOf('/') + 1));
        }
        JsonNode before = fhir(type, tree);
        JsonNode after = fhir(type, copy);
        if (before != null && after != null) {
            diff(before, after, "", null, paths);
        }
        // a value that adds or removes a resource shifts the document's sections: name the resource, not the shift
        Set<String> kept = new LinkedHashSet<>();
        for (String p : paths) {
            if (!p.startsWith("Composition.section[]") && !p.startsWith("Bundle.")) {
                kept.add(p.matches("[A-Za-z]+") ? p + " (the resource)" : p);
            }
        }
        return kept.isEmpty() ? paths : kept;
    }

    private static JsonNode fhir(MessageType type, ObjectNode message) {
        try {
            PrsbMessage msg = LinkwayJson.mapper().treeToValue(message, type.javaType());
            return LinkwayJson.mapper().readTree(FhirExamples.BINDING.toFhirJson(msg, BundleForm.TRANSACTION));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Paths (as in {@link #find}) of the leaves that differ between two Bundles, ignoring full URLs and references. */
    private static void diff(JsonNode a, JsonNode b, String path, String resourceType, Set<String> out) {
        if (a instanceof ObjectNode oa && b instanceof ObjectNode ob) {
            String rt = oa.has("resourceType") ? oa.get("resourceType").stringValue() : resourceType;
            String base = oa.has("resourceType") ? rt : path;
            if (oa.has("url") && Urls.EXT_LINKWAY_DATA.equals(oa.get("url").stringValue())) {
                if (!oa.equals(ob)) {
                    out.add("linkway-data on " + resourceType);
                }
                return;
            }
            Set<String> names = new LinkedHashSet<>();
            oa.propertyNames().forEach(names::add);
            ob.propertyNames().forEach(names::add);
            for (String name : names) {
                if (name.equals("fullUrl") || name.equals("reference")) {
                    continue;
                }
                JsonNode va = oa.get(name);
                JsonNode vb = ob.get(name);
                String label = name;
                if (name.equals("extension") && (va != null ? va : vb).isArray()) {
                    // extensions pair up by URL, not by position
                    Map<String, JsonNode> byUrlA = byUrl(va);
                    Map<String, JsonNode> byUrlB = byUrl(vb);
                    Set<String> urls = new LinkedHashSet<>(byUrlA.keySet());
                    urls.addAll(byUrlB.keySet());
                    for (String url : urls) {
                        JsonNode xa = byUrlA.get(url);
                        JsonNode xb = byUrlB.get(url);
                        String xl = base + ".extension('" + url.substring(url.lastIndexOf('/') + 1) + "')";
                        if (xa == null || xb == null) {
                            Set<String> leaves = new LinkedHashSet<>();
                            leafPaths(xa != null ? xa : xb, xl, rt, leaves);
                            out.addAll(leaves);
                        } else {
                            diff(xa, xb, xl, rt, out);
                        }
                    }
                    continue;
                }
                if (va == null || vb == null) {
                    JsonNode present = va != null ? va : vb;
                    Set<String> leaves = new LinkedHashSet<>();
                    leafPaths(present, base + "." + label, rt, leaves);
                    out.addAll(leaves);
                } else {
                    diff(va, vb, base + "." + label, rt, out);
                }
            }
        } else if (a instanceof ArrayNode aa && b instanceof ArrayNode ab) {
            for (int i = 0; i < Math.max(aa.size(), ab.size()); i++) {
                String p = label(path, aa.size() > i ? aa.get(i) : ab.get(i));
                if (i < aa.size() && i < ab.size()) {
                    diff(aa.get(i), ab.get(i), p, resourceType, out);
                } else {
                    leafPaths(i < aa.size() ? aa.get(i) : ab.get(i), p, resourceType, out);
                }
            }
        } else if (!a.equals(b)) {
            out.add(clean(path));
        }
    }

    private static Map<String, JsonNode> byUrl(JsonNode extensions) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (extensions != null) {
            for (JsonNode x : extensions) {
                out.putIfAbsent(x.has("url") ? x.get("url").stringValue() : "?", x);
            }
        }
        return out;
    }

    private static String label(String path, JsonNode item) {
        if (item != null && item.has("url") && path.endsWith(".extension")) {
            return path;
        }
        return path + "[]";
    }

    private static void leafPaths(JsonNode n, String path, String resourceType, Set<String> out) {
        if (n instanceof ObjectNode o) {
            if (o.has("url") && Urls.EXT_LINKWAY_DATA.equals(o.get("url").stringValue())) {
                out.add("linkway-data on " + resourceType);
                return;
            }
            if (o.has("resourceType")) {
                out.add(o.get("resourceType").stringValue());
                return;
            }
            o.properties().forEach(p -> leafPaths(p.getValue(), path + "." + p.getKey(), resourceType, out));
        } else if (n instanceof ArrayNode a) {
            a.forEach(item -> leafPaths(item, path + "[]", resourceType, out));
        } else {
            out.add(clean(path));
        }
    }

    private static String clean(String path) {
        return path.replaceFirst("^\\.entry\\[\\]\\.resource\\.", "").replace(".resource.", "");
    }

    private static boolean looksLikeDate(String s) {
        return s.matches("^\\d{4}-\\d\\d-\\d\\d.*");
    }

    private static void find(JsonNode n, String path, String resourceType, String marker, Set<String> out) {
        if (n instanceof ObjectNode o) {
            String rt = o.has("resourceType") ? o.get("resourceType").stringValue() : resourceType;
            String base = o.has("resourceType") ? rt : path;
            if (o.has("url") && Urls.EXT_LINKWAY_DATA.equals(o.get("url").stringValue())) {
                if (o.get("valueString").stringValue().contains(marker)) {
                    out.add("linkway-data on " + resourceType);
                }
                return;
            }
            if (o.has("contentType") && o.has("data")) {
                // an attachment: its text is in base64
                String text =
                        new String(Base64.getDecoder().decode(o.get("data").stringValue()), StandardCharsets.UTF_8);
                if (text.contains(marker)) {
                    out.add((path + ".data")
                            .replaceFirst("^\\.entry\\[\\]\\.resource\\.", "")
                            .replace(".resource.", ""));
                }
                return;
            }
            for (var p : o.properties()) {
                String name = p.getKey();
                if (name.equals("extension")
                        && p.getValue().isArray()
                        && !p.getValue().isEmpty()
                        && p.getValue().get(0).has("url")) {
                    for (JsonNode x : p.getValue()) {
                        String url = x.get("url").stringValue();
                        find(
                                x,
                                base + ".extension('" + url.substring(url.lastIndexOf('/') + 1) + "')",
                                rt,
                                marker,
                                out);
                    }
                    continue;
                }
                find(p.getValue(), base + "." + name, rt, marker, out);
            }
        } else if (n instanceof ArrayNode a) {
            for (JsonNode item : a) {
                find(item, path + "[]", resourceType, marker, out);
            }
        } else if (n != null && (n.isString() ? n.stringValue() : n.toString()).equals(marker)) {
            String p = path.replaceFirst("^\\.entry\\[\\]\\.resource\\.", "");
            if (!p.startsWith(".") && !p.startsWith("fullUrl") && !p.contains(".fullUrl")) {
                out.add(p.replace(".resource.", ""));
            }
        }
    }

    private static void set(ObjectNode root, String pointer, JsonNode value) {
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1);
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), value);
        }
    }
}
