package org.linkway.fhir.internal;

import java.util.List;
import java.util.Map;

/**
 * Linkway's narrow FHIR extensions: one per PRSB element that FHIR R4 and the core extensions
 * have no element for. This table is the source of truth: the StructureDefinitions in
 * schemas/fhir are generated from it, and the profile validator loads exactly these.
 */
public final class Extensions {

    /** One extension: its id (last part of the canonical URL), where it may appear and its value type. */
    public static final class Def {
        private final String id;
        private final String name;
        private final String title;
        private final String description;
        private final List<String> contexts;
        private final String valueType;

        Def(String id, String name, String title, String description, List<String> contexts, String valueType) {
            this.id = id;
            this.name = name;
            this.title = title;
            this.description = description;
            this.contexts = List.copyOf(contexts);
            this.valueType = valueType;
        }

        public String id() {
            return id;
        }

        public String name() {
            return name;
        }

        public String title() {
            return title;
        }

        public String description() {
            return description;
        }

        public List<String> contexts() {
            return contexts;
        }

        public String valueType() {
            return valueType;
        }

        public String url() {
            return Urls.SD + id;
        }

        /** The file name under schemas/fhir. */
        public String fileName() {
            return "StructureDefinition-" + id + ".json";
        }
    }

    public static final Def NHS_NUMBER_STATUS = new Def(
            "nhs-number-verification-status",
            "NhsNumberVerificationStatus",
            "NHS number verification status",
            "Retired: Linkway writes UK Core's Extension-UKCore-NHSNumberVerificationStatus instead and still reads this one. "
                    + "The NHS Data Dictionary NHS number status indicator (01 to 08) of the NHS number this identifier holds.",
            List.of("Identifier"),
            "code");
    public static final Def SEX = new Def(
            "sex",
            "PhenotypicSex",
            "Phenotypic sex",
            "The person's phenotypic sex as the NHS Data Dictionary codes it (PRSB Person demographics / Sex). FHIR R4's "
                    + "Patient.gender is administrative gender, which PRSB records separately.",
            List.of("Patient"),
            "code");
    public static final Def ETHNIC_CATEGORY = new Def(
            "ethnic-category",
            "EthnicCategory",
            "Ethnic category",
            "Retired: Linkway writes UK Core's Extension-UKCore-EthnicCategory instead and still reads this one. "
                    + "The person's ethnic category as an NHS Data Dictionary ETHNIC CATEGORY code (PRSB Person demographics / Ethnicity).",
            List.of("Patient"),
            "code");
    public static final Def PRONOUN = new Def(
            "pronoun",
            "Pronoun",
            "Pronoun",
            "The pronoun the person prefers, as they give it (PRSB Person demographics / Pronoun); FHIR R4 has no element for it.",
            List.of("Patient"),
            "string");
    public static final Def PREFERRED_CONTACT_METHOD = new Def(
            "preferred-contact-method",
            "PreferredContactMethod",
            "Preferred contact method",
            "Retired: Linkway writes UK Core's Extension-UKCore-ContactPreference (PreferredContactMethod) instead and still "
                    + "reads this one. How the person prefers to be contacted, as the PRSB one-character code (Person demographics / "
                    + "Person's contact details / Preferred contact method).",
            List.of("Patient"),
            "code");
    public static final Def IMMIGRATION_STATUS = new Def(
            "immigration-status",
            "ImmigrationStatus",
            "Immigration status",
            "The person's immigration status as the PRSB code 1 to 10 (Person demographics / Immigration status / "
                    + "Immigration status); neither FHIR R4 nor UK Core has an element or extension for it. Its start date, "
                    + "end date and comment stay in linkway-data.",
            List.of("Patient"),
            "code");
    public static final Def GP_OPT_OUT_INDICATOR = new Def(
            "gp-opt-out-indicator",
            "GpOptOutIndicator",
            "GP opt out indicator",
            "That the person has opted out of registering with an NHS GP, as the SNOMED CT finding PRSB lists (GP practice / "
                    + "GP practice record entry / GP opt out indicator), on the Organization of that GP practice record entry.",
            List.of("Organization"),
            "CodeableConcept");
    public static final Def REFERRAL_METHOD = new Def(
            "referral-method",
            "ReferralMethod",
            "Referral method",
            "How the referral was sent: fax, phone, secure-messaging, secure-email, letter, nhs-e-referral-service or "
                    + "self-referral (PRSB Referral details / Referral method).",
            List.of("ServiceRequest"),
            "code");
    public static final Def RETURN_RESPONSE_TO = new Def(
            "return-response-to",
            "ReturnResponseTo",
            "Return response to",
            "Who the response to this referral should go to, as free text (PRSB Referral details / Return response to).",
            List.of("ServiceRequest"),
            "string");
    public static final Def FLAG_COMMENT = new Def(
            "flag-comment",
            "FlagComment",
            "Flag comment",
            "A free-text comment or further detail on a flag (PRSB Risks / Comment, Safeguarding concerns / Comment, "
                    + "Reasonable adjustment additional detail); an R4 Flag has no note element.",
            List.of("Flag"),
            "string");
    public static final Def SAFEGUARDING_INDICATOR = new Def(
            "safeguarding-indicator",
            "SafeguardingIndicator",
            "Safeguarding indicator",
            "Whether there are safeguarding concerns (PRSB Safeguarding concerns / Safeguarding indicator). Flag.status "
                    + "says the same for readers that ignore extensions (inactive when false).",
            List.of("Flag"),
            "boolean");
    public static final Def REASONABLE_ADJUSTMENT_FLAG = new Def(
            "reasonable-adjustment-flag",
            "ReasonableAdjustmentFlag",
            "Reasonable adjustment flag",
            "Whether the person has a reasonable adjustment flag on their record (PRSB Reasonable adjustment flag). "
                    + "Flag.status says the same for readers that ignore extensions (inactive when false).",
            List.of("Flag"),
            "boolean");
    public static final Def SOCIAL_CARE_PACKAGE_NAME = new Def(
            "social-care-package-name",
            "SocialCarePackageName",
            "Social care package name",
            "The name of a social care package the person receives (PRSB Services and care / Social care package name).",
            List.of("EpisodeOfCare"),
            "string");
    public static final Def CARE_FUNDING_SOURCE = new Def(
            "care-funding-source",
            "CareFundingSource",
            "Care funding source",
            "Who funds the care (PRSB Services and care / Care funding source, free text; Care and support plan / Care "
                    + "funding source, coded or free text).",
            List.of("EpisodeOfCare", "CarePlan"),
            "CodeableConcept");
    public static final Def DATE_LAST_UPDATED = new Def(
            "date-last-updated",
            "DateLastUpdated",
            "Date last updated",
            "When a care and support plan, or one of its actions, was last updated by the people who agreed it (PRSB Date "
                    + "this plan was last updated, Actions and activities / Date last updated). Not meta.lastUpdated, which a server sets.",
            List.of("CarePlan", "CarePlan.activity"),
            "dateTime");
    public static final Def REVIEW_DATE = new Def(
            "review-date",
            "ReviewDate",
            "Review date",
            "When a care and support plan, or one of its actions, is to be reviewed (PRSB Planned review date, Actions and "
                    + "activities / Review date).",
            List.of("CarePlan", "CarePlan.activity"),
            "dateTime");
    public static final Def CONFIDENCE = new Def(
            "confidence",
            "Confidence",
            "Confidence",
            "How confident the person is that they can carry out an action, as the score PRSB records (Actions and activities / Confidence).",
            List.of("CarePlan.activity"),
            "decimal");
    public static final Def GOAL_IMPORTANCE_SCORE = new Def(
            "goal-importance-score",
            "GoalImportanceScore",
            "Goal importance score",
            "How important the goal is to the person, as the score PRSB records (Goals and hopes / Goal importance score); "
                    + "Goal.priority is a coded high/medium/low.",
            List.of("Goal"),
            "decimal");

