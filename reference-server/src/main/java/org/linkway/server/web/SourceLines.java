package org.linkway.server.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import org.linkway.server.http.Json;
import tools.jackson.databind.JsonNode;

/**
 * A JSON document laid out one member per line, remembering which lines each JSON pointer covers,
 * so a finding's pointer can be shown as the place in the message it is about. The layout is the
 * server's own (two-space indent), not the pasted text's: the pasted text may be one long line.
 */
final class SourceLines {

    /** The first and last line (counting from 1) a value takes. */
    record Span(int first, int last) {}

    private final List<String> lines = new ArrayList<>();
    private final Map<String, Span> spans = new HashMap<>();

    private SourceLines() {}

    static SourceLines of(JsonNode document) {
        SourceLines out = new SourceLines();
        out.value("", document, "", "", "");
        return out;
    }

    List<String> lines() {
        return lines;
    }

    /**
     * The lines a pointer covers; a pointer to something absent (a required member that is
     * missing, say) falls back to the nearest value that is there, its parent object.
     */
    Span spanOf(String pointer) {
        if (pointer == null || !(pointer.isEmpty() || pointer.startsWith("/"))) {
            return null;
        }
        String p = pointer;
        while (true) {
            Span span = spans.get(p);
            if (span != null || p.isEmpty()) {
                return span;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** The whole document as text, as laid out here. */
    String text() {
        return String.join("\n", lines) + "\n";
    }

    private void value(String pointer, JsonNode node, String indent, String prefix, String suffix) {
        int first = lines.size() + 1;
        if (node.isObject() && !node.isEmpty()) {
            lines.add(indent + prefix + "{");
            List<Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
            for (int i = 0; i < members.size(); i++) {
                Entry<String, JsonNode> m = members.get(i);
                value(
                        pointer + "/" + token(m.getKey()),
                        m.getValue(),
                        indent + "  ",
                        Json.write(m.getKey()) + ": ",
                        i < members.size() - 1 ? "," : "");
            }
            lines.add(indent + "}" + suffix);
        } else if (node.isArray() && !node.isEmpty()) {
            lines.add(indent + prefix + "[");
            for (int i = 0; i < node.size(); i++) {
                value(pointer + "/" + i, node.get(i), indent + "  ", "", i < node.size() - 1 ? "," : "");
            }
            lines.add(indent + "]" + suffix);
        } else {
            lines.add(indent + prefix + Json.write(node) + suffix);
        }
        spans.put(pointer, new Span(first, lines.size()));
    }

    /** A member name as a JSON pointer token (RFC 6901). */
    private static String token(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
