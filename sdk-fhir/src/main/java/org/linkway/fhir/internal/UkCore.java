package org.linkway.fhir.internal;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Resource;

/**
 * UK Core 2.0.1 as the binding writes it: the profile each resource claims in meta.profile, and
 * UK Core's extensions for the concepts UK Core has one for (written in place of Linkway's
 * retired narrow extensions, whose URLs the reader still accepts).
 */
public final class UkCore {

    public static final String SD = "https://fhir.hl7.org.uk/StructureDefinition/";
    public static final String CS = "https://fhir.hl7.org.uk/CodeSystem/";

    /** The UK Core profile of each resource type the binding writes that UK Core profiles. */
    public static final Map<String, String> PROFILES = Map.of(
            "Patient", SD + "UKCore-Patient",
            "Practitioner", SD + "UKCore-Practitioner",
            "PractitionerRole", SD + "UKCore-PractitionerRole",
            "Organization", SD + "UKCore-Organization",
            "ServiceRequest", SD + "UKCore-ServiceRequest",
            "Observation", SD + "UKCore-Observation",
            "Condition", SD + "UKCore-Condition",
            "Encounter", SD + "UKCore-Encounter",
            "Composition", SD + "UKCore-Composition",
            "RelatedPerson", SD + "UKCore-RelatedPerson");

    public static final String EXT_ETHNIC_CATEGORY = SD + "Extension-UKCore-EthnicCategory";
    public static final String EXT_NHS_NUMBER_VERIFICATION = SD + "Extension-UKCore-NHSNumberVerificationStatus";
    public static final String EXT_CONTACT_PREFERENCE = SD + "Extension-UKCore-ContactPreference";
    public static final String EXT_OUTCOME_OF_ATTENDANCE = SD + "Extension-UKCore-OutcomeOfAttendance";
    /** The sub-extension of ContactPreference holding the method. */
    public static final String CONTACT_METHOD = "PreferredContactMethod";

    public static final String CS_ETHNIC_CATEGORY = CS + "UKCore-EthnicCategoryEngland";
    public static final String CS_NHS_NUMBER_VERIFICATION = CS + "UKCore-NHSNumberVerificationStatusEngland";
    public static final String CS_PREFERRED_CONTACT_METHOD = CS + "UKCore-PreferredContactMethod";
    public static final String CS_OUTCOME_OF_ATTENDANCE = CS + "UKCore-OutcomeOfAttendanceEngland";

    /**
     * NHS Data Dictionary person stated gender codes and FHIR administrative gender, as UK Core
     * pairs them: 9 (indeterminate) is other, X (not known) is unknown.
     */
    static final Map<String, AdministrativeGender> GENDER = Map.of(
            "1", AdministrativeGender.MALE,
            "2", AdministrativeGender.FEMALE,
            "9", AdministrativeGender.OTHER,
            "X", AdministrativeGender.UNKNOWN);

    private UkCore() {}

    /** Claims the resource's UK Core profile, where UK Core has one for its type. */
    static void claim(Resource r) {
        String profile = PROFILES.get(r.fhirType());
        if (profile != null && !r.getMeta().hasProfile(profile)) {
            r.getMeta().addProfile(profile);
        }
    }

    /** A UK Core coded extension (null when there is no code). */
    static Extension coded(String url, String system, CodeType code) {
        if (code == null || !code.hasValue()) {
            return null;
        }
        return new Extension(url, new CodeableConcept().addCoding(new Coding(system, code.getValue(), null)));
    }

    /** UK Core's contact preference extension holding only the preferred contact method. */
    static Extension contactPreference(CodeType method) {
        Extension inner = coded(CONTACT_METHOD, CS_PREFERRED_CONTACT_METHOD, method);
        if (inner == null) {
            return null;
        }
        Extension outer = new Extension(EXT_CONTACT_PREFERENCE);
        outer.addExtension(inner);
        return outer;
    }

    /**
     * Reads a code from UK Core's coded extension (the first coding in the given system), or failing
     * that from Linkway's retired extension of the same meaning; null when neither is there.
     */
    static String readCode(FhirBundleReader in, List<Extension> exts, String url, String system, String legacyUrl) {
        CodeableConcept cc = in.ext(exts, url, CodeableConcept.class);
        if (cc != null) {
            for (Coding c : cc.getCoding()) {
                if (system.equals(c.getSystem()) && c.hasCode()) {
                    return c.getCode();
                }
            }
            // another system's code (UK Core also allows Wales's lists): the Linkway validator judges it
            return cc.hasCoding() && cc.getCodingFirstRep().hasCode()
                    ? cc.getCodingFirstRep().getCode()
                    : cc.getText();
        }
        return legacyUrl == null ? null : in.extText(exts, legacyUrl);
    }

    /** The preferred contact method from UK Core's contact preference, or from Linkway's retired extension. */
    static String readContactMethod(FhirBundleReader in, List<Extension> exts, String legacyUrl) {
        for (Extension x : exts) {
            if (EXT_CONTACT_PREFERENCE.equals(x.getUrl()) && !in.wasRead(x)) {
                Extension m = x.getExtensionByUrl(CONTACT_METHOD);
                if (m != null && m.getValue() instanceof CodeableConcept cc) {
                    for (Coding c : cc.getCoding()) {
                        if (CS_PREFERRED_CONTACT_METHOD.equals(c.getSystem()) && c.hasCode()) {
                            in.markRead(x);
                            return c.getCode();
                        }
                    }
                }
            }
        }
        return in.extText(exts, legacyUrl);
    }
}
