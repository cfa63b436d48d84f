package org.linkway.validation;

import java.util.Optional;

/**
 * The catalogue of rules the validator applies. Ids are stable: a rule may be reworded, never
 * renumbered, so vendors can suppress, count and trace findings by id across releases.
 */
public enum Rule {

    // --- the input itself -------------------------------------------------------------------
    INPUT_UNREADABLE("LW-INPUT-UNREADABLE", Severity.ERROR, "The input could not be read."),
    INPUT_MALFORMED_JSON("LW-INPUT-MALFORMED-JSON", Severity.ERROR, "The input is not well-formed JSON."),
    INPUT_TOO_LARGE("LW-INPUT-TOO-LARGE", Severity.ERROR, "The message is larger than the validator accepts."),
    INPUT_TOO_DEEP(
            "LW-INPUT-TOO-DEEP",
            Severity.ERROR,
            "The message nests objects or arrays deeper than any PRSB message can."),
    INPUT_NOT_OBJECT("LW-INPUT-NOT-OBJECT", Severity.ERROR, "A message must be a JSON object."),
    MESSAGE_TYPE("LW-MESSAGE-TYPE", Severity.ERROR, "resourceType must name a Linkway message or resource."),
    SCHEMA_VERSION("LW-SCHEMA-VERSION", Severity.ERROR, "schemaVersion must be a version this reader understands."),

    // --- structure, from the JSON Schemas ----------------------------------------------------
    REQUIRED("LW-REQUIRED", Severity.ERROR, "A mandatory element is missing."),
    TYPE("LW-TYPE", Severity.ERROR, "A value has the wrong JSON type."),
    MAX_LENGTH("LW-MAX-LENGTH", Severity.ERROR, "A value is longer than the standard allows."),
    EMPTY_VALUE("LW-EMPTY-VALUE", Severity.ERROR, "A value is present but empty; leave the element out instead."),
    VALUE_NOT_ALLOWED("LW-VALUE-NOT-ALLOWED", Severity.ERROR, "A value is not one of those the element allows."),
    FORMAT("LW-FORMAT", Severity.ERROR, "A value is not in the format the element requires."),
    RANGE("LW-RANGE", Severity.ERROR, "A number is outside the range the element allows."),
    CARDINALITY("LW-CARDINALITY", Severity.ERROR, "An element occurs fewer or more times than the standard allows."),
    UNKNOWN_PROPERTY(
            "LW-UNKNOWN-PROPERTY",
            Severity.ERROR,
            "A property is not part of the schema version the message declares. An error when that is the reader's"
                    + " version or older; a warning (the property is ignored, not stored) only when the message"
                    + " declares a newer minor version."),
    CODED_TEXT_EMPTY("LW-CODED-TEXT-EMPTY", Severity.ERROR, "A coded element carries neither a code nor free text."),
    SCHEMA_OTHER("LW-SCHEMA", Severity.ERROR, "The message breaks a schema constraint."),

    // --- rules beyond the schema -------------------------------------------------------------
    NHS_NUMBER("LW-NHS-NUMBER", Severity.ERROR, "An NHS number must be 10 digits with a valid modulus 11 check digit."),
    ODS_CODE(
            "LW-ODS-CODE",
            Severity.ERROR,
            "An ODS code must have a form the Organisation Data Service issues: 3 or 5 letters and digits, or a GP practice's letter and five digits."),
    SNOMED_CONCEPT_ID(
            "LW-SNOMED-ID",
            Severity.ERROR,
            "A SNOMED CT concept id must be 6 to 18 digits with a concept partition and a valid Verhoeff check digit."),
    POSTCODE("LW-POSTCODE", Severity.ERROR, "A postcode must be a UK postcode."),
    DATE_IN_FUTURE("LW-DATE-FUTURE", Severity.ERROR, "A date that cannot be in the future is in the future."),
    DATE_ORDER("LW-DATE-ORDER", Severity.ERROR, "An end date is before its start date."),
    DATE_BEFORE_BIRTH(
            "LW-DATE-BEFORE-BIRTH",
            Severity.ERROR,
            "A date recorded about the person (a referral, a contact, an onset...) is before their date of birth."),
    BLANK_TEXT(
            "LW-BLANK-TEXT",
            Severity.ERROR,
            "Text made only of spaces counts as empty: give the value, or leave an optional element out."),
    EMAIL(
            "LW-EMAIL",
            Severity.ERROR,
            "An e-mail address needs a local part, one @ and a domain with a dot, and no spaces."),
    TELEPHONE(
            "LW-TELEPHONE",
            Severity.ERROR,
            "A telephone number is digits with spaces, hyphens or brackets: a UK number from 0 with 10 or 11"
                    + " digits, or an international one from + or 00 with 7 to 15."),
    RISKS_RECORDED(
            "LW-RISKS-RECORDED",
            Severity.ERROR,
            "PRSB makes risks mandatory: record each risk, or record that there are no known risks."),
    CONSENT_RECORDED(
            "LW-CONSENT-RECORDED",
            Severity.ERROR,
            "Record the consent for information sharing, or the reason it was not sought."),
    REFERRAL_ENTRY(
            "LW-REFERRAL-ENTRY",
            Severity.ERROR,
            "A referral must carry at least one referral details record entry with the referrer's details."),
    HOSPITAL_DISCHARGE(
            "LW-HOSPITAL-DISCHARGE",
            Severity.ERROR,
            "A hospital stay's readmission answer and date disagree (a yes needs its date, a date needs a yes, and"
                    + " the date falls within 2 weeks or 3 months of discharge), or a personal health budget's cost"
                    + " is given without the budget."),
    CODE_NOT_IN_LIST(
            "LW-CODE-LIST",
            Severity.ERROR,
            "A code is not in the code list, value set or reference set the element names (schemas/vocabulary)."),
    CODE_SYSTEM(
            "LW-CODE-SYSTEM",
            Severity.ERROR,
            "A coding's system is not the code system the element names, e.g. not exactly http://snomed.info/sct."),
    UCUM_UNIT("LW-UCUM", Severity.ERROR, "A unit of measure is not a valid UCUM unit."),
    CODE_UNCHECKED(
            "LW-CODE-UNCHECKED",
            Severity.INFORMATION,
            "A code's form was checked; whether it is in the element's value set needs a terminology server, which could not say."),

