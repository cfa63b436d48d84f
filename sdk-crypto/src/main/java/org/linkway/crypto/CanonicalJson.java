package org.linkway.crypto;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.linkway.model.json.LinkwayJson;
import org.linkway.validation.Finding;
import org.linkway.validation.Severity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Canonicalization Scheme (RFC 8785): one exact byte sequence for any JSON text, so
 * two systems that hold the same message sign and verify the same bytes however they spaced,
 * ordered or escaped it. Members are sorted by their UTF-16 code units, strings are escaped
 * the way ECMAScript's {@code JSON.stringify} escapes them, and numbers are written the way
 * ECMAScript prints an IEEE 754 double.
 */
public final class CanonicalJson {

    /** Rule id for input that has no canonical form. */
    public static final String RULE = "LW-CANONICAL-JSON";

    private CanonicalJson() {}

    /** The outcome of canonicalising: the bytes, or findings saying why there are none. */
    public record Result(byte[] bytes, List<Finding> findings) {

        public Result {
            bytes = bytes == null ? null : bytes.clone();
            findings = List.copyOf(findings);
        }

        public boolean isOk() {
            return bytes != null && findings.isEmpty();
        }

        /** The canonical bytes (UTF-8); empty when there are none. */
        @Override
        public byte[] bytes() {
            return bytes == null ? new byte[0] : bytes.clone();
        }

        /** The canonical form as text; empty when there is none. */
        public String text() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }
    }

    /** Canonicalises JSON text; duplicate member names, non-finite numbers and lone surrogates are findings. */
    public static Result canonicalize(String json) {
        if (json == null) {
            return failure("", "there is no JSON text to canonicalise");
        }
        JsonNode tree;
        try {
            tree = LinkwayJson.mapper().readTree(json);
        } catch (JacksonException e) {
            return failure("", "not well-formed JSON (or a member name appears twice): " + e.getOriginalMessage());
        }
        return canonicalize(tree);
    }

    /** Canonicalises a parsed tree (not public: the API takes JSON text, so no Jackson type is part of it). */
    static Result canonicalize(JsonNode tree) {
        if (tree == null || tree.isMissingNode()) {
            return failure("", "there is no JSON value to canonicalise");
        }
        List<Finding> findings = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        write(tree, "", out, findings);
        return findings.isEmpty()
                ? new Result(out.toString().getBytes(StandardCharsets.UTF_8), List.of())
                : new Result(null, findings);
    }

    private static void write(JsonNode node, String pointer, StringBuilder out, List<Finding> findings) {
        if (node.isObject()) {
            // String.compareTo orders by UTF-16 code units, exactly as RFC 8785 section 3.2.3 sorts
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                String child = pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                string(e.getKey(), child, out, findings);
                out.append(':');
                write(e.getValue(), child, out, findings);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), pointer + "/" + i, out, findings);
            }
            out.append(']');
        } else if (node.isString()) {
            string(node.asString(), pointer, out, findings);
        } else if (node.isNumber()) {
            double d = node.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                findings.add(finding(
                        pointer, "the number is outside what an IEEE 754 double holds; JSON numbers must be finite"));
            } else {
                out.append(EcmaNumber.format(d));
            }
        } else if (node.isBoolean()) {
            out.append(node.booleanValue() ? "true" : "false");
        } else if (node.isNull()) {
            out.append("null");
        } else {
            findings.add(finding(pointer, "a " + node.getNodeType() + " value has no JSON form"));
        }
    }

    private static void string(String s, String pointer, StringBuilder out, List<Finding> findings) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c)
                            && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        findings.add(finding(
                                pointer,
                                "a string holds a lone UTF-16 surrogate (\\u" + String.format("%04x", (int) c)
                                        + "), which has no UTF-8 form"));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static Result failure(String pointer, String message) {
        return new Result(null, List.of(finding(pointer, message)));
    }

    private static Finding finding(String pointer, String message) {
        return new Finding(Severity.ERROR, RULE, pointer, "", message);
    }
}
