package org.linkway.validation.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.linkway.model.MessageType;
import org.linkway.validation.Rule;
import org.linkway.validation.TerminologyService;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Checks a message against its compiled {@link Spec} while the parser reads it: the schema's
 * constraints and the PRSB rules in one pass, with no tree built. One instance per message.
 * Each place gets at most one structural finding for a wrong type, so a number where an
 * enumerated string belongs is one finding, not two. The PRSB rules on values (NHS numbers, codes,
 * dates, consent) are {@link PrsbRuleChecks}, called where the spec marks a hook.
 */
final class StreamingValidator {

    private final MessageType type;
    private final Findings out;
    private final StringBuilder path = new StringBuilder(128);
    private final PrsbRuleChecks prsbRules;

    private StreamingValidator(MessageType type, Spec root, Findings out, Clock clock, TerminologyService terminology) {
        this.type = type;
        this.out = out;
        this.prsbRules = new PrsbRuleChecks(type, root, out, clock, path, terminology);
    }

    /**
     * Validates a message of a known type. The parser is either on the root's opening brace, or
     * ({@code onResourceType}) on the value of its first member, resourceType, read to pick the type.
     */
    static void validate(
            MessageType type,
            JsonParser p,
            boolean onResourceType,
            Spec root,
            Findings out,
            Clock clock,
            TerminologyService terminology) {
        StreamingValidator v = new StreamingValidator(type, root, out, clock, terminology);
        v.object(p, root, onResourceType ? "resourceType" : null);
        v.prsbRules.wholeMessage();
        if (v.prsbRules.declaredNewerMinor() != null) {
            out.unknownMembersAreWarnings(v.prsbRules.declaredNewerMinor(), type.resourceType());
        }
    }

