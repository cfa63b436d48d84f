package org.linkway.fhir.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumeration;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.linkway.validation.Rule;
import org.linkway.validation.Severity;
import tools.jackson.databind.JsonNode;

/**
 * Nothing dropped silently: after a Bundle is read, every element present in each resource the
 * mapping used is walked, and each one whose value did not reach the Linkway message is reported
 * as information ({@link Rule#FHIR_NOT_CARRIED}) with its FHIR path.
 *
 * <p>An element counts as carried when a mapper said it read it (or reported it already), when
 * writing the Linkway message back to FHIR gives the same value at the same element (what the
 * binding itself writes, such as {@code ServiceRequest.intent = order}), or when its value is in
 * the Linkway message (a name, a code, a date, a number, or text kept inside a longer text). This
 * tracks what the mappings consumed without each read site having to list it. Not walked: a
 * resource's id and meta (they describe the record, not the referral), generated narratives (a
 * rendering of the data), and the MessageHeader (the envelope).
 */
final class NotCarried {

    private static final Set<String> ENVELOPE = Set.of("id", "meta", "implicitRules", "language", "contained");

    private final FhirBundleReader in;
    private final Set<String> values = new HashSet<>();
    private final List<String> texts = new ArrayList<>();
    private final Set<String> rewritten = new HashSet<>();
    private final Set<String> reported = new HashSet<>();

    private NotCarried(FhirBundleReader in) {
        this.in = in;
    }

    /** Reports what did not reach {@code linkway}; {@code back} is that message written to FHIR again (or null). */
    static void report(FhirBundleReader in, JsonNode linkway, Bundle back) {
        NotCarried w = new NotCarried(in);
        w.collect(linkway);
        if (back != null) {
            for (Bundle.BundleEntryComponent e : back.getEntry()) {
                if (e.getResource() != null) {
                    w.pairs(e.getResource(), e.getResource().fhirType());
                }
            }
        }
        in.findings.forEach(f -> w.reported.add(f.pointer()));
        List<String[]> found = new ArrayList<>();
        for (int i = 0; i < in.bundle.getEntry().size(); i++) {
            Resource r = in.bundle.getEntry().get(i).getResource();
            if (r == null || !in.isUsed(r) || r instanceof MessageHeader) {
                continue;
            }
            w.walk(r, "Bundle.entry[" + i + "].resource", r.fhirType(), true, found);
        }
        for (String[] f : found) {
            in.add(
                    Rule.FHIR_NOT_CARRIED,
                    Severity.INFORMATION,
                    f[0],
                    "This " + f[1] + " has no home in the Linkway message; it was not carried over"
                            + (f[2] == null || f[2].isBlank() ? "." : " ('" + clip(f[2]) + "')."));
        }
    }

    private static String clip(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 80 ? t.substring(0, 80) + "..." : t;
    }

    private void collect(JsonNode n) {
        if (n == null) {
            return;
        }
        if (n.isString()) {
            values.add(n.stringValue());
            texts.add(n.stringValue());
        } else if (n.isNumber()) {
            values.add(Numbers.canonical(n.decimalValue()).toPlainString());
        } else if (n.isContainer()) {
            n.values().forEach(this::collect);
        }
    }

    /** Every (element path without indices, value) the binding writes for the message read. */
    private void pairs(Base node, String rel) {
        String v = text(node);
        if (v != null) {
            rewritten.add(rel + "=" + v);
        }
        for (Property p : node.children()) {
            for (Base child : p.getValues()) {
                if (child != null && !(child instanceof Resource)) {
                    pairs(child, rel + "." + name(p, child));
                }
            }
        }
    }

    /** Walks {@code node}; returns how many leaves it has, adding those not carried to {@code found}. */
    private int walk(Base node, String abs, String rel, boolean root, List<String[]> found) {
        if (isReported(abs) || in.isConsumed(abs)) {
            return 1;
        }
        Boolean leaf = leafCarried(node, rel);
        if (leaf != null) {
            if (!leaf) {
                found.add(new String[] {abs, rel.substring(rel.indexOf('.') + 1), describe(node)});
            }
            return 1;
        }
        int leaves = 0;
        int before = found.size();
        for (Property p : node.children()) {
            if (!p.hasValues()
                    || (root && ENVELOPE.contains(p.getName()))
                    || p.getName().equals("id")) {
                continue;
            }
            List<Base> vs = p.getValues();
            for (int j = 0; j < vs.size(); j++) {
                Base child = vs.get(j);
                if (child == null || child.isEmpty() || child instanceof Resource) {
                    continue;
                }
                if (child instanceof Narrative n && n.getStatus() == Narrative.NarrativeStatus.GENERATED) {
                    continue;
                }
                String n = name(p, child);
                String a = abs + "." + n + (p.getMaxCardinality() > 1 ? "[" + j + "]" : "");
                leaves += walk(child, a, rel + "." + n, false, found);
            }
        }
        int added = found.size() - before;
        if (!root && leaves >= 1 && added == leaves && added > 0) {
            // nothing of this element arrived: one finding for the element, not one per part
            List<String[]> mine = new ArrayList<>(found.subList(before, found.size()));
            found.subList(before, found.size()).clear();
            found.add(new String[] {abs, rel.substring(rel.indexOf('.') + 1), joined(mine)});
        }
        return Math.max(leaves, 1);
    }

