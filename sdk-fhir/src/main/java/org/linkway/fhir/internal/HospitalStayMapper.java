package org.linkway.fhir.internal;

import java.math.BigDecimal;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Money;
import org.linkway.validation.Rule;
import tools.jackson.databind.node.ObjectNode;

/**
 * HospitalDischarge (a Linkway extension record) -> one inpatient Encounter: the admission and
 * the actual discharge are its period, the admission method its {@code hospitalization.admitSource}
 * and the discharge location its {@code dischargeDisposition} (Linkway CodeSystems), the referral
 * its {@code basedOn}. What R4 has no element for (the planned discharge, the outcome for the
 * service, bed days saved, the budget, the readmission checks) goes in named extensions.
 */
final class HospitalStayMapper {

    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    static final String STAY = "hospitalStay";

    private HospitalStayMapper() {}

    static Bundle write(ObjectNode message) {
        FhirBundleWriter out = new FhirBundleWriter(Bundles.seed(message));
        LinkwayJsonSource root = LinkwayJsonSource.of(message);
        Bundles.versions(root);
        Encounter e = out.add(new Encounter());
        e.setClass_(new Coding(ACT_CODE, "IMP", "inpatient encounter"));
        e.setSubject(ReferralDetailsSection.personOfReferral());
        String id = root.str("id");
        if (id != null) {
            e.addIdentifier().setSystem(Urls.ID_RECORD).setValue(id);
        }
        String referralId = root.str("referralId");
        if (referralId != null) {
            e.addBasedOn(ReferralDetailsSection.referral(referralId));
        }
        LinkwayJsonSource s = root.child(STAY);
        String admitted = s == null ? null : s.str("admissionDate");
        String discharged = s == null ? null : s.str("actualDischargeDate");
        e.setStatus(
                discharged != null
                        ? Encounter.EncounterStatus.FINISHED
                        : admitted != null ? Encounter.EncounterStatus.INPROGRESS : Encounter.EncounterStatus.UNKNOWN);
        if (admitted != null) {
            e.getPeriod().setStartElement(new DateTimeType(admitted));
        }
        if (discharged != null) {
            e.getPeriod().setEndElement(new DateTimeType(discharged));
        }
        if (s != null) {
            writeStay(s, e);
            FhirBundleWriter.remainder(e, s);
        }
        FhirBundleWriter.remainder(e, root);
        return Bundles.transaction(out);
    }

    private static void writeStay(LinkwayJsonSource s, Encounter e) {
        String method = s.str("admissionMethod");
        if (method != null) {
            e.getHospitalization()
                    .setAdmitSource(
                            concept(HospitalStayCodes.ADMISSION_METHOD, method, HospitalStayCodes.admissionMethods()));
        }
        String location = s.str("dischargeLocation");
        if (location != null) {
            e.getHospitalization()
                    .setDischargeDisposition(concept(
                            HospitalStayCodes.DISCHARGE_LOCATION, location, HospitalStayCodes.dischargeLocations()));
        }
        code(e, Extensions.HOSPITAL_SERVICE_OUTCOME, s.str("serviceOutcome"));
        date(e, Extensions.PLANNED_DISCHARGE_DATE, s.str("plannedDischargeDate"));
        BigDecimal bedDays = s.number("hospitalBedDaysSaved");
        if (bedDays != null) {
            e.addExtension(
                    new Extension(Extensions.HOSPITAL_BED_DAYS_SAVED.url(), new IntegerType(bedDays.intValueExact())));
        }
        BigDecimal other = s.number("otherCareBedDaysSaved");
        if (other != null) {
            e.addExtension(
                    new Extension(Extensions.OTHER_CARE_BED_DAYS_SAVED.url(), new IntegerType(other.intValueExact())));
        }
        Boolean budget = s.bool("oneOffPersonalHealthBudget");
        if (budget != null) {
            e.addExtension(new Extension(Extensions.PERSONAL_HEALTH_BUDGET.url(), new BooleanType(budget)));
        }
        BigDecimal cost = s.number("personalHealthBudgetCost");
        if (cost != null) {
            e.addExtension(new Extension(
                    Extensions.PERSONAL_HEALTH_BUDGET_COST.url(),
                    new Money().setValue(cost).setCurrency("GBP")));
        }
        code(e, Extensions.READMISSION_2_WEEKS, s.str("readmissionWithin2Weeks"));
        date(e, Extensions.READMISSION_2_WEEKS_DATE, s.str("readmissionWithin2WeeksDate"));
        code(e, Extensions.READMISSION_3_MONTHS, s.str("readmissionWithin3Months"));
        date(e, Extensions.READMISSION_3_MONTHS_DATE, s.str("readmissionWithin3MonthsDate"));
    }

