package org.linkway.conformance.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the kit keeps of an exchange or a failure message, so that reports can be shared: no
 * personal data and no credentials. The rule (also in docs/CONFORMANCE.md):
 *
 * <ol>
 *   <li>the tokens of the run, and the values of {@code Authorization}, {@code Cookie} and
 *       {@code Set-Cookie} headers, are never written;
 *   <li>in a JSON body, a member named as a personal field of the PRSB standard or of FHIR (names,
 *       NHS number, date of birth, address lines, postcode, telephone, email, contact details,
 *       GP's name, relevant contacts) loses its whole value, and so does a {@code secret};
 *   <li>any other string with a space in it is free text of the person's record and is replaced,
 *       except in the members of a problem document ({@code type}, {@code title}, {@code detail},
 *       {@code message}), which say what was wrong;
 *   <li>anywhere (JSON or not, failure messages too): ten-digit NHS-number-like runs, UK
 *       postcodes, email addresses and UK telephone numbers are replaced;
 *   <li>a body is clipped at 8 KB after redaction, saying how much was left out.
 * </ol>
 */
public final class Redaction {

    /** What every redacted value becomes. */
    public static final String REDACTED = "[redacted]";
    /** Bodies longer than this (in characters, after redaction) are clipped. */
    public static final int CLIP = 8 * 1024;

    static final Set<String> PERSONAL = Set.of(
            // PRSB person demographics and contacts
            "nhsnumber",
            "fullname",
            "personfullname",
            "firstnames",
            "familynames",
            "preferredname",
            "name",
            "gpname",
            "dateofbirth",
            "address",
            "addressline1",
            "addressline2",
            "addressline3",
            "addressline4",
            "postcode",
            "contactdetails",
            "number",
            "email",
            "telephone",
            "phone",
            "othercontactinformation",
            "relevantcontacts",
            "otheridentifiers",
            "returnresponseto",
            "placeofbirth",
            // FHIR
            "given",
            "family",
            "prefix",
            "birthdate",
            "telecom",
            "line",
            "city",
            "district",
            "postalcode",
            "div",
            // never shown once written
            "secret");
    private static final Set<String> PROBLEM_TEXT = Set.of("type", "title", "detail", "message");
    private static final Set<String> SECRET_HEADERS =
            Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");

    private static final Pattern NHS = Pattern.compile("(?<![0-9A-Za-z])\\d{3}[ -]?\\d{3}[ -]?\\d{4}(?![0-9A-Za-z])");
    private static final Pattern POSTCODE =
            Pattern.compile("(?<![0-9A-Za-z])[A-Z]{1,2}\\d[A-Z\\d]?\\s*\\d[A-Z]{2}(?![0-9A-Za-z])");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern PHONE =
            Pattern.compile("(?<![0-9A-Za-z+])(?:\\+44\\s?|0)\\d{2,4}[ -]?\\d{3,4}[ -]?\\d{3,4}(?![0-9A-Za-z])");
    /** A JSON string member in text that is not (or no longer) parseable JSON, such as a failure message. */
    private static final Pattern MEMBER = Pattern.compile("\"([A-Za-z0-9_]+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** A member whose value is an array of strings, in text. */
    private static final Pattern STRING_ARRAY = Pattern.compile(
            "\"([A-Za-z0-9_]+)\"\\s*:\\s*\\[\\s*\"(?:[^\"\\\\]|\\\\.)*\"(?:\\s*,\\s*\"(?:[^\"\\\\]|\\\\.)*\")*\\s*\\]");

    private final List<String> secrets;

    /** A redaction that also removes each of {@code secrets} (the run's tokens) wherever it appears. */
    public Redaction(Set<String> secrets) {
        List<String> s = new ArrayList<>();
        for (String x : secrets) {
            if (x != null && !x.isEmpty()) {
                s.add(x);
            }
        }
        s.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(s);
    }

    /** Headers as kept: names in lower case, credentials replaced, values redacted as text. */
    public Map<String, List<String>> headers(Map<String, List<String>> headers) {
        Map<String, List<String>> kept = new TreeMap<>();
        headers.forEach((name, values) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.startsWith(":")) {
                return; // HTTP/2 pseudo-headers
            }
            kept.put(
                    n,
                    SECRET_HEADERS.contains(n)
                            ? values.stream().map(v -> REDACTED).toList()
                            : values.stream().map(this::secretsOut).toList());
        });
        return kept;
    }

    /** A body as kept: JSON redacted member by member, anything else as text; clipped at {@link #CLIP}. */
    public String body(String body) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        String redacted;
        String trimmed = body.strip();
        JsonNode tree = null;
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                tree = LinkwayJson.mapper().readTree(body);
            } catch (RuntimeException notJson) {
                tree = null;
            }
        }
        if (tree != null && (tree.isObject() || tree.isArray())) {
            redacted = LinkwayJson.mapper().writeValueAsString(json(tree, null));
        } else {
            redacted = text(body);
        }
        return clip(redacted);
    }

    /** Free text (a failure message, a body that is not JSON): patterns and JSON-looking members redacted. */
    public String text(String s) {
        if (s == null || s.isEmpty()) {
            return s == null ? "" : s;
        }
        Matcher arrays = STRING_ARRAY.matcher(secretsOut(s));
        StringBuilder a = new StringBuilder();
        while (arrays.find()) {
            String kept = PERSONAL.contains(arrays.group(1).toLowerCase(Locale.ROOT))
                    ? "\"" + arrays.group(1) + "\":[\"" + REDACTED + "\"]"
                    : arrays.group();
            arrays.appendReplacement(a, Matcher.quoteReplacement(kept));
        }
        arrays.appendTail(a);
        Matcher m = MEMBER.matcher(a.toString());
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String value = m.group(2);
            String kept = keepString(m.group(1), value) ? patterns(value) : REDACTED;
            m.appendReplacement(b, Matcher.quoteReplacement("\"" + m.group(1) + "\":\"" + kept + "\""));
        }
        m.appendTail(b);
        return patterns(b.toString());
    }

    static String clip(String s) {
        return s.length() <= CLIP
                ? s
                : s.substring(0, CLIP) + "\n[clipped: the first " + CLIP + " of " + s.length() + " characters shown]";
    }

    private JsonNode json(JsonNode node, String member) {
        if (node.isObject()) {
            ObjectNode copy = LinkwayJson.mapper().createObjectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                copy.set(
                        e.getKey(),
                        PERSONAL.contains(e.getKey().toLowerCase(Locale.ROOT))
                                ? F.stringNode(REDACTED)
                                : json(e.getValue(), e.getKey()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = LinkwayJson.mapper().createArrayNode();
            node.forEach(item -> copy.add(json(item, member)));
            return copy;
        }
        if (node.isString()) {
            String v = node.asString();
            return F.stringNode(member == null || keepString(member, v) ? patterns(secretsOut(v)) : REDACTED);
        }
        if (node.isNumber() && NHS.matcher(node.asString()).matches()) {
            return F.stringNode(REDACTED);
        }
        return node;
    }

    private static boolean keepString(String member, String value) {
        String m = member.toLowerCase(Locale.ROOT);
        if (PERSONAL.contains(m)) {
            return false;
        }
        return PROBLEM_TEXT.contains(m) || value.chars().noneMatch(Character::isWhitespace);
    }

    private String secretsOut(String s) {
        String out = s;
        for (String secret : secrets) {
            out = out.replace(secret, REDACTED);
        }
        return out;
    }

    private static String patterns(String s) {
        String out = NHS.matcher(s).replaceAll(REDACTED);
        out = EMAIL.matcher(out).replaceAll(REDACTED);
        out = PHONE.matcher(out).replaceAll(REDACTED);
        return POSTCODE.matcher(out).replaceAll(REDACTED);
    }
}