    private void value(JsonParser p, JsonToken t, Spec s) {
        switch (s.kind) {
            case OBJECT:
                if (t != JsonToken.START_OBJECT) {
                    typeError(p, t, s);
                } else {
                    object(p, s, null);
                }
                break;
            case ARRAY:
                array(p, t, s);
                break;
            case STRING:
                string(p, t, s);
                break;
            case INTEGER:
            case NUMBER:
                number(p, t, s);
                break;
            case BOOLEAN:
                if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
                    typeError(p, t, s);
                }
                break;
            default:
                p.skipChildren();
        }
    }

    /**
     * Reads an object's members. When {@code first} is given, the parser is on the value of that
     * member already (the root's resourceType, read to pick the schema).
     */
    private void object(JsonParser p, Spec s, String first) {
        int mark = path.length();
        boolean[] seen = new boolean[s.names.length];
        String[] captured = s.hooks.isEmpty() ? null : new String[s.names.length];
        int count = 0;
        String name = first;
        JsonToken vt = first == null ? null : p.currentToken();
        while (true) {
            if (name == null) {
                if (p.nextToken() != JsonToken.PROPERTY_NAME) {
                    break;
                }
                name = p.currentName();
                vt = p.nextToken();
            }
            count++;
            path.append('/');
            appendEscaped(name);
            Integer idx = s.index.get(name);
            if (idx == null) {
                if (s.closed) {
                    out.addUnknownMember(path.toString(), s.nearestPrsbPath, type.resourceType());
                }
                p.skipChildren();
            } else {
                if (seen[idx]) {
                    // the parser does not look for duplicates (that costs a quarter of the parse);
                    // a repeated member means two values for one element: refuse the message
                    throw new DuplicateMember(name, p);
                }
                seen[idx] = true;
                if (captured != null && (vt == JsonToken.VALUE_STRING || Spec.typedScalar(vt, s.children[idx].kind))) {
                    captured[idx] = p.getString();
                }
                value(p, vt, s.children[idx]);
            }
            path.setLength(mark);
            name = null;
        }
        for (String r : s.required) {
            int idx = s.index.get(r);
            if (!seen[idx]) {
                String pointer = path + "/" + r;
                Spec child = s.children[idx];
                boolean risks = RuleHooks.RISKS.equals(child.prsbPath);
                add(
                        risks ? Rule.RISKS_RECORDED : Rule.REQUIRED,
                        pointer,
                        child,
                        child.label(pointer) + " is mandatory"
                                + (risks ? "; if there are none, record a risks entry saying 'No known risks'" : "")
                                + ".");
            }
        }
        if (s.minProperties > 0 && count < s.minProperties) {
            add(
                    Rule.CODED_TEXT_EMPTY,
                    path.toString(),
                    s,
                    s.label(path.toString()) + " is empty: give a code, free text, or both.");
        }
        if (captured != null) {
            prsbRules.objectRules(s, captured);
        }
    }

    private void array(JsonParser p, JsonToken t, Spec s) {
        if (t != JsonToken.START_ARRAY) {
            typeError(p, t, s);
            return;
        }
        int mark = path.length();
        int size = 0;
        JsonToken it;
        while ((it = p.nextToken()) != JsonToken.END_ARRAY) {
            path.append('/').append(size);
            if (s.items == null) {
                p.skipChildren();
            } else {
                value(p, it, s.items);
            }
            path.setLength(mark);
            size++;
        }
        String pointer = path.toString();
        if (s.minItems >= 0 && size < s.minItems || s.maxItems >= 0 && size > s.maxItems) {
            boolean tooFew = s.minItems >= 0 && size < s.minItems;
            add(
                    RuleHooks.RISK_ENTRIES.equals(s.prsbPath) ? Rule.RISKS_RECORDED : Rule.CARDINALITY,
                    pointer,
                    s,
                    s.label(pointer) + " has " + size + " entries; "
                            + (tooFew ? "minItems is " + s.minItems : "maxItems is " + s.maxItems) + ".");
        }
        if (s.hooks.contains(Spec.Hook.REFERRAL_ENTRIES)) {
            prsbRules.referralEntries(size);
        }
    }

    private void string(JsonParser p, JsonToken t, Spec s) {
        if (t != JsonToken.VALUE_STRING) {
            typeError(p, t, s);
            return;
        }
        if (s.lengthOnly) {
            // most free text only has lengths to check: count chars in the parser's buffer
            // and build a String only when the count alone cannot decide
            int chars = p.getStringLength();
            if (chars >= 2 * s.minLength
                    && (s.maxLength < 0 || chars <= s.maxLength)
                    && !BlankText.startsBlank(p.getStringCharacters(), p.getStringOffset(), chars)) {
                return;
            }
        }
        String v = p.getString();
        boolean ok = true;
        if (s.constant != null && !s.constant.equals(v) || s.allowed != null && !s.allowed.contains(v)) {
            ok = false;
            String pointer = path.toString();
            add(
                    pointer.equals("/resourceType") ? Rule.MESSAGE_TYPE : Rule.VALUE_NOT_ALLOWED,
                    pointer,
                    s,
                    s.label(pointer) + " is " + Text.brief(v) + "; allowed: "
                            + (s.constant != null
                                    ? Text.brief(s.constant)
                                    : String.join(
                                            ", ",
                                            s.allowed.stream().map(Text::brief).toList()))
                            + ".");
        }
        // a string has at least length/2 code points, so only short strings need counting
        if (s.minLength > 0 && v.length() < 2 * s.minLength && v.codePointCount(0, v.length()) < s.minLength) {
            ok = false;
            add(
                    Rule.EMPTY_VALUE,
                    path.toString(),
                    s,
                    s.label(path.toString()) + " is an empty string: leave the element out when there is no value.");
        }
        if (s.maxLength >= 0 && v.length() > s.maxLength && v.codePointCount(0, v.length()) > s.maxLength) {
            ok = false;
            add(
                    Rule.MAX_LENGTH,
                    path.toString(),
                    s,
                    s.label(path.toString()) + " is " + v.codePointCount(0, v.length())
                            + " characters long; the standard allows at most " + s.maxLength + ".");
        }
        if (s.pattern != null
                        && !(s.fastDateShape
                                ? DateShape.matches(v)
                                : s.pattern.matcher(v).find())
                || s.formatDate && !isDate(v)) {
            ok = false;
            String pointer = path.toString();
            add(
                    pointer.equals("/schemaVersion") ? Rule.SCHEMA_VERSION : Rule.FORMAT,
                    pointer,
                    s,
                    s.label(pointer) + " is " + Text.brief(v) + ", which is not " + formatName(s, pointer) + ".");
        }
        if (ok
                && s.minLength > 0
                && s.pattern == null
                && s.allowed == null
                && s.constant == null
                && BlankText.isBlank(v)) {
            ok = false;
            add(
                    Rule.BLANK_TEXT,
                    path.toString(),
                    s,
                    s.label(path.toString()) + " is only spaces, which counts as empty: give the value, "
                            + "or leave the element out if it is optional.");
        }
        if (ok && !s.hooks.isEmpty()) {
            prsbRules.stringRules(s, v);
        }
    }

    private void number(JsonParser p, JsonToken t, Spec s) {
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            typeError(p, t, s);
            return;
        }
        if (s.kind == Spec.Kind.INTEGER && t == JsonToken.VALUE_NUMBER_FLOAT) {
            BigDecimal d = p.getDecimalValue();
            if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
                typeError(p, t, s);
                return;
            }
        }
        double d = p.getDoubleValue();
        if (s.minimum != null && d < s.minimum || s.maximum != null && d > s.maximum) {
            String pointer = path.toString();
            boolean low = s.minimum != null && d < s.minimum;
            add(
                    Rule.RANGE,
                    pointer,
                    s,
                    s.label(pointer) + " is " + p.getString() + "; "
                            + (low ? "minimum is " + Text.number(s.minimum) : "maximum is " + Text.number(s.maximum))
                            + ".");
        }
    }

    private void typeError(JsonParser p, JsonToken t, Spec s) {
        String pointer = path.toString();
        add(
                Rule.TYPE,
                pointer,
                s,
                s.label(pointer) + " should be " + expected(s.kind) + " but is " + actual(p, t) + ".");
        p.skipChildren();
    }

    private void add(Rule rule, String pointer, Spec at, String message) {
        out.add(rule, rule.severity(), pointer, at == null ? "" : at.nearestPrsbPath, message);
    }

    private static boolean isDate(String v) {
        try {
            LocalDate.parse(v);
            return v.length() == 10;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String formatName(Spec s, String pointer) {
        if ("DateOrDateTime".equals(s.definition)) {
            return "a date (yyyy-MM-dd) or a date-time with offset (yyyy-MM-ddThh:mm:ssZ)";
        }
        if (s.formatDate) {
            return "a date (yyyy-MM-dd)";
        }
        if (pointer.equals("/schemaVersion")) {
            return "a 1.x.y version this reader understands";
        }
        return s.description.isEmpty()
                ? "in the form " + s.patternSource
                : "in the form required (" + s.description + ")";
    }

    private static String expected(Spec.Kind kind) {
        switch (kind) {
            case OBJECT:
                return "an object";
            case ARRAY:
                return "an array";
            case STRING:
                return "a string";
            case INTEGER:
                return "an integer";
            case NUMBER:
                return "a number";
            case BOOLEAN:
                return "true or false";
            default:
                return "a value";
        }
    }

    private static String actual(JsonParser p, JsonToken t) {
        switch (t) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string (" + Text.brief(p.getString()) + ")";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number (" + Text.brief(p.getString()) + ")";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean (" + p.getString() + ")";
            case VALUE_NULL:
                return "null";
            default:
                return String.valueOf(t);
        }
    }

    /** A member given twice in one object; ends the run as malformed input. */
    static final class DuplicateMember extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String name;
        final long line;
        final long column;

        DuplicateMember(String name, JsonParser p) {
            super(null, null, false, false);
            this.name = name;
            this.line = p.currentLocation().getLineNr();
            this.column = p.currentLocation().getColumnNr();
        }
    }

    private void appendEscaped(String name) {
        if (name.indexOf('~') < 0 && name.indexOf('/') < 0) {
            path.append(name);
        } else {
            path.append(name.replace("~", "~0").replace("/", "~1"));
        }
    }
}
