package org.linkway.validation.internal;

import java.util.Map;
import java.util.Set;
import org.linkway.model.MessageType;
import org.linkway.validation.internal.vocab.Vocabulary;

/**
 * Where each PRSB rule applies, by PRSB element or shared definition, so a rule follows its
 * element into every message that carries it. Attached to the compiled {@link Spec} tree once.
 */
final class RuleHooks {

    static final String NHS_NUMBER = "Person demographics / NHS number";
    static final String GP_PRACTICE = "GP practice / GP practice record entry / GP practice identifier";
    static final String POSTCODE = "Person demographics / Person's address / Postcode";
    /** PRSB makes risks mandatory; a missing section or an empty list gets its own rule, not a generic one. */
    static final String RISKS = "Risks";

    static final String RISK_ENTRIES = "Risks / Risks record entry";

    /**
     * PRSB elements that record something that has already happened (its description says so in
     * the past tense). The rest may be in the future and are left out on purpose: planned dates
     * (action "When", review dates, expected delivery date), dates a status or a service starts
     * or ends (immigration status, services and care, an unborn child protection plan: a plan or
     * a package may start on discharge), and the start of a risk (a risk may be foreseen, e.g.
     * an eviction on a given day). docs/VALIDATOR-RULES.md lists the decision for every date.
     */
    static final Set<String> NEVER_FUTURE = Set.of(
            "Person demographics / Date of birth",
            "Referral details / Referral details record entry / Date",
            "Contacts with professionals / Contacts with professionals record entry / Date and time of contact",
            "Signpost details / Signpost details record entry / Date",
            "Safeguarding / Safeguarding concerns / Safeguarding concerns date",
            "Safeguarding / Safeguarding concerns / Safeguarding concerns end date",
            "Safeguarding / Looked after child / Looked after child start date",
            "Safeguarding / Looked after child / Looked after child end date",
            "Problem list / Problem list record entry / Onset date",
            "Problem list / Problem list record entry / End Date",
            "Social context / Smoking status / Date stopped smoking / Date",
            "Risks / Risks record entry / End date of risk",
            "Care and support plan / Needs, concerns or problems / Goals and hopes / Actions and activities / Date last updated",
            "Care and support plan / Date this plan was last updated");

    static final String DATE_OF_BIRTH = "Person demographics / Date of birth";
    /** Dates about the person that may come before their birth: a plan made for them while unborn. */
    static final Set<String> MAY_PRECEDE_BIRTH = Set.of(
            "Safeguarding / Unborn child protection plan / Unborn child protection plan start date",
            "Safeguarding / Unborn child protection plan / Unborn child protection plan end date");

    static final String EMAIL =
            "Person demographics / Person's contact details / Person's email address details / Person's email address";
    static final String TELEPHONE =
            "Person demographics / Person's contact details / Person's telephone number details / Person's telephone number";
    /** Linkway elements outside PRSB that record something that has already happened. */
    static final Map<MessageType, Set<String>> NEVER_FUTURE_LINKWAY = Map.of(
            MessageType.CONSENT, Set.of("/recordedAt"),
            MessageType.ASSESSMENT, Set.of("/administeredAt"),
            MessageType.MESSAGE_BACK, Set.of("/sentAt"),
            // a planned discharge may be ahead; an admission, a discharge or a readmission has happened
            MessageType.HOSPITAL_DISCHARGE,
                    Set.of(
                            "/hospitalStay/admissionDate",
                            "/hospitalStay/actualDischargeDate",
                            "/hospitalStay/readmissionWithin2WeeksDate",
                            "/hospitalStay/readmissionWithin3MonthsDate"));

    /** Start and end members of one record, by the record's definition (the root for Consent). */
    static final Map<String, String[][]> DATE_PAIRS = Map.of(
            "RisksRecordEntry", new String[][] {{"startDateOfRisk", "endDateOfRisk"}},
            "SafeguardingConcerns", new String[][] {{"safeguardingConcernsDate", "safeguardingConcernsEndDate"}},
            "LookedAfterChild", new String[][] {{"lookedAfterChildStartDate", "lookedAfterChildEndDate"}},
            "UnbornChildProtectionPlan",
                    new String[][] {{"unbornChildProtectionPlanStartDate", "unbornChildProtectionPlanEndDate"}},
            "ServicesAndCareRecordEntry", new String[][] {{"serviceStartDate", "serviceEndDate"}},
            "ImmigrationStatus", new String[][] {{"startDate", "endDate"}},
            "ProblemListRecordEntry", new String[][] {{"onsetDate", "endDate"}},
            "Consent", new String[][] {{"recordedAt", "expiresAt"}},
            "HospitalStay",
                    new String[][] {
                        {"admissionDate", "plannedDischargeDate"},
                        {"admissionDate", "actualDischargeDate"},
                        {"actualDischargeDate", "readmissionWithin2WeeksDate"},
                        {"actualDischargeDate", "readmissionWithin3MonthsDate"}
                    });

