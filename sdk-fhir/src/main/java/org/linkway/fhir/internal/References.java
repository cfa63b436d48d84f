package org.linkway.fhir.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * What a reader needs to take every legal R4 reference and name: logical references (an
 * identifier) matched to the resource in the Bundle that carries it, and names written as text
 * or in parts (family, given, prefix, suffix), as GP systems send them.
 */
final class References {

    private References() {}

    /** The key of an identifier for logical references: {@code system|value}. */
    static String key(Identifier id) {
        return (id.hasSystem() ? id.getSystem() : "") + "|" + (id.hasValue() ? id.getValue() : "");
    }

    /** Indexes the identifiers of the resources a logical reference may name. */
    static void indexIdentifiers(Resource r, Map<String, Resource> byIdentifier) {
        List<Identifier> ids = identifiers(r);
        for (Identifier id : ids) {
            if (id.hasValue()) {
                byIdentifier.putIfAbsent(key(id), r);
            }
        }
    }

    private static List<Identifier> identifiers(Resource r) {
        if (r instanceof Organization o) {
            return o.getIdentifier();
        }
        if (r instanceof Practitioner p) {
            return p.getIdentifier();
        }
        if (r instanceof PractitionerRole p) {
            return p.getIdentifier();
        }
        if (r instanceof Patient p) {
            return p.getIdentifier();
        }
        if (r instanceof RelatedPerson p) {
            return p.getIdentifier();
        }
        if (r instanceof org.hl7.fhir.r4.model.HealthcareService h) {
            return h.getIdentifier();
        }
        return List.of();
    }

    /** A name as one text: its text when given, else prefix, given names, family name and suffix in that order. */
    static String nameText(HumanName h) {
        if (h == null || h.isEmpty()) {
            return null;
        }
        if (h.hasText()) {
            return h.getText();
        }
        List<String> parts = new ArrayList<>();
        h.getPrefix().stream().map(StringType::getValue).forEach(parts::add);
        h.getGiven().stream().map(StringType::getValue).forEach(parts::add);
        if (h.hasFamily()) {
            parts.add(h.getFamily());
        }
        h.getSuffix().stream().map(StringType::getValue).forEach(parts::add);
        parts.removeIf(t -> t == null || t.isBlank());
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    /** The first usable name of a list: official first, then any. */
    static String nameText(List<HumanName> names) {
        for (HumanName h : names) {
            if (h.getUse() == HumanName.NameUse.OFFICIAL && nameText(h) != null) {
                return nameText(h);
            }
        }
        for (HumanName h : names) {
            if (nameText(h) != null) {
                return nameText(h);
            }
        }
        return null;
    }

    /** The type a reference names: its {@code type}, else the type in a relative or absolute reference. */
    static String typeOf(Reference ref) {
        if (ref.hasType()) {
            String t = ref.getType();
            return t.contains("/") ? t.substring(t.lastIndexOf('/') + 1) : t;
        }
        if (ref.hasReference()) {
            String[] parts = ref.getReference().split("/");
            if (parts.length >= 2) {
                return parts[parts.length - 2];
            }
        }
        return null;
    }

    /**
     * PRSB has address lines only: the street lines, then the town, district and county, as on an
     * envelope; an address given only as text is one line.
     */
    static List<String> addressLines(Address addr) {
        List<String> lines = new ArrayList<>();
        addr.getLine().forEach(l -> lines.add(l.getValue()));
        lines.add(addr.getCity());
        lines.add(addr.getDistrict());
        lines.add(addr.getState());
        lines.removeIf(l -> l == null || l.isBlank());
        if (lines.isEmpty() && addr.hasText()) {
            lines.add(addr.getText());
        }
        return lines;
    }

    /** An address as one line of text (for PRSB's free-text practice details). */
    static String addressText(Address a) {
        if (a.hasText()) {
            return a.getText();
        }
        List<String> parts = new ArrayList<>();
        a.getLine().forEach(l -> parts.add(l.getValue()));
        parts.add(a.getCity());
        parts.add(a.getDistrict());
        parts.add(a.getPostalCode());
        parts.removeIf(t -> t == null || t.isBlank());
        return parts.isEmpty() ? null : String.join(", ", parts);
    }
}
