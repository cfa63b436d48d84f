package org.linkway.fhir.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The PRSB sections about the person that FHIR holds as records of their own, each in its own
 * class: About me, Social context and the clinical summary as Observations ({@link PersonStatements}),
 * individual requirements as Flags, Conditions and Observations ({@link IndividualRequirementsSection}),
 * plan and requested actions as Tasks and services and care as EpisodeOfCare ({@link PlanAndCareSection}).
 */
final class PersonRecords {

    private PersonRecords() {}

    /** Every record-kind code this class writes, with its display, for the CodeSystem. */
    static Map<String, String> codes() {
        Map<String, String> out = new LinkedHashMap<>();
        PersonStatements.STATEMENTS.forEach(s -> out.put(s.code(), s.display()));
        out.put(PersonStatements.SMOKING_STATUS, "Smoking status");
        out.put(PersonStatements.DATE_STOPPED_SMOKING, "Date stopped smoking");
        out.put(IndividualRequirementsSection.MOBILITY_NEEDS, "Mobility needs");
        out.put(IndividualRequirementsSection.IMPAIRMENT, "Impairment");
        out.put(IndividualRequirementsSection.REASONABLE_ADJUSTMENT, "Reasonable adjustment");
        out.put(IndividualRequirementsSection.INDIVIDUAL_REQUIREMENT, "Other individual requirement");
        out.put(PlanAndCareSection.PLAN, "Plan and requested actions");
        PersonSection.PERSON_OBSERVATIONS.values().forEach(v -> out.put(v[0], v[1]));
        out.put(CarePlanMapper.STRENGTH, "Strength");
        out.put(CarePlanMapper.STAGE_GOAL, "Stage goal");
        out.put(Contacts.CONTACT, "Contact with professional");
        out.put(Contacts.SIGNPOST, "Signpost");
        PlanAndCareSection.PLAN_INPUTS.forEach((k, v) -> out.put(PersonStatements.kebab(k), v));
        return out;
    }

    /** Writes every record this class knows from the message root; returns what ServiceRequest.supportingInfo should name. */
    static List<Resource> write(FhirBundleWriter out, LinkwayJsonSource root, Patient patient) {
        List<Resource> written = new ArrayList<>();
        PersonStatements.write(out, root, patient, written);
        LinkwayJsonSource req = root.child("individualRequirements");
        if (req != null) {
            IndividualRequirementsSection.write(out, req, patient, written);
        }
        PlanAndCareSection.write(out, root, patient, written);
        return written;
    }

    /** Reads every record this class writes into {@code msg}; used resources are marked. */
    static void read(FhirBundleReader in, ObjectNode msg, Patient patient) {
        ArrayNode mobility = LinkwayJsonBuilder.arr();
        PersonStatements.read(in, msg, mobility);
        IndividualRequirementsSection.read(in, msg, mobility);
        PlanAndCareSection.read(in, msg);
    }

    /** The section object {@code name} of {@code msg}, made when it is not there yet. */
    static ObjectNode section(ObjectNode msg, String name) {
        JsonNode s = msg.get(name);
        return s instanceof ObjectNode o ? o : msg.putObject(name);
    }

    /** References for ServiceRequest.supportingInfo. */
    static List<Reference> refs(FhirBundleWriter out, List<Resource> resources) {
        return resources.stream().map(out::ref).toList();
    }
}
