package org.linkway.validation.internal;

import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.linkway.model.MessageType;
import org.linkway.validation.Rule;

import com.networknt.schema.Error;

import tools.jackson.databind.JsonNode;

/** Turns one JSON Schema error into a Linkway finding. */
final class SchemaFindings {

    private SchemaFindings() { }

    static void add(MessageType type, Error e, Findings out) {
        String at = e.getInstanceLocation().toString();
        JsonNode value = e.getInstanceNode();
        JsonNode limit = e.getSchemaNode();
        switch (e.getKeyword()) {
            case "required": {
                String pointer = at + "/" + escape(e.getProperty());
                Rule rule = pointer.equals("/risks") ? Rule.RISKS_RECORDED : Rule.REQUIRED;
                out.add(rule, pointer, label(type, pointer) + " is mandatory"
                        + (rule == Rule.RISKS_RECORDED
                            ? "; if there are none, record a risks entry saying 'No known risks'" : "") + ".");
                break;
            }
            case "additionalProperties": {
                String pointer = at + "/" + escape(e.getProperty());
                out.add(Rule.UNKNOWN_PROPERTY, pointer, "'" + e.getProperty() + "' is not part of the "
                        + type.resourceType() + " schema and will be ignored, not stored: check its spelling, "
                        + "or whether it belongs to a newer schemaVersion.");
                break;
            }
            case "minProperties":
                out.add(Rule.CODED_TEXT_EMPTY, at, label(type, at) + " is empty: give a code, free text, or both.");
                break;
            case "type":
                out.add(Rule.TYPE, at, label(type, at) + " should be " + expected(limit) + " but is " + kind(value) + ".");
                break;
            case "maxLength":
                out.add(Rule.MAX_LENGTH, at, label(type, at) + " is " + length(value) + " characters long; the standard allows at most "
                        + limit.asInt() + ".");
                break;
            case "minLength":
                out.add(Rule.EMPTY_VALUE, at, label(type, at) + " is an empty string: leave the element out when there is no value.");
                break;
            case "const":
            case "enum":
                out.add(at.equals("/resourceType") ? Rule.MESSAGE_TYPE : Rule.VALUE_NOT_ALLOWED, at,
                        label(type, at) + " is " + brief(value) + "; allowed: " + allowed(limit) + ".");
                break;
            case "pattern":
            case "format":
                out.add(at.equals("/schemaVersion") ? Rule.SCHEMA_VERSION : Rule.FORMAT, at,
                        label(type, at) + " is " + brief(value) + ", which is not " + formatName(type, at, e) + ".");
                break;
            case "minimum":
            case "maximum":
            case "exclusiveMinimum":
            case "exclusiveMaximum":
                out.add(Rule.RANGE, at, label(type, at) + " is " + brief(value) + "; " + e.getKeyword() + " is " + limit.asString() + ".");
                break;
            case "minItems":
            case "maxItems":
                out.add(at.startsWith("/risks") ? Rule.RISKS_RECORDED : Rule.CARDINALITY, at,
                        label(type, at) + " has " + value.size() + " entries; " + e.getKeyword() + " is " + limit.asInt() + ".");
                break;
            default:
                out.add(Rule.SCHEMA_OTHER, at, label(type, at) + ": " + e.getMessage());
        }
    }

    /** Names the place the way a developer reading the standard would: PRSB element name, else the property. */
    static String label(MessageType type, String pointer) {
        ElementIndex.Place place = ElementIndex.get().at(type, ElementIndex.pattern(pointer));
        if (place != null && !place.prsbPath().isEmpty()) {
            String path = place.prsbPath();
            return "'" + path.substring(path.lastIndexOf(" / ") < 0 ? 0 : path.lastIndexOf(" / ") + 3) + "'";
        }
        if (pointer.isEmpty()) {
            return "the message";
        }
        return "'" + pointer.substring(pointer.lastIndexOf('/') + 1) + "'";
    }

    private static String formatName(MessageType type, String pointer, Error e) {
        ElementIndex.Place place = ElementIndex.get().at(type, ElementIndex.pattern(pointer));
        if (place != null && "DateOrDateTime".equals(place.definition())) {
            return "a date (yyyy-MM-dd) or a date-time with offset (yyyy-MM-ddThh:mm:ssZ)";
        }
        if (pointer.equals("/schemaVersion")) {
            return "a 1.x.y version this reader understands";
        }
        if ("format".equals(e.getKeyword())) {
            return "a valid " + e.getSchemaNode().asString();
        }
        String description = place == null ? "" : place.schema().path("description").asString("");
        return description.isEmpty() ? "in the form " + e.getSchemaNode().asString() : "in the form required (" + description + ")";
    }

    private static String expected(JsonNode limit) {
        if (limit.isArray()) {
            return StreamSupport.stream(limit.spliterator(), false).map(JsonNode::asString).collect(Collectors.joining(" or "));
        }
        String t = limit.asString();
        return ("object".equals(t) || "array".equals(t) || "integer".equals(t) ? "an " : "a ") + t;
    }

    private static String kind(JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isString()) {
            return "a string (" + brief(v) + ")";
        }
        if (v.isBoolean()) {
            return "a boolean (" + v + ")";
        }
        return "a number (" + v + ")";
    }

    private static int length(JsonNode v) {
        String s = v == null ? "" : v.asString("");
        return s.codePointCount(0, s.length());
    }

    /** Values are quoted short: a finding must not echo a 10 MB string back. */
    static String brief(JsonNode v) {
        if (v == null) {
            return "absent";
        }
        String s = v.isString() ? "'" + v.asString() + "'" : v.toString();
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private static String allowed(JsonNode limit) {
        if (limit == null) {
            return "see the schema";
        }
        if (!limit.isArray()) {
            return brief(limit);
        }
        return StreamSupport.stream(limit.spliterator(), false).map(SchemaFindings::brief).collect(Collectors.joining(", "));
    }

    static String escape(String property) {
        return property == null ? "" : property.replace("~", "~0").replace("/", "~1");
    }
}