    public static final Def CONSULTATION_METHOD = new Def(
            "consultation-method",
            "ConsultationMethod",
            "Consultation method",
            "How a contact with a professional took place, as the NHS Data Dictionary consultation mechanism code PRSB "
                    + "records (Contacts with professionals / Consultation method).",
            List.of("Encounter"),
            "code");
    public static final Def LOCATION_TYPE = new Def(
            "location-type",
            "LocationType",
            "Location type",
            "Where a contact with a professional took place, as the NHS Data Dictionary activity location type code PRSB "
                    + "records (Contacts with professionals / Location type).",
            List.of("Encounter"),
            "code");
    public static final Def OUTCOME_OF_CONTACT = new Def(
            "outcome-of-contact",
            "OutcomeOfContact",
            "Outcome of contact",
            "Retired: Linkway writes UK Core's Extension-UKCore-OutcomeOfAttendance instead and still reads this one. "
                    + "The outcome of a contact with a professional, as the code PRSB records (Contacts with professionals / Outcome "
                    + "of contact).",
            List.of("Encounter"),
            "code");

    public static final Def PLAN_AGREED = new Def(
            "plan-agreed",
            "PlanAgreed",
            "Plan agreed with the person",
            "Whether the care and support plan was discussed and agreed with the person or their legitimate representative "
                    + "(PRSB Agreed with person or legitimate representative / Person or legitimate representative).",
            List.of("CarePlan"),
            "boolean");
    public static final Def ATTENDANCE = new Def(
            "attendance",
            "Attendance",
            "Attendance",
            "Whether the person took part in the community service a provider reports on: attended, did-not-attend or "
                    + "partially-attended (Linkway onward referral feedback).",
            List.of("Communication"),
            "code");

