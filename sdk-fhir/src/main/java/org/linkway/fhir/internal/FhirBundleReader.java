package org.linkway.fhir.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.linkway.model.json.LinkwayJson;
import org.linkway.validation.Finding;
import org.linkway.validation.Rule;
import org.linkway.validation.Severity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Bundle being read: resolves references, remembers which resources the mapping used (the
 * rest are reported, never silently dropped) and collects findings with FHIR paths.
 */
final class FhirBundleReader {

    final Bundle bundle;
    private final Map<String, Resource> byUrl = new HashMap<>();
    private final Map<String, Resource> byIdentifier = new HashMap<>();
    private final Map<Resource, String> containedPath = new IdentityHashMap<>();
    private final Map<Resource, Integer> index = new IdentityHashMap<>();
    private final Set<Resource> used = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Extensions a mapper read into a Linkway property: not reported as unknown. */
    private final Set<Extension> read = Collections.newSetFromMap(new IdentityHashMap<>());

    /** FHIR paths a mapper read or kept elsewhere, in ways {@link NotCarried} cannot see for itself. */
    private final Set<String> consumed = new java.util.HashSet<>();

    final List<Finding> findings = new ArrayList<>();

    FhirBundleReader(Bundle bundle) {
        this.bundle = bundle;
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Bundle.BundleEntryComponent e = bundle.getEntry().get(i);
            Resource r = e.getResource();
            if (r == null) {
                error(Rule.FHIR_STRUCTURE, "Bundle.entry[" + i + "]", "The entry has no resource.");
                continue;
            }
            index.put(r, i);
            if (e.hasFullUrl()) {
                byUrl.putIfAbsent(e.getFullUrl(), r);
            }
            if (r.hasIdElement() && r.getIdElement().hasIdPart()) {
                byUrl.putIfAbsent(r.fhirType() + "/" + r.getIdElement().getIdPart(), r);
            }
            References.indexIdentifiers(r, byIdentifier);
            if (r instanceof DomainResource d) {
                for (int j = 0; j < d.getContained().size(); j++) {
                    Resource c = d.getContained().get(j);
                    containedPath.put(c, "Bundle.entry[" + i + "].resource.contained[" + j + "]");
                    String id = c.getIdElement().getIdPart();
                    if (id != null) {
                        byUrl.putIfAbsent("#" + id.replaceFirst("^#", ""), c);
                    }
                    References.indexIdentifiers(c, byIdentifier);
                }
            }
        }
    }

    String path(Resource r) {
        Integer i = index.get(r);
        if (i == null) {
            String c = containedPath.get(r);
            return c == null ? r.fhirType() : c;
        }
        return "Bundle.entry[" + i + "].resource";
    }

    <T extends Resource> List<T> all(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            if (type.isInstance(e.getResource())) {
                out.add(type.cast(e.getResource()));
            }
        }
        return out;
    }

    void consumed(String path) {
        consumed.add(path);
    }

    boolean isConsumed(String path) {
        return consumed.contains(path);
    }

    boolean isExtensionRead(Extension x) {
        return read.contains(x);
    }

    void use(Resource r) {
        used.add(r);
    }

    boolean isUsed(Resource r) {
        return used.contains(r);
    }

    /**
     * Resolves a reference inside the Bundle: literal (full URL, relative, absolute, contained) or
     * logical (an identifier a resource in the Bundle carries). A literal reference that does not
     * resolve, or one to the wrong type, is a finding; a reference by display or by an identifier
     * of something outside the Bundle is legal R4 and gives null with no finding, for the caller
     * to read what the reference itself says ({@link References}).
     */
    <T extends Resource> T resolve(Reference ref, Class<T> type, String path) {
        Resource r = resolveAny(ref, path);
        if (r == null) {
            return null;
        }
        if (!type.isInstance(r)) {
            error(
                    Rule.FHIR_RESOURCE_TYPE,
                    path,
                    "The reference points to a " + r.fhirType() + "; a " + type.getSimpleName() + " is expected here.");
            return null;
        }
        return type.cast(r);
    }

    /** Resolves a reference that may point to any of several types, or null (with a finding when it is broken). */
    Resource resolveAny(Reference ref, String path) {
        if (ref == null) {
            return null;
        }
        Resource r = lookup(ref);
        if (r == null) {
            if (ref.hasReference()) {
                error(
                        Rule.FHIR_REFERENCE,
                        path,
                        "The reference '" + ref.getReference() + "' does not resolve to a resource in the Bundle.");
            } else if (!ref.hasDisplay() && !ref.hasIdentifier()) {
                error(Rule.FHIR_REFERENCE, path, "The reference names nothing: no reference, identifier or display.");
            }
            return null;
        }
        used.add(r);
        return r;
    }

    Resource lookup(Reference ref) {
        if (ref == null) {
            return null;
        }
        if (!ref.hasReference()) {
            return ref.hasIdentifier() ? byIdentifier.get(References.key(ref.getIdentifier())) : null;
        }
        String s = ref.getReference();
        Resource r = byUrl.get(s);
        if (r == null && !s.startsWith("#")) {
            String[] parts = s.split("/");
            if (parts.length >= 2) {
                r = byUrl.get(parts[parts.length - 2] + "/" + parts[parts.length - 1]);
            }
            if (r == null && parts.length >= 4 && "_history".equals(parts[parts.length - 2])) {
                r = byUrl.get(parts[parts.length - 4] + "/" + parts[parts.length - 3]);
            }
        }
        return r;
    }

    boolean refersTo(Reference ref, Resource target) {
        return lookup(ref) == target;
    }

    /**
     * The value of the first extension with this URL and value type, marked as read; null when
     * there is none. One with another value type stays unread, so it is reported as unmapped.
     */
    <T extends Type> T ext(List<Extension> exts, String url, Class<T> type) {
        for (Extension x : exts) {
            if (url.equals(x.getUrl()) && !read.contains(x) && type.isInstance(x.getValue())) {
                read.add(x);
                return type.cast(x.getValue());
            }
        }
        return null;
    }

    /** Whether a mapper has already read this extension. */
    boolean wasRead(Extension x) {
        return read.contains(x);
    }

    /** Marks an extension (a complex one, read by its parts) as read. */
    void markRead(Extension x) {
        read.add(x);
    }

    /** A code or string extension value as text, or null. */
    String extText(List<Extension> exts, String url) {
        for (Extension x : exts) {
            if (url.equals(x.getUrl())
                    && !read.contains(x)
                    && (x.getValue() instanceof StringType || x.getValue() instanceof CodeType)
                    && ((PrimitiveType<?>) x.getValue()).hasValue()) {
                read.add(x);
                return ((PrimitiveType<?>) x.getValue()).getValueAsString();
            }
        }
        return null;
    }

    /** A boolean extension value, or null. */
    Boolean extBool(List<Extension> exts, String url) {
        var b = ext(exts, url, BooleanType.class);
        return b != null && b.hasValue() ? b.getValue() : null;
    }

    /**
     * The Linkway remainder a resource carries. Extensions the binding does not know are reported
     * as warnings: a Linkway message has nowhere to keep them.
     */
    ObjectNode remainder(DomainResource r) {
        ObjectNode rest = remainder(r.getExtension(), path(r));
        if (r.hasModifierExtension()) {
            error(
                    Rule.FHIR_EXTENSION,
                    path(r) + ".modifierExtension[0]",
                    "The resource has a modifier extension ('"
                            + r.getModifierExtension().get(0).getUrl()
                            + "') this reader does not understand, so it cannot safely be read.");
        }
        return rest;
    }

    ObjectNode remainder(List<Extension> exts, String path) {
        ObjectNode rest = null;
        for (int i = 0; i < exts.size(); i++) {
            Extension x = exts.get(i);
            String p = path + ".extension[" + i + "]";
            if (read.contains(x)) {
                continue;
            }
            read.add(x); // carried here, or reported below: either way not silently dropped
            if (Urls.EXT_LINKWAY_DATA.equals(x.getUrl()) && x.getValue() instanceof StringType s) {
                try {
                    JsonNode n = LinkwayJson.mapper().readTree(s.getValue());
                    if (n instanceof ObjectNode o) {
                        rest = rest == null ? o : LinkwayJsonBuilder.merge(rest, o);
                        continue;
                    }
                } catch (RuntimeException e) {
                    // reported below
                }
                error(Rule.FHIR_EXTENSION, p, "The linkway-data extension must hold a JSON object.");
            } else {
                unmapped(
                        p,
                        "The extension '" + x.getUrl()
                                + "' has no place in a Linkway message; it was not carried over.");
            }
        }
        return rest;
    }

    void unmapped(String path, String message) {
        add(Rule.FHIR_UNMAPPED, Severity.WARNING, path, message);
    }

    void error(Rule rule, String path, String message) {
        add(rule, Severity.ERROR, path, message);
    }

    void add(Rule rule, Severity severity, String path, String message) {
        findings.add(new Finding(severity, rule.id(), path, "", message));
    }

    /** Reports every resource in the Bundle the mapping did not use. */
    void reportUnused() {
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Resource r = bundle.getEntry().get(i).getResource();
            if (r != null && !used.contains(r)) {
                unmapped(
                        "Bundle.entry[" + i + "].resource",
                        "This " + r.fhirType() + " has no place in the Linkway message; it was not carried over.");
            }
        }
    }
}
