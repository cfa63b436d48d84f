package org.linkway.validation.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.linkway.model.MessageType;
import org.linkway.model.PartialDateTime;
import org.linkway.validation.Rule;
import org.linkway.validation.Severity;
import org.linkway.validation.checks.NhsNumber;
import org.linkway.validation.checks.OdsCode;
import org.linkway.validation.checks.SnomedConceptId;
import org.linkway.validation.checks.UkPostcode;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Checks a message against its compiled {@link Spec} while the parser reads it: the schema's
 * constraints and the PRSB rules in one pass, with no tree built. One instance per message.
 * Each place gets at most one structural finding for a wrong type, so a number where an
 * enumerated string belongs is one finding, not two.
 */
final class StreamingValidator {

    static final String SNOMED = "http://snomed.info/sct";
    /** Dates are judged in UK time: a referral made at 00:30 in London on the 1st is not in the future. */
    static final ZoneId UK = ZoneId.of("Europe/London");

    private final MessageType type;
    private final Findings out;
    private final Clock clock;
    private final LocalDate today;
    private final StringBuilder path = new StringBuilder(128);

    private boolean consentText;
    private boolean referralDetails;
    /** -1: no entries array seen; otherwise its size. */
    private int referralEntries = -1;

    private StreamingValidator(MessageType type, Findings out, Clock clock) {
        this.type = type;
        this.out = out;
        this.clock = clock;
        this.today = LocalDate.now(clock.withZone(UK));
    }

