package org.linkway.fhir.internal;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.utilities.xhtml.NodeType;

/**
 * Text in FHIR: a CodeableConcept's words and the XHTML narratives of resources, escaped on the way
 * in and read back exactly when Linkway wrote them.
 */
final class Narratives {

    private Narratives() {}

    static String conceptText(CodeableConcept cc) {
        if (cc.hasText()) {
            return cc.getText();
        }
        return cc.hasCoding()
                ? (cc.getCodingFirstRep().hasDisplay()
                        ? cc.getCodingFirstRep().getDisplay()
                        : cc.getCodingFirstRep().getCode())
                : null;
    }

    /** A narrative holding exactly one text (no paragraph), so the text reads back unchanged. */
    static Narrative exactNarrative(String text) {
        Narrative n = new Narrative();
        n.setStatus(Narrative.NarrativeStatus.ADDITIONAL);
        n.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + escape(text) + "</div>");
        return n;
    }

    /** A narrative's text: exact for Linkway's own one-text narrative, trimmed for any other. */
    static String narrativeText(Narrative n) {
        if (n == null || n.getDiv() == null) {
            return null;
        }
        var div = n.getDiv();
        String all = div.allText();
        boolean exact =
                div.getChildNodes().size() == 1 && div.getChildNodes().get(0).getNodeType() == NodeType.Text;
        if (all == null) {
            return null;
        }
        return exact ? all : (all.isBlank() ? null : all.strip());
    }

    static Narrative narrative(String text) {
        Narrative n = new Narrative();
        n.setStatus(Narrative.NarrativeStatus.GENERATED);
        n.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>" + escape(text) + "</p></div>");
        return n;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
