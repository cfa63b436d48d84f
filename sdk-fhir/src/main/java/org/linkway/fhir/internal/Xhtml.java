package org.linkway.fhir.internal;

import java.util.List;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;

/**
 * A small builder for FHIR narrative: paragraphs and bulleted lists of escaped text, nothing
 * else, so every narrative is a valid XHTML div a GP system can show as it is.
 */
final class Xhtml {

    private final StringBuilder body = new StringBuilder();

    /** The same content built as nodes, used while every text in it is {@link Narratives#plain}. */
    private final XhtmlNode div = Narratives.div();

    private boolean direct = true;

    /** A paragraph; nothing when the text is empty. */
    Xhtml p(String text) {
        if (text != null && !text.isBlank()) {
            body.append("<p>").append(escape(text.strip())).append("</p>");
            node(div.addTag("p"), text.strip());
        }
        return this;
    }

    /** A paragraph with a bold lead-in ("Reason:"); nothing when the text is empty. */
    Xhtml p(String lead, String text) {
        if (text != null && !text.isBlank()) {
            body.append("<p><b>")
                    .append(escape(lead))
                    .append("</b> ")
                    .append(escape(text.strip()))
                    .append("</p>");
            XhtmlNode p = div.addTag("p");
            node(p.addTag("b"), lead);
            node(p, " " + text.strip());
        }
        return this;
    }

    /** A bulleted list; nothing when there are no items. */
    Xhtml list(List<String> items) {
        List<String> some =
                items.stream().filter(s -> s != null && !s.isBlank()).toList();
        if (!some.isEmpty()) {
            body.append("<ul>");
            some.forEach(s -> body.append("<li>").append(escape(s.strip())).append("</li>"));
            body.append("</ul>");
            XhtmlNode ul = div.addTag("ul");
            some.forEach(s -> node(ul.addTag("li"), s.strip()));
        }
        return this;
    }

    boolean isEmpty() {
        return body.length() == 0;
    }

    /** The generated narrative, or null when nothing was written (a section with nothing to say has none). */
    Narrative narrative() {
        if (isEmpty()) {
            return null;
        }
        Narrative n = new Narrative();
        n.setStatus(Narrative.NarrativeStatus.GENERATED);
        if (direct) {
            n.setDiv(div);
        } else {
            n.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + body + "</div>");
        }
        return n;
    }

    /** Adds {@code text} to {@code parent} as a node, or notes that the markup text must be parsed instead. */
    private void node(XhtmlNode parent, String text) {
        if (direct && Narratives.plain(text.strip())) {
            Narratives.text(parent, text);
        } else {
            direct = false;
        }
    }

    /** Text as XHTML character data: markup characters escaped, control characters XML forbids dropped. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        sb.appendCodePoint(c);
                    } else if (c == '\r') {
                        sb.append('\n');
                    }
                }
            }
        });
        return sb.toString();
    }
}
