package org.linkway.modelgen;

import java.util.ArrayList;
import java.util.List;

/** Schema descriptions as Javadoc: escaped so that doclint accepts them, wrapped to a readable width. */
final class Javadoc {

    private static final int WIDTH = 100;

    private Javadoc() {}

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("@", "&#64;")
                .replace("*/", "*&#47;")
                .replace("{", "&#123;")
                .replace("}", "&#125;");
    }

    /** A comment block at the given indent; paragraphs are already-escaped HTML-safe strings. */
    static String block(String indent, List<String> paragraphs) {
        List<String> lines = new ArrayList<>();
        boolean inTags = false;
        for (String paragraph : paragraphs) {
            if (paragraph == null || paragraph.isBlank()) {
                continue;
            }
            boolean tag = paragraph.startsWith("@");
            if (!lines.isEmpty() && !(tag && inTags)) {
                lines.add("");
                paragraph = tag ? paragraph : "<p>" + paragraph;
            }
            inTags = tag;
            lines.addAll(wrap(paragraph, WIDTH - indent.length() - 3));
        }
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(indent).append("/**\n");
        for (String line : lines) {
            out.append(indent).append(line.isEmpty() ? " *" : " * " + line).append('\n');
        }
        return out.append(indent).append(" */\n").toString();
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
