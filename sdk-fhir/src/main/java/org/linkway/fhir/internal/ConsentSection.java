package org.linkway.fhir.internal;

import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Patient;

/**
 * The PRSB consent section as a FHIR Consent; the consent as recorded travels byte for byte as its
 * source attachment.
 */
final class ConsentSection {

    private ConsentSection() {}

    // ---------------------------------------------------------------- consent

    static Consent consent(FhirBundleWriter out, LinkwayJsonSource consent, Patient patient) {
        Consent c = out.add(new Consent());
        c.setStatus(Consent.ConsentState.ACTIVE);
        c.setScope(Codes.marker(Urls.CONSENT_SCOPE, "patient-privacy", "Privacy Consent"));
        c.addCategory(Codes.marker(Urls.ACT_CODE, "INFA", "information access"));
        c.setPatient(out.ref(patient));
        c.setPolicyRule(Codes.marker(Urls.ACT_CODE, "OPTIN", "opt-in"));
        String text = consent.str("consentForInformationSharing");
        if (text != null) {
            c.setText(Narratives.narrative(text));
            // the consent as recorded is the source the Consent is based on: kept byte for byte
            c.setSource(new Attachment().setContentType(TEXT_PLAIN).setData(text.getBytes(StandardCharsets.UTF_8)));
        }
        FhirBundleWriter.remainder(c, consent);
        return c;
    }

    static final String TEXT_PLAIN = "text/plain;charset=utf-8";

    /** The consent as recorded: Linkway's text attachment, else another system's narrative. */
    static String consentText(Consent c) {
        if (c.hasSourceAttachment()
                && c.getSourceAttachment().hasData()
                && c.getSourceAttachment().getContentType() != null
                && c.getSourceAttachment().getContentType().startsWith("text/plain")) {
            return new String(c.getSourceAttachment().getData(), StandardCharsets.UTF_8);
        }
        if (c.hasText()) {
            String text = c.getText().getDiv().allText();
            return text == null || text.isBlank() ? null : text.strip();
        }
        return null;
    }
}
