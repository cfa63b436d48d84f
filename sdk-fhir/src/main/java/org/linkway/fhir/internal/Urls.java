package org.linkway.fhir.internal;

/** The canonical URLs and code systems the binding writes. */
public final class Urls {

    private Urls() {}

    /** Every Linkway FHIR artefact lives under this base. */
    public static final String BASE = "https://linkway.org/fhir";

    public static final String SD = BASE + "/StructureDefinition/";
    public static final String CS = BASE + "/CodeSystem/";

    /** The remainder of a Linkway object that no FHIR element holds, as compact Linkway JSON. */
    public static final String EXT_LINKWAY_DATA = SD + "linkway-data";
    /** NHS number verification status (NHS Data Dictionary code 01 to 08) on the NHS number identifier. */
    public static final String EXT_NHS_NUMBER_STATUS = SD + "nhs-number-verification-status";

    public static final String CS_REFERRAL_STATUS = CS + "referral-status";
    public static final String CS_ONWARD_STATUS = CS + "onward-referral-status";
    public static final String CS_RECORD_KIND = CS + "record-kind";
    public static final String CS_MESSAGE_EVENT = CS + "message-event";
    public static final String CS_MESSAGE_BACK_SECTION = CS + "message-back-section";

    public static final String ID_REFERRAL = BASE + "/Id/referral";
    public static final String ID_REFERRER_REFERRAL = BASE + "/Id/referrer-referral-id";
    public static final String ID_RECORD = BASE + "/Id/record";
    /** A registered charity number (VCSE providers with no ODS code). */
    public static final String ID_CHARITY = BASE + "/Id/charity-number";

    public static final String EXT_BIRTH_PLACE = "http://hl7.org/fhir/StructureDefinition/patient-birthPlace";
    public static final String EXT_RELIGION = "http://hl7.org/fhir/StructureDefinition/patient-religion";
    public static final String V3_MARITAL_STATUS = "http://terminology.hl7.org/CodeSystem/v3-MaritalStatus";
    public static final String ORGANIZATION_TYPE = "http://terminology.hl7.org/CodeSystem/organization-type";
    public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    public static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    public static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";
    public static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
    public static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    public static final String CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
    public static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    public static final String REFERRAL_TO_SP = "871731000000106";
    public static final String REFERRAL_TO_SP_DISPLAY = "Referral to social prescribing service";
    public static final String SP_DECLINED = "871711000000103";
    public static final String SP_DECLINED_DISPLAY = "Social prescribing declined";
}