    private static String joined(List<String[]> parts) {
        List<String> v = new ArrayList<>();
        for (String[] p : parts) {
            if (p[2] != null && !p[2].isBlank()) {
                v.add(p[2]);
            }
        }
        return String.join(", ", v);
    }

    private boolean isReported(String abs) {
        for (String r : reported) {
            // abs is r, or r followed by "." or "[" (checked without building strings: this runs per element)
            if (abs.startsWith(r)
                    && (abs.length() == r.length() || abs.charAt(r.length()) == '.' || abs.charAt(r.length()) == '[')) {
                return true;
            }
        }
        return false;
    }

    /** TRUE / FALSE for an element judged whole; null to look at its parts. */
    private Boolean leafCarried(Base node, String rel) {
        if (node instanceof Extension x) {
            if (in.isExtensionRead(x)) {
                return true;
            }
            return x.getValue() instanceof PrimitiveType<?> ? rewritten.contains(rel + "=" + text(node)) : null;
        }
        if (node instanceof Reference ref) {
            Resource target = in.lookup(ref);
            return target != null && in.isUsed(target)
                    || rewritten.contains(rel + "=" + text(node))
                    || (ref.hasDisplay() && inText(ref.getDisplay()))
                    || (ref.hasIdentifier()
                            && values.contains(ref.getIdentifier().getValue()));
        }
        if (node instanceof Coding c) {
            if (rewritten.contains(rel + "=" + text(node))) {
                return true;
            }
            return c.hasCode()
                    ? values.contains(c.getCode()) && (!c.hasSystem() || values.contains(c.getSystem()))
                    : c.hasDisplay() && inText(c.getDisplay());
        }
        if (node instanceof Identifier id) {
            return rewritten.contains(rel + "=" + text(node)) || (id.hasValue() && values.contains(id.getValue()));
        }
        if (node instanceof Narrative n) {
            String t = text(n);
            return t == null || rewritten.contains(rel + "=" + t) || inText(t);
        }
        if (node instanceof HumanName h && inText(References.nameText(h))) {
            return true;
        }
        if (node instanceof PrimitiveType<?> p) {
            String v = text(p);
            if (v == null || rewritten.contains(rel + "=" + v) || values.contains(v)) {
                return true;
            }
            boolean free = p instanceof StringType || p instanceof org.hl7.fhir.r4.model.BaseDateTimeType;
            return free && !(p instanceof Enumeration<?>) && v.length() >= 4 && inText(v);
        }
        return null;
    }

    private boolean inText(String v) {
        if (v == null) {
            return false;
        }
        if (values.contains(v)) {
            return true;
        }
        for (String t : texts) {
            if (t.contains(v)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Base node) {
        String t = text(node);
        return t == null ? "" : t;
    }

    /** The comparable text of a value, or null for an element made of parts. */
    static String text(Base node) {
        if (node instanceof DecimalType d) {
            return d.getValue() == null ? null : Numbers.canonical(d.getValue()).toPlainString();
        }
        if (node instanceof PrimitiveType<?> p) {
            return p.getValueAsString();
        }
        if (node instanceof Coding c) {
            return c.getSystem() + "|" + c.getCode() + (c.hasCode() ? "" : "|" + c.getDisplay());
        }
        if (node instanceof Identifier id) {
            return id.getSystem() + "|" + id.getValue();
        }
        if (node instanceof Reference r) {
            return r.hasReference() ? r.getReference() : r.hasIdentifier() ? text(r.getIdentifier()) : r.getDisplay();
        }
        if (node instanceof Extension x && x.getValue() instanceof PrimitiveType<?> p) {
            return x.getUrl() + "|" + p.getValueAsString();
        }
        if (node instanceof Narrative n && n.hasDiv()) {
            String t = n.getDiv().allText();
            return t == null || t.isBlank() ? null : t.strip();
        }
        return null;
    }

    /** The JSON name of a property's value: {@code valueInteger} for a choice, else its name. */
    private static String name(Property p, Base value) {
        String n = p.getName();
        if (n.endsWith("[x]")) {
            String t = value.fhirType();
            return n.substring(0, n.length() - 3) + Character.toUpperCase(t.charAt(0)) + t.substring(1);
        }
        return n;
    }
}
