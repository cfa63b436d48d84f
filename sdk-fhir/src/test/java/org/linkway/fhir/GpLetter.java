package org.linkway.fhir;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Narrative;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Test helpers that read a message back document the way a GP system shows it: section by section, as text. */
final class GpLetter {

    /** Message back property -> the Composition section code that tells it. */
    static final Map<String, String> SECTION_OF = Map.ofEntries(
            Map.entry("outcome", "outcome"),
            Map.entry("referralDetails", "referral-details"),
            Map.entry("risks", "risks"),
            Map.entry("safeguarding", "safeguarding"),
            Map.entry("consent", "consent"),
            Map.entry("assessments", "assessments"),
            Map.entry("contactsWithProfessionals", "contactsWithProfessionals"),
            Map.entry("clinicalSummary", "clinicalSummary"),
            Map.entry("signpostDetails", "signpostDetails"),
            Map.entry("planAndRequestedActions", "planAndRequestedActions"),
            Map.entry("careAndSupportPlan", "careAndSupportPlan"));

    private GpLetter() {}

    static Composition composition(Bundle b) {
        return (Composition) b.getEntryFirstRep().getResource();
    }

    static Composition.SectionComponent section(Bundle b, String code) {
        for (Composition.SectionComponent s : composition(b).getSection()) {
            if (s.getCode().getCodingFirstRep().getCode().equals(code)) {
                return s;
            }
        }
        return null;
    }

    /** The div as written, without its XHTML namespace declaration (the one URL a narrative must carry). */
    static String div(Narrative n) {
        return n.getDivAsString().replace(" xmlns=\"http://www.w3.org/1999/xhtml\"", "");
    }

    /** The narrative's text as a reader sees it: parsed as XML (so it must be well-formed), tags dropped. */
    static String read(Narrative n) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(n.getDivAsString())));
            if (!"http://www.w3.org/1999/xhtml".equals(doc.getDocumentElement().getNamespaceURI())
                    || !"div".equals(doc.getDocumentElement().getLocalName())) {
                throw new AssertionError("not an XHTML div: " + n.getDivAsString());
            }
            return doc.getDocumentElement().getTextContent();
        } catch (Exception e) {
            throw new AssertionError("narrative is not well-formed XHTML: " + n.getDivAsString(), e);
        }
    }

    /** The sections of a message back that have something to tell (a value somewhere inside). */
    static List<String> sectionsWithContent(ObjectNode mb) {
        List<String> codes = new ArrayList<>();
        for (var e : SECTION_OF.entrySet()) {
            if (hasContent(mb.get(e.getKey()))) {
                codes.add(e.getValue());
            }
        }
        return codes;
    }

    static boolean hasContent(JsonNode n) {
        if (n == null || n.isNull()) {
            return false;
        }
        if (n.isContainer()) {
            for (JsonNode v : n.values()) {
                if (hasContent(v)) {
                    return true;
                }
            }
            return false;
        }
        return !n.isString() || !n.stringValue().isBlank();
    }
}