    // --- the hospital stay, a Linkway extension record (issue 25): only what Encounter has no element for ---
    public static final Def HOSPITAL_SERVICE_OUTCOME = stay(
            "hospital-service-outcome",
            "HospitalServiceOutcome",
            "Outcome for the service",
            "What social prescribing achieved for the hospital: discharge, admission-avoidance or other.",
            "code");
    public static final Def PLANNED_DISCHARGE_DATE = stay(
            "planned-discharge-date",
            "PlannedDischargeDate",
            "Planned discharge date",
            "The day the ward expected to discharge the person before the service acted (R4 Encounter has no planned end).",
            "date");
    public static final Def HOSPITAL_BED_DAYS_SAVED = stay(
            "hospital-bed-days-saved",
            "HospitalBedDaysSaved",
            "Hospital bed days saved",
            "Hospital bed days the social prescriber judged saved.",
            "integer");
    public static final Def OTHER_CARE_BED_DAYS_SAVED = stay(
            "other-care-bed-days-saved",
            "OtherCareBedDaysSaved",
            "Other care setting bed days saved",
            "Bed days saved in other care settings, as judged by the social prescriber.",
            "integer");
    public static final Def PERSONAL_HEALTH_BUDGET = stay(
            "one-off-personal-health-budget",
            "OneOffPersonalHealthBudget",
            "One-off personal health budget given",
            "Whether a one-off personal health budget was given.",
            "boolean");
    public static final Def PERSONAL_HEALTH_BUDGET_COST = stay(
            "personal-health-budget-cost",
            "PersonalHealthBudgetCost",
            "Personal health budget cost",
            "What the one-off personal health budget cost, in pounds sterling (GBP).",
            "Money");
    public static final Def READMISSION_2_WEEKS = stay(
            "readmission-within-2-weeks",
            "ReadmissionWithin2Weeks",
            "Readmission within 2 weeks",
            "Whether the person was readmitted within 2 weeks of leaving the service: yes, no, died or declined-conveyance.",
            "code");
    public static final Def READMISSION_2_WEEKS_DATE = stay(
            "readmission-within-2-weeks-date",
            "ReadmissionWithin2WeeksDate",
            "Readmission within 2 weeks: date",
            "The day of the readmission within 2 weeks.",
            "date");
    public static final Def READMISSION_3_MONTHS = stay(
            "readmission-within-3-months",
            "ReadmissionWithin3Months",
            "Readmission within 3 months",
            "Whether the person was readmitted within 3 months of leaving the service: yes, no, died or declined-conveyance.",
            "code");
    public static final Def READMISSION_3_MONTHS_DATE = stay(
            "readmission-within-3-months-date",
            "ReadmissionWithin3MonthsDate",
            "Readmission within 3 months: date",
            "The day of the readmission within 3 months.",
            "date");

    private static Def stay(String id, String name, String title, String description, String valueType) {
        return new Def(
                id,
                name,
                title,
                description + " A Linkway extension: PRSB has no hospital stay.",
                List.of("Encounter"),
                valueType);
    }

    /**
     * Linkway's extensions that UK Core has its own for: no longer written (UK Core's is), still read
     * and still loaded by the validator so older Bundles validate (docs/COMPATIBILITY.md).
     */
    public static final List<Def> RETIRED =
            List.of(NHS_NUMBER_STATUS, ETHNIC_CATEGORY, PREFERRED_CONTACT_METHOD, OUTCOME_OF_CONTACT);

    /** Every narrow extension, retired ones included, in the order the validator loads them. */
    public static final List<Def> ALL = List.of(
            NHS_NUMBER_STATUS,
            SEX,
            ETHNIC_CATEGORY,
            PRONOUN,
            PREFERRED_CONTACT_METHOD,
            IMMIGRATION_STATUS,
            GP_OPT_OUT_INDICATOR,
            REFERRAL_METHOD,
            RETURN_RESPONSE_TO,
            FLAG_COMMENT,
            SAFEGUARDING_INDICATOR,
            REASONABLE_ADJUSTMENT_FLAG,
            SOCIAL_CARE_PACKAGE_NAME,
            CARE_FUNDING_SOURCE,
            DATE_LAST_UPDATED,
            REVIEW_DATE,
            CONFIDENCE,
            GOAL_IMPORTANCE_SCORE,
            CONSULTATION_METHOD,
            LOCATION_TYPE,
            OUTCOME_OF_CONTACT,
            PLAN_AGREED,
            ATTENDANCE,
            HOSPITAL_SERVICE_OUTCOME,
            PLANNED_DISCHARGE_DATE,
            HOSPITAL_BED_DAYS_SAVED,
            OTHER_CARE_BED_DAYS_SAVED,
            PERSONAL_HEALTH_BUDGET,
            PERSONAL_HEALTH_BUDGET_COST,
            READMISSION_2_WEEKS,
            READMISSION_2_WEEKS_DATE,
            READMISSION_3_MONTHS,
            READMISSION_3_MONTHS_DATE);

    /** The record-kind codes the binding writes for PRSB records with no code of their own (code -> display). */
    public static Map<String, String> recordKindCodes() {
        return PersonRecords.codes();
    }

    private Extensions() {}
}
