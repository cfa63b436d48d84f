package org.linkway.fhir.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Values as a letter writes them: "12 March 2026 at 10:30" (UK time), "Mrs Maureen Edith Ashdown",
 * a coded value by its words and never by its code system. Null in, null out, so callers can
 * leave out what a message does not say.
 */
final class Letter {

    /** A GP in England reads times on the clock on the wall. */
    static final ZoneId UK = ZoneId.of("Europe/London");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private Letter() {}

    /** An ISO date or date-time in words; a value that is neither is returned as written. */
    static String date(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        String v = iso.strip();
        try {
            if (v.matches("\\d{4}")) {
                return v;
            }
            if (v.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(v).format(MONTH);
            }
            if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(v).format(DAY);
            }
            if (v.length() > 10 && v.charAt(10) == 'T') {
                String s = Dates.withSeconds(v);
                LocalDateTime local = s.matches(".*(Z|[+-]\\d{2}:\\d{2})$")
                        ? OffsetDateTime.parse(s).atZoneSameInstant(UK).toLocalDateTime()
                        : LocalDateTime.parse(s);
                return local.format(DAY) + " at " + local.format(TIME);
            }
        } catch (DateTimeParseException e) {
            return v;
        }
        return v;
    }

    /** A date given as a JSON value. */
    static String date(JsonNode n) {
        return n != null && n.isString() ? date(n.stringValue()) : text(n);
    }

    /**
     * The words of any value: a string as it is; a coded value by its text, else its display, else
     * its code (never its system); a person or party by name; a list joined with commas.
     */
    static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isString()) {
            return n.stringValue().isBlank() ? null : n.stringValue().strip();
        }
        if (n.isNumber()) {
            return number(n.decimalValue());
        }
        if (n.isBoolean()) {
            return n.booleanValue() ? "yes" : "no";
        }
        if (n.isArray()) {
            List<String> parts = new ArrayList<>();
            n.values().forEach(v -> parts.add(text(v)));
            return join(", ", parts);
        }
        for (String words : List.of("text", "display", "fullName")) {
            String t = text(n.get(words));
            if (t != null) {
                return t;
            }
        }
        if (n.has("coding")) {
            return text(n.get("coding"));
        }
        if (n.has("firstNames") || n.has("familyNames")) {
            return personName(n);
        }
        if (n.has("name") || n.has("organisation")) {
            return party(n);
        }
        return text(n.get("code"));
    }

    /** A person's name as written on an envelope: title, first names, family names. */
    static String personName(JsonNode name) {
        if (name == null || !name.isObject()) {
            return text(name);
        }
        String full = text(name.get("fullName"));
        String built = join(
                " ",
                List.of(
                        Objects.toString(text(name.get("title")), ""),
                        Objects.toString(spaced(name.get("firstNames")), ""),
                        Objects.toString(spaced(name.get("familyNames")), "")));
        String main = built != null ? built : full;
        String preferred = text(name.get("preferredName"));
        return preferred != null && main != null
                ? main + " (known as " + preferred + ")"
                : main != null ? main : preferred;
    }

    /** A professional or service: name, team, service and organisation, as far as given. */
    static String party(JsonNode p) {
        if (p == null || !p.isObject()) {
            return text(p);
        }
        String about = join(
                ", ", List.of(Objects.toString(text(p.get("role")), ""), Objects.toString(text(p.get("grade")), "")));
        String who = text(p.get("name"));
        if (who != null && about != null) {
            who = who + " (" + about + ")";
        } else if (who == null) {
            who = about;
        }
        String specialty = text(p.get("specialty"));
        String org = organisation(p.get("organisation"));
        return join(
                ", ",
                List.of(
                        Objects.toString(who, ""),
                        Objects.toString(text(p.get("team")), ""),
                        specialty == null ? "" : "specialty " + specialty,
                        Objects.toString(text(p.get("service")), ""),
                        Objects.toString(org, "")));
    }

    /** An organisation: its name, with its ODS code when the name does not already show it. */
    static String organisation(JsonNode o) {
        if (o == null || !o.isObject()) {
            return text(o);
        }
        String name = text(o.get("text"));
        String code = text(o.get("code"));
        if (name == null) {
            return code == null ? null : "organisation " + code;
        }
        return code == null || name.contains(code) ? name : name + " (" + code + ")";
    }

    /** A number as people write it: 21, not 21.0. */
    static String number(BigDecimal d) {
        if (d == null) {
            return null;
        }
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    /** An NHS number in its usual 3-3-4 groups. */
    static String nhsNumber(String n) {
        return n != null && n.matches("\\d{10}")
                ? n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6)
                : n;
    }

    /** The non-empty parts joined; null when there are none. */
    static String join(String separator, List<String> parts) {
        List<String> some =
                parts.stream().filter(s -> s != null && !s.isBlank()).toList();
        return some.isEmpty() ? null : String.join(separator, some);
    }

    /** "a, b and c". */
    static String and(List<String> parts) {
        List<String> some =
                parts.stream().filter(s -> s != null && !s.isBlank()).toList();
        if (some.size() <= 1) {
            return some.isEmpty() ? null : some.get(0);
        }
        return String.join(", ", some.subList(0, some.size() - 1)) + " and " + some.get(some.size() - 1);
    }

    /** A sentence: first letter capitalised, a full stop at the end unless it has one. */
    static String sentence(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
        return t.matches("(?s).*[.!?]$") ? t : t + ".";
    }

    /** A property name in words: "dateOfBirth" -> "Date of birth". */
    static String label(String property) {
        String words = property.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.UK);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * Whatever a value holds, as "Label: value" lines, for parts of a message this class has no
     * special wording for; property names that hold dates get their dates in words.
     */
    static List<String> describe(JsonNode n) {
        List<String> lines = new ArrayList<>();
        if (n == null || !n.isObject()) {
            String t = text(n);
            if (t != null) {
                lines.add(t);
            }
            return lines;
        }
        for (var p : n.properties()) {
            JsonNode v = p.getValue();
            String value;
            if (p.getKey().toLowerCase(Locale.ROOT).contains("date") && v.isString()) {
                value = date(v.stringValue());
            } else if (v.isObject() && !v.has("text") && !v.has("display") && !v.has("coding") && !v.has("name")) {
                value = join("; ", describe(v));
            } else {
                value = text(v);
            }
            if (value != null) {
                lines.add(label(p.getKey()) + ": " + value);
            }
        }
        return lines;
    }

    private static String spaced(JsonNode names) {
        if (names == null || !names.isArray()) {
            return text(names);
        }
        List<String> parts = new ArrayList<>();
        names.values().forEach(v -> parts.add(text(v)));
        return join(" ", parts);
    }
}