    static ObjectNode read(FhirBundleReader in) {
        Encounter e = in.all(Encounter.class).get(0);
        in.use(e);
        String pp = in.path(e);
        ObjectNode msg = Bundles.start("HospitalDischarge");
        for (Identifier id : e.getIdentifier()) {
            if (Urls.ID_RECORD.equals(id.getSystem())) {
                LinkwayJsonBuilder.put(msg, "id", id.getValue());
            }
        }
        LinkwayJsonBuilder.put(msg, "referralId", ReferralDetailsSection.referralId(e.getBasedOn()));
        ObjectNode s = LinkwayJsonBuilder.obj();
        LinkwayJsonBuilder.put(
                s, "serviceOutcome", in.extText(e.getExtension(), Extensions.HOSPITAL_SERVICE_OUTCOME.url()));
        if (e.getPeriod().hasStart()) {
            s.put("admissionDate", e.getPeriod().getStartElement().getValueAsString());
        }
        CodeableConcept method = e.getHospitalization().getAdmitSource();
        LinkwayJsonBuilder.put(s, "admissionMethod", code(method, HospitalStayCodes.ADMISSION_METHOD));
        LinkwayJsonBuilder.put(s, "plannedDischargeDate", date(in, e, Extensions.PLANNED_DISCHARGE_DATE));
        if (e.getPeriod().hasEnd()) {
            s.put("actualDischargeDate", e.getPeriod().getEndElement().getValueAsString());
        }
        CodeableConcept location = e.getHospitalization().getDischargeDisposition();
        LinkwayJsonBuilder.put(s, "dischargeLocation", code(location, HospitalStayCodes.DISCHARGE_LOCATION));
        IntegerType bedDays = in.ext(e.getExtension(), Extensions.HOSPITAL_BED_DAYS_SAVED.url(), IntegerType.class);
        if (bedDays != null && bedDays.hasValue()) {
            s.put("hospitalBedDaysSaved", bedDays.getValue());
        }
        IntegerType other = in.ext(e.getExtension(), Extensions.OTHER_CARE_BED_DAYS_SAVED.url(), IntegerType.class);
        if (other != null && other.hasValue()) {
            s.put("otherCareBedDaysSaved", other.getValue());
        }
        Boolean budget = in.extBool(e.getExtension(), Extensions.PERSONAL_HEALTH_BUDGET.url());
        if (budget != null) {
            s.put("oneOffPersonalHealthBudget", budget);
        }
        Money cost = in.ext(e.getExtension(), Extensions.PERSONAL_HEALTH_BUDGET_COST.url(), Money.class);
        if (cost != null && cost.hasValue()) {
            if (cost.hasCurrency() && !"GBP".equals(cost.getCurrency())) {
                in.error(
                        Rule.FHIR_STRUCTURE,
                        pp + ".extension('personal-health-budget-cost')",
                        "A personal health budget's cost must be in GBP, not " + cost.getCurrency() + ".");
            }
            s.put("personalHealthBudgetCost", cost.getValue());
        }
        LinkwayJsonBuilder.put(
                s, "readmissionWithin2Weeks", in.extText(e.getExtension(), Extensions.READMISSION_2_WEEKS.url()));
        LinkwayJsonBuilder.put(s, "readmissionWithin2WeeksDate", date(in, e, Extensions.READMISSION_2_WEEKS_DATE));
        LinkwayJsonBuilder.put(
                s, "readmissionWithin3Months", in.extText(e.getExtension(), Extensions.READMISSION_3_MONTHS.url()));
        LinkwayJsonBuilder.put(s, "readmissionWithin3MonthsDate", date(in, e, Extensions.READMISSION_3_MONTHS_DATE));
        if (!s.has("serviceOutcome")) {
            in.error(
                    Rule.FHIR_STRUCTURE,
                    pp + ".extension",
                    "A hospital stay needs its outcome for the service (extension "
                            + Extensions.HOSPITAL_SERVICE_OUTCOME.url() + ").");
        }
        msg.set(STAY, s);
        return Bundles.finish(LinkwayJsonBuilder.merge(msg, in.remainder(e)));
    }

    /** Whether an Encounter is a Linkway hospital stay: it carries the outcome for the service. */
    static boolean isStay(Encounter e) {
        return e.getExtension().stream()
                .anyMatch(x -> Extensions.HOSPITAL_SERVICE_OUTCOME.url().equals(x.getUrl()));
    }

    private static CodeableConcept concept(String system, String code, Map<String, String> displays) {
        return new CodeableConcept().addCoding(new Coding(system, code, displays.get(code)));
    }

    private static String code(CodeableConcept cc, String system) {
        for (Coding c : cc.getCoding()) {
            if (system.equals(c.getSystem()) && c.hasCode()) {
                return c.getCode();
            }
        }
        return null;
    }

    private static void code(Encounter e, Extensions.Def def, String value) {
        if (value != null) {
            e.addExtension(new Extension(def.url(), new CodeType(value)));
        }
    }

    private static void date(Encounter e, Extensions.Def def, String value) {
        if (value != null) {
            e.addExtension(new Extension(def.url(), new DateType(value)));
        }
    }

    private static String date(FhirBundleReader in, Encounter e, Extensions.Def def) {
        DateType d = in.ext(e.getExtension(), def.url(), DateType.class);
        return d == null ? null : d.getValueAsString();
    }
}