    /**
     * Validates a message of a known type. The parser is either on the root's opening brace, or
     * ({@code onResourceType}) on the value of its first member, resourceType, read to pick the type.
     */
    static void validate(MessageType type, JsonParser p, boolean onResourceType, Findings out, Clock clock) {
        StreamingValidator v = new StreamingValidator(type, out, clock);
        v.object(p, SpecCompiler.root(type), onResourceType ? "resourceType" : null);
        v.wholeMessage();
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
                    out.add(Rule.UNKNOWN_PROPERTY, Rule.UNKNOWN_PROPERTY.severity(), path.toString(), s.nearestPrsbPath,
                            "'" + name + "' is not part of the " + type.resourceType() + " schema and will be ignored, not stored: "
                                    + "check its spelling, or whether it belongs to a newer schemaVersion.");
                }
                p.skipChildren();
            } else {
                if (seen[idx]) {
                    // the parser does not look for duplicates (that costs a quarter of the parse);
                    // a repeated member means two values for one element: refuse the message
                    throw new DuplicateMember(name, p);
                }
                seen[idx] = true;
                if (captured != null && vt == JsonToken.VALUE_STRING) {
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
                add(risks ? Rule.RISKS_RECORDED : Rule.REQUIRED, pointer, child,
                        child.label(pointer) + " is mandatory"
                                + (risks ? "; if there are none, record a risks entry saying 'No known risks'" : "") + ".");
            }
        }
        if (s.minProperties > 0 && count < s.minProperties) {
            add(Rule.CODED_TEXT_EMPTY, path.toString(), s, s.label(path.toString()) + " is empty: give a code, free text, or both.");
        }
        if (captured != null) {
            objectRules(s, captured);
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
            add(RuleHooks.RISK_ENTRIES.equals(s.prsbPath) ? Rule.RISKS_RECORDED : Rule.CARDINALITY, pointer, s,
                    s.label(pointer) + " has " + size + " entries; " + (tooFew ? "minItems is " + s.minItems : "maxItems is " + s.maxItems) + ".");
        }
        if (s.hooks.contains(Spec.Hook.REFERRAL_ENTRIES)) {
            referralEntries = size;
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
            if (chars >= 2 * s.minLength && (s.maxLength < 0 || chars <= s.maxLength)) {
                return;
            }
        }
        String v = p.getString();
        boolean ok = true;
        if (s.constant != null && !s.constant.equals(v) || s.allowed != null && !s.allowed.contains(v)) {
            ok = false;
            String pointer = path.toString();
            add(pointer.equals("/resourceType") ? Rule.MESSAGE_TYPE : Rule.VALUE_NOT_ALLOWED, pointer, s,
                    s.label(pointer) + " is " + Text.brief(v) + "; allowed: "
                            + (s.constant != null ? Text.brief(s.constant) : String.join(", ", s.allowed.stream().map(Text::brief).toList())) + ".");
        }
        // a string has at least length/2 code points, so only short strings need counting
        if (s.minLength > 0 && v.length() < 2 * s.minLength && v.codePointCount(0, v.length()) < s.minLength) {
            ok = false;
            add(Rule.EMPTY_VALUE, path.toString(), s, s.label(path.toString())
                    + " is an empty string: leave the element out when there is no value.");
        }
        if (s.maxLength >= 0 && v.length() > s.maxLength && v.codePointCount(0, v.length()) > s.maxLength) {
            ok = false;
            add(Rule.MAX_LENGTH, path.toString(), s, s.label(path.toString()) + " is " + v.codePointCount(0, v.length())
                    + " characters long; the standard allows at most " + s.maxLength + ".");
        }
        if (s.pattern != null && !(s.fastDateShape ? DateShape.matches(v) : s.pattern.matcher(v).find())
                || s.formatDate && !isDate(v)) {
            ok = false;
            String pointer = path.toString();
            add(pointer.equals("/schemaVersion") ? Rule.SCHEMA_VERSION : Rule.FORMAT, pointer, s,
                    s.label(pointer) + " is " + Text.brief(v) + ", which is not " + formatName(s, pointer) + ".");
        }
        if (ok && !s.hooks.isEmpty()) {
            stringRules(s, v);
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
            add(Rule.RANGE, pointer, s, s.label(pointer) + " is " + p.getString() + "; "
                    + (low ? "minimum is " + Text.number(s.minimum) : "maximum is " + Text.number(s.maximum)) + ".");
        }
    }

    private void typeError(JsonParser p, JsonToken t, Spec s) {
        String pointer = path.toString();
        add(Rule.TYPE, pointer, s, s.label(pointer) + " should be " + expected(s.kind) + " but is " + actual(p, t) + ".");
        p.skipChildren();
    }

    private void stringRules(Spec s, String v) {
        for (Spec.Hook hook : s.hooks) {
            switch (hook) {
                case NHS_NUMBER:
                    NhsNumber.problem(v).ifPresent(m -> add(Rule.NHS_NUMBER, path.toString(), s, "NHS number: " + m));
                    break;
                case GP_PRACTICE:
                    OdsCode.gpPracticeProblem(v).ifPresent(m -> add(Rule.ODS_CODE, path.toString(), s, "GP practice code '" + v + "': " + m));
                    break;
                case POSTCODE:
                    UkPostcode.problem(v).ifPresent(m -> add(Rule.POSTCODE, path.toString(), s, "postcode '" + v + "': " + m));
                    break;
                case NOT_IN_FUTURE:
                    notInFuture(s, v);
                    break;
                case CONSENT_TEXT:
                    consentText = !v.isBlank();
                    break;
                case NEWER_MINOR:
                    newerMinor(v);
                    break;
                default:
                    break;
            }
        }
    }

    private void objectRules(Spec s, String[] captured) {
        for (Spec.Hook hook : s.hooks) {
            switch (hook) {
                case SNOMED_CODING: {
                    String system = member(s, captured, "system");
                    String code = member(s, captured, "code");
                    if (SNOMED.equals(system) && code != null) {
                        SnomedConceptId.problem(code).ifPresent(m ->
                                add(Rule.SNOMED_CONCEPT_ID, path + "/code", s, "SNOMED CT code '" + code + "': " + m));
                    }
                    break;
                }
                case ODS_CODE: {
                    String code = member(s, captured, "code");
                    if (code != null) {
                        OdsCode.organisationProblem(code).ifPresent(m -> add(Rule.ODS_CODE, path + "/code", s, "ODS code '" + code + "': " + m));
                    }
                    break;
                }
                case DATE_PAIR:
                    for (String[] pair : s.datePairs) {
                        PartialDateTime start = date(member(s, captured, pair[0]));
                        PartialDateTime end = date(member(s, captured, pair[1]));
                        if (start != null && end != null && end.compareTo(start) < 0) {
                            add(Rule.DATE_ORDER, path + "/" + pair[1], s.child(pair[1]), "'" + pair[1] + "' (" + end + ") is before '"
                                    + pair[0] + "' (" + start + ").");
                        }
                    }
                    break;
                case CONSENT_NOT_SOUGHT:
                    if ("not-sought".equals(member(s, captured, "decision"))) {
                        String reason = member(s, captured, "notSoughtReason");
                        if (reason == null || reason.isBlank()) {
                            add(Rule.CONSENT_RECORDED, path + "/notSoughtReason", s, "consent was not sought: record the reason why.");
                        }
                    }
                    break;
                case REFERRAL_DETAILS:
                    referralDetails = true;
                    break;
                default:
                    break;
            }
        }
    }

    private void wholeMessage() {
        if (type != MessageType.REFERRAL) {
            return;
        }
        Spec root = SpecCompiler.root(type);
        if (!consentText) {
            add(Rule.CONSENT_RECORDED, "/consent", root.child("consent"), "record the person's consent for information sharing in "
                    + "'Consent for information sharing', or the reason it was not sought.");
        }
        if (referralDetails && referralEntries <= 0) {
            add(Rule.REFERRAL_ENTRY, "/referralDetails/entries", root.child("referralDetails"), "the referral carries no referral details "
                    + "record entry: add one with the referrer's details, the service referred to and the reason.");
        }
    }

    /** Readers accept older minors silently; a newer minor may carry elements this reader ignores. */
    private void newerMinor(String version) {
        // the schema's pattern has already pinned the form 1.minor.patch with no leading zeros,
        // so comparing the minors by length, then by text, compares them as numbers
        String theirs = version.split("\\.")[1];
        String ours = MessageType.SCHEMA_VERSION.split("\\.")[1];
        if (theirs.length() > ours.length() || theirs.length() == ours.length() && theirs.compareTo(ours) > 0) {
            out.add(Rule.SCHEMA_VERSION, Severity.WARNING, path.toString(), "", "the message is schemaVersion " + version
                    + ", newer than this reader's " + MessageType.SCHEMA_VERSION + ": elements added since are reported as unknown and ignored.");
        }
    }

    private void notInFuture(Spec s, String v) {
        PartialDateTime d = date(v);
        if (d == null) {
            return;
        }
        boolean future = d.dateTime()
                .map(t -> t.toInstant().isAfter(clock.instant()))
                .orElseGet(() -> d.toLocalDate().isAfter(today));
        if (future) {
            add(Rule.DATE_IN_FUTURE, path.toString(), s, v + " is in the future (today is " + today + " in the UK).");
        }
    }

    private void add(Rule rule, String pointer, Spec at, String message) {
        out.add(rule, rule.severity(), pointer, at == null ? "" : at.nearestPrsbPath, message);
    }

    private static String member(Spec s, String[] captured, String name) {
        Integer idx = s.index.get(name);
        return idx == null ? null : captured[idx];
    }

    private static PartialDateTime date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return PartialDateTime.parse(value);
        } catch (IllegalArgumentException malformed) {
            return null; // the format is reported where the value is
        }
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
        return s.description.isEmpty() ? "in the form " + s.patternSource : "in the form required (" + s.description + ")";
    }

    private static String expected(Spec.Kind kind) {
        switch (kind) {
            case OBJECT: return "an object";
            case ARRAY: return "an array";
            case STRING: return "a string";
            case INTEGER: return "an integer";
            case NUMBER: return "a number";
            case BOOLEAN: return "true or false";
            default: return "a value";
        }
    }

    private static String actual(JsonParser p, JsonToken t) {
        switch (t) {
            case START_OBJECT: return "an object";
            case START_ARRAY: return "an array";
            case VALUE_STRING: return "a string (" + Text.brief(p.getString()) + ")";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: return "a number (" + Text.brief(p.getString()) + ")";
            case VALUE_TRUE:
            case VALUE_FALSE: return "a boolean (" + p.getString() + ")";
            case VALUE_NULL: return "null";
            default: return String.valueOf(t);
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