    // --- reading FHIR (org.linkway.fhir); the pointer of these findings is a FHIR path -----
    FHIR_MALFORMED(
            "LW-FHIR-MALFORMED", Severity.ERROR, "The input is not a FHIR R4 resource in JSON that HAPI can parse."),
    FHIR_STRUCTURE(
            "LW-FHIR-STRUCTURE",
            Severity.ERROR,
            "The Bundle does not have the shape this Linkway message needs (type, entries, required resources)."),
    FHIR_RESOURCE_TYPE(
            "LW-FHIR-RESOURCE-TYPE",
            Severity.ERROR,
            "A resource or reference is of a type the mapping does not accept here."),
    FHIR_REFERENCE("LW-FHIR-REFERENCE", Severity.ERROR, "A reference does not resolve to a resource in the Bundle."),
    FHIR_CODE_SYSTEM(
            "LW-FHIR-CODE-SYSTEM",
            Severity.WARNING,
            "A coding uses a code system the binding does not know; it is kept as given."),
    FHIR_EXTENSION(
            "LW-FHIR-EXTENSION",
            Severity.ERROR,
            "An extension is malformed or a modifier extension is not understood."),
    FHIR_UNMAPPED(
            "LW-FHIR-UNMAPPED",
            Severity.WARNING,
            "Content in the FHIR input has no place in the Linkway message and was not carried over."),
    FHIR_NO_NHS_NUMBER(
            "LW-FHIR-NO-NHS-NUMBER",
            Severity.INFORMATION,
            "The person has no NHS number; PRSB allows that, so match on the other demographics."),
    FHIR_PROFILE(
            "LW-FHIR-PROFILE", Severity.ERROR, "HAPI's FHIR instance validator reported an issue with the resource."),
    FHIR_NOT_CARRIED(
            "LW-FHIR-NOT-CARRIED",
            Severity.INFORMATION,
            "An element of the FHIR input has no home in the Linkway message and was not carried over; the finding names its FHIR path."),
    FHIR_KEPT_IN(
            "LW-FHIR-KEPT-IN",
            Severity.INFORMATION,
            "A FHIR element with no PRSB element of its own was kept in the nearest PRSB element, which the finding names."),

    // --- about the validation itself ---------------------------------------------------------
    TOO_MANY_FINDINGS(
            "LW-TOO-MANY-FINDINGS", Severity.WARNING, "More findings than the validator lists for one message."),
    INTERNAL_ERROR(
            "LW-INTERNAL", Severity.ERROR, "The validator failed on this input; please report it with the message.");

    private final String id;
    private final Severity severity;
    private final String summary;

    Rule(String id, Severity severity, String summary) {
        this.id = id;
        this.severity = severity;
        this.summary = summary;
    }

    /** The stable id, e.g. {@code LW-NHS-NUMBER}. */
    public String id() {
        return id;
    }

    /** How serious a breach is unless a finding says otherwise. */
    public Severity severity() {
        return severity;
    }

    /** One sentence on what the rule asks for. */
    public String summary() {
        return summary;
    }

    /** Looks a rule up by its id. */
    public static Optional<Rule> byId(String id) {
        for (Rule r : values()) {
            if (r.id.equals(id)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
