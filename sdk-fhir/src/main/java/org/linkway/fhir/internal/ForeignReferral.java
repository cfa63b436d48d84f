package org.linkway.fhir.internal;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.linkway.validation.Rule;
import org.linkway.validation.Severity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values other systems send in elements Linkway's own writer never uses, kept in the PRSB element
 * that can hold them rather than dropped: a referral's notes in the clinical summary, its coded
 * reasons as presenting complaints, what a Consent records (status, date, policy) in the consent
 * text. Each move is an information finding ({@link Rule#FHIR_KEPT_IN}) naming both places.
 */
final class ForeignReferral {

    private ForeignReferral() {}

    /** Coded reasons for the referral (SNOMED CT, say): PRSB codes them as presenting complaints. */
    static void reasonCodes(ServiceRequest sr, FhirBundleReader in, ArrayNode complaints) {
        String path = in.path(sr);
        for (int i = 0; i < sr.getReasonCode().size(); i++) {
            CodeableConcept cc = sr.getReasonCode().get(i);
            if (!cc.hasCoding()) {
                continue;
            }
            complaints.add(Codes.codedText(cc, in, path + ".reasonCode[" + i + "]"));
            kept(in, path + ".reasonCode[" + i + "]", "/presentingComplaintsOrIssues/presentingComplaints");
        }
    }

    /** The referral's notes: PRSB has no note on a referral, so they join the clinical summary. */
    static void notes(ServiceRequest sr, FhirBundleReader in, ObjectNode msg) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < sr.getNote().size(); i++) {
            Annotation n = sr.getNote().get(i);
            if (!n.hasText()) {
                continue;
            }
            String by = n.hasAuthorStringType()
                    ? n.getAuthorStringType().getValue()
                    : n.hasAuthorReference() && n.getAuthorReference().hasDisplay()
                            ? n.getAuthorReference().getDisplay()
                            : null;
            String when = n.hasTimeElement() ? n.getTimeElement().getValueAsString() : null;
            String about = by == null && when == null
                    ? ""
                    : " (" + (by == null ? "" : by) + (by != null && when != null ? ", " : "")
                            + (when == null ? "" : when) + ")";
            texts.add("Note on the referral" + about + ": " + n.getText());
            kept(in, in.path(sr) + ".note[" + i + "]", "/clinicalSummary/clinicalSummary");
        }
        if (texts.isEmpty()) {
            return;
        }
        ObjectNode summary = PersonRecords.section(msg, "clinicalSummary");
        JsonNode before = summary.get("clinicalSummary");
        String joined = String.join("\n", texts);
        summary.put(
                "clinicalSummary", before != null && before.isString() ? before.stringValue() + "\n" + joined : joined);
    }

    /**
     * PRSB's consent is one text. Linkway's own Consent carries it as its source attachment; a
     * Consent from another system gives its narrative, and what it records as data (its status,
     * when it was recorded, the policy) is said in words after it, so none of it is lost.
     */
    static String consentText(Consent c, FhirBundleReader in) {
        String text = ConsentSection.consentText(c);
        if (c.hasSourceAttachment() && text != null) {
            return text; // Linkway's own: exact, nothing added
        }
        String path = in.path(c);
        List<String> facts = new ArrayList<>();
        if (c.hasStatus() && c.getStatus() != Consent.ConsentState.ACTIVE) {
            facts.add("status " + c.getStatus().toCode() + " (" + c.getStatus().getDisplay() + ")");
            kept(in, path + ".status", "/consent/consentForInformationSharing");
        }
        if (c.hasDateTimeElement()) {
            facts.add("recorded " + c.getDateTimeElement().getValueAsString());
            kept(in, path + ".dateTime", "/consent/consentForInformationSharing");
        }
        if (c.hasPolicyRule() && !Codes.is(c.getPolicyRule(), Urls.ACT_CODE, "OPTIN")) {
            facts.add("policy " + Narratives.conceptText(c.getPolicyRule()));
            kept(in, path + ".policyRule", "/consent/consentForInformationSharing");
        }
        if (c.hasScope() && !Codes.is(c.getScope(), Urls.CONSENT_SCOPE, "patient-privacy")) {
            facts.add("scope " + Narratives.conceptText(c.getScope()));
            kept(in, path + ".scope", "/consent/consentForInformationSharing");
        }
        if (text == null) {
            if (c.getStatus() == Consent.ConsentState.ACTIVE) {
                facts.add(0, "consent to share information given (an active Consent in the sending system)");
            }
            return facts.isEmpty() ? null : capitalise(String.join("; ", facts)) + ".";
        }
        return facts.isEmpty() ? text : text + " (" + String.join("; ", facts) + ")";
    }

    /** PRSB's assessment entry has no date: another system's date of the assessment joins its comment. */
    static ObjectNode assessmentDate(Observation o, FhirBundleReader in, ObjectNode entry) {
        if (o.hasEffectiveDateTimeType()) {
            String when = "Assessed on " + o.getEffectiveDateTimeType().getValueAsString() + ".";
            JsonNode comment = entry.get("comment");
            entry.put("comment", comment != null && comment.isString() ? comment.stringValue() + " " + when : when);
            kept(in, in.path(o) + ".effectiveDateTime", "the assessment's comment");
        }
        return entry;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static void kept(FhirBundleReader in, String fhirPath, String linkwayPointer) {
        in.consumed(fhirPath);
        in.add(
                Rule.FHIR_KEPT_IN,
                Severity.INFORMATION,
                fhirPath,
                "PRSB has no element of its own for this; it was kept in " + linkwayPointer + ".");
    }
}