    private RuleHooks() {}

    static void attach(MessageType type, Spec root) {
        root.definition = type.resourceType();
        walk(type, root, "");
        hook(root.child("schemaVersion"), Spec.Hook.NEWER_MINOR);
        if (type == MessageType.REFERRAL) {
            hook(root.at("/consent/consentForInformationSharing"), Spec.Hook.CONSENT_TEXT);
            hook(root.at("/referralDetails"), Spec.Hook.REFERRAL_DETAILS);
            hook(root.at("/referralDetails/entries"), Spec.Hook.REFERRAL_ENTRIES);
        }
        if (type == MessageType.CONSENT) {
            hook(root, Spec.Hook.CONSENT_NOT_SOUGHT);
        }
        settle(root);
    }

    /** Once every rule is hooked: which strings need only their length checked. */
    private static void settle(Spec s) {
        s.lengthOnly = s.kind == Spec.Kind.STRING
                && s.hooks.isEmpty()
                && s.pattern == null
                && !s.formatDate
                && s.allowed == null
                && s.constant == null;
        for (Spec child : s.children) {
            settle(child);
        }
        if (s.items != null) {
            settle(s.items);
        }
    }

    private static void walk(MessageType type, Spec s, String pointer) {
        switch (s.prsbPath) {
            case NHS_NUMBER:
                s.hooks.add(Spec.Hook.NHS_NUMBER);
                break;
            case GP_PRACTICE:
                s.hooks.add(Spec.Hook.GP_PRACTICE);
                break;
            case POSTCODE:
                s.hooks.add(Spec.Hook.POSTCODE);
                break;
            case EMAIL:
                s.hooks.add(Spec.Hook.EMAIL);
                break;
            case TELEPHONE:
                s.hooks.add(Spec.Hook.TELEPHONE);
                break;
            default:
                break;
        }
        datesAboutThePerson(s);
        if (s.kind == Spec.Kind.STRING
                && (NEVER_FUTURE.contains(s.prsbPath)
                        || NEVER_FUTURE_LINKWAY.getOrDefault(type, Set.of()).contains(pointer))) {
            s.hooks.add(Spec.Hook.NOT_IN_FUTURE);
        }
        s.binding = Vocabulary.standard().binding(s.prsbPath);
        if (s.binding != null && s.kind == Spec.Kind.STRING) {
            s.hooks.add(Spec.Hook.CODE_LIST);
        }
        if ("Coding".equals(s.definition)) {
            s.hooks.add(Spec.Hook.SNOMED_CODING);
        }
        if ("OdsCodedText".equals(s.definition)) {
            s.hooks.add(Spec.Hook.ODS_CODE);
        }
        if ("HospitalStay".equals(s.definition)) {
            s.hooks.add(Spec.Hook.HOSPITAL_STAY);
        }
        String[][] pairs = DATE_PAIRS.get(s.definition);
        if (pairs != null) {
            s.hooks.add(Spec.Hook.DATE_PAIR);
            s.datePairs = pairs;
        }
        for (int i = 0; i < s.names.length; i++) {
            walk(type, s.children[i], pointer + "/" + s.names[i]);
        }
        if (s.items != null) {
            walk(type, s.items, pointer + "/*");
        }
    }

    /** The date of birth, and every date that must not be before it. */
    private static void datesAboutThePerson(Spec s) {
        if (s.kind != Spec.Kind.STRING) {
            return;
        }
        if (DATE_OF_BIRTH.equals(s.prsbPath)) {
            s.hooks.add(Spec.Hook.DATE_OF_BIRTH);
        } else if (("DateOrDateTime".equals(s.definition) || s.formatDate) && !MAY_PRECEDE_BIRTH.contains(s.prsbPath)) {
            s.hooks.add(Spec.Hook.RECORDED_DATE);
        }
    }

    private static void hook(Spec s, Spec.Hook hook) {
        if (s == null) {
            throw new IllegalStateException("the schemas no longer have the place rule " + hook + " applies to");
        }
        s.hooks.add(hook);
    }
}
