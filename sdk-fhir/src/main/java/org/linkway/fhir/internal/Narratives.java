package org.linkway.fhir.internal;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;

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
        if (plain(text)) {
            n.setDiv(text(div(), text));
        } else {
            n.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + escape(text) + "</div>");
        }
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
        if (plain(text)) {
            XhtmlNode div = div();
            text(div.addTag("p"), text);
            n.setDiv(div);
        } else {
            n.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>" + escape(text) + "</p></div>");
        }
        return n;
    }

    /**
     * An empty XHTML div, built as a node: parsing markup text costs HAPI a fresh parser with its
     * table of about 2,000 named entities each time, which was a large part of the binding's time.
     */
    static XhtmlNode div() {
        XhtmlNode div = new XhtmlNode(NodeType.Element, "div");
        div.setAttribute("xmlns", "http://www.w3.org/1999/xhtml");
        return div;
    }

    /** Appends a text node (when there is text) and returns {@code parent}. */
    static XhtmlNode text(XhtmlNode parent, String text) {
        if (!text.isEmpty()) {
            parent.addText(text);
        }
        return parent;
    }

    /**
     * Whether a text reads back from markup exactly as it is, so a text node built directly is the
     * node HAPI's parser would make: no control characters, no carriage return, no blank edges.
     * Other texts still go through the parser, which decides what they become.
     */
    static boolean plain(String s) {
        if (s.isEmpty() || Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1))) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
