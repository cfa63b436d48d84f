package org.linkway.validation.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.linkway.validation.internal.vocab.Binding;
import tools.jackson.core.JsonToken;

/**
 * One place in a message, compiled from the JSON Schemas: the constraints a value there must
 * meet, the PRSB element it holds, and the PRSB rules that apply to it. Built once per
 * message type by {@link SpecCompiler}; read by {@link StreamingValidator} while it parses.
 * Fields are package-private and final after compilation: this is the validator's hot path.
 */
final class Spec {

    enum Kind {
        OBJECT,
        ARRAY,
        STRING,
        INTEGER,
        NUMBER,
        BOOLEAN,
        ANY
    }

    /** PRSB rules hooked to a place. */
    enum Hook {
        NHS_NUMBER,
        GP_PRACTICE,
        POSTCODE,
        NOT_IN_FUTURE,
        DATE_OF_BIRTH,
        RECORDED_DATE,
        EMAIL,
        TELEPHONE,
        SNOMED_CODING,
        ODS_CODE,
        DATE_PAIR,
        CONSENT_TEXT,
        REFERRAL_DETAILS,
        REFERRAL_ENTRIES,
        CONSENT_NOT_SOUGHT,
        NEWER_MINOR,
        /** A Linkway hospital stay: readmission answers against their dates, a budget's cost against the budget. */
        HOSPITAL_STAY,
        /** A bare code from a code list, or a unit (schemas/vocabulary/bindings.json). */
        CODE_LIST
    }

    Kind kind = Kind.ANY;
    /** The PRSB element held here, or "". */
    String prsbPath = "";
    /** The nearest PRSB element at or above this place: what a finding here is about. */
    String nearestPrsbPath = "";
    /** The shared definition the value uses (e.g. CodedText, DateOrDateTime), or "". */
    String definition = "";

    String description = "";
    Spec parent;

    // object
    /** Property name to its index in {@link #names} and {@link #children}. */
    final Map<String, Integer> index = new HashMap<>();

    String[] names = new String[0];
    /** The property specs, in the same order as {@link #names}. */
    Spec[] children = new Spec[0];

    String[] required = new String[0];
    boolean closed;
    int minProperties = -1;

    // array
    Spec items;
    int minItems = -1;
    int maxItems = -1;

    // string
    int minLength = -1;
    int maxLength = -1;
    Pattern pattern;
    String patternSource;
    /** The pattern is DateOrDateTime's: use {@link DateShape} instead of the regular expression. */
    boolean fastDateShape;

    boolean formatDate;
    Set<String> allowed;
    String constant;
    /** Only minLength/maxLength apply and no rule reads the value: checked without building a String. */
    boolean lengthOnly;

    // number
    Double minimum;
    Double maximum;

    Set<Hook> hooks = Set.of();
    /** How the element's codes are checked (its list, system or value set), or null: read by CODE_LIST and SNOMED_CODING. */
    Binding binding;

    /** For DATE_PAIR: start and end member names. */
    String[][] datePairs = new String[0][];

    Spec child(String name) {
        Integer i = index.get(name);
        return i == null ? null : children[i];
    }

    /** The place a pointer pattern ({@code /a/* /b}) leads to, or null. */
    Spec at(String pointer) {
        if (pointer.isEmpty()) {
            return this;
        }
        Spec s = this;
        for (String segment : pointer.substring(1).split("/", -1)) {
            if (s == null) {
                return null;
            }
            s = s.kind == Kind.ARRAY
                    ? s.items
                    : s.child(segment.replace("~1", "/").replace("~0", "~"));
        }
        return s;
    }

    /** What a developer reading the standard calls this place: the PRSB element's name, else the property. */
    String label(String pointer) {
        if (!prsbPath.isEmpty()) {
            int cut = prsbPath.lastIndexOf(" / ");
            return "'" + (cut < 0 ? prsbPath : prsbPath.substring(cut + 3)) + "'";
        }
        return pointer.isEmpty() ? "the message" : "'" + pointer.substring(pointer.lastIndexOf('/') + 1) + "'";
    }

    /** A boolean or number of the type its member declares, captured as text for the object's rules (e.g. HOSPITAL_STAY). */
    static boolean typedScalar(JsonToken vt, Spec.Kind kind) {
        return switch (kind) {
            case BOOLEAN -> vt == JsonToken.VALUE_TRUE || vt == JsonToken.VALUE_FALSE;
            case NUMBER, INTEGER -> vt == JsonToken.VALUE_NUMBER_INT || vt == JsonToken.VALUE_NUMBER_FLOAT;
            default -> false;
        };
    }
}
