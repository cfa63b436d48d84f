package org.linkway.fhir.internal;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import tools.jackson.databind.node.ObjectNode;

/**
 * PRSB values that neither R4 nor UK Core has a place for, written to a Linkway extension a FHIR
 * reader can see rather than only inside linkway-data: the immigration status code on the Patient
 * and the GP opt out indicator on the GP practice's Organization. Read back from there first; what
 * the extension does not hold (the immigration status dates and comment) stays in the carrier.
 */
final class PrsbHomes {

    private PrsbHomes() {}

    static void writeImmigrationStatus(Patient p, LinkwayJsonSource immigration) {
        if (immigration != null) {
            FhirBundleWriter.ext(p, Extensions.IMMIGRATION_STATUS, PersonSection.codeType(immigration, "status"));
        }
    }

    static void readImmigrationStatus(Patient p, ObjectNode pd, FhirBundleReader in) {
        String status = in.extText(p.getExtension(), Extensions.IMMIGRATION_STATUS.url());
        if (status != null) {
            pd.putObject("immigrationStatus").put("status", status);
        }
    }

    static void writeGpOptOut(Organization org, LinkwayJsonSource optOut) {
        if (optOut != null && !optOut.view().isEmpty()) {
            Coding c = Codes.coding(optOut);
            FhirBundleWriter.ext(org, Extensions.GP_OPT_OUT_INDICATOR, new CodeableConcept().addCoding(c));
        }
    }

    static void readGpOptOut(Organization org, ObjectNode entry, FhirBundleReader in) {
        CodeableConcept cc = in.ext(org.getExtension(), Extensions.GP_OPT_OUT_INDICATOR.url(), CodeableConcept.class);
        if (cc != null && cc.hasCoding()) {
            entry.set(
                    "gpOptOutIndicator",
                    Codes.coding(cc.getCodingFirstRep(), in, in.path(org) + ".extension('gp-opt-out-indicator')"));
        }
    }
}
