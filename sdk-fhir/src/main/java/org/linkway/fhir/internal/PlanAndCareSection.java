package org.linkway.fhir.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * PRSB plan and requested actions as FHIR Tasks (one input per part of the plan), and services and
 * care as EpisodeOfCare, written and read back side by side.
 */
final class PlanAndCareSection {

    static final String PLAN = "plan-and-requested-actions";
    static final Map<String, String> PLAN_INPUTS = new LinkedHashMap<>();

    static {
        PLAN_INPUTS.put("actionsForProfessionals", "Actions for professionals");
        PLAN_INPUTS.put("actionsForPersonOrTheirCarer", "Actions for person or their carer");
        PLAN_INPUTS.put(
                "agreedWithThePersonOrTheirLegitimateRepresentative",
                "Agreed with the person or their legitimate representative");
    }

    private PlanAndCareSection() {}

    /** Writes plan and requested actions as Tasks, and services and care as EpisodeOfCare, taken out of {@code root}. */
    static void write(FhirBundleWriter out, LinkwayJsonSource root, Patient patient, List<Resource> written) {
        LinkwayJsonSource plan = root.child("planAndRequestedActions");
        if (plan != null) {
            for (LinkwayJsonSource e : plan.detachItems("entries")) {
                Task t = out.add(new Task());
                t.setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.PLAN);
                t.setCode(Codes.marker(Urls.CS_RECORD_KIND, PLAN, "Plan and requested actions"));
                t.setFor(out.ref(patient));
                for (var in : PLAN_INPUTS.entrySet()) {
                    String text = e.str(in.getKey());
                    if (text != null) {
                        t.addInput()
                                .setType(Codes.marker(
                                        Urls.CS_RECORD_KIND, PersonStatements.kebab(in.getKey()), in.getValue()))
                                .setValue(new StringType(text));
                    }
                }
                FhirBundleWriter.remainder(t, e);
                written.add(t);
            }
        }
        LinkwayJsonSource services = root.child("servicesAndCare");
        if (services != null) {
            for (LinkwayJsonSource e : services.detachItems("entries")) {
                written.add(episode(out, e, patient));
            }
        }
    }

    static void read(FhirBundleReader in, ObjectNode msg) {
        ArrayNode plan = LinkwayJsonBuilder.arr();
        for (Task t : in.all(Task.class)) {
            if (!Codes.is(t.getCode(), Urls.CS_RECORD_KIND, PLAN)) {
                continue;
            }
            in.use(t);
            ObjectNode e = LinkwayJsonBuilder.obj();
            for (int i = 0; i < t.getInput().size(); i++) {
                var input = t.getInput().get(i);
                String name = null;
                for (String k : PLAN_INPUTS.keySet()) {
                    if (Codes.is(input.getType(), Urls.CS_RECORD_KIND, PersonStatements.kebab(k))) {
                        name = k;
                    }
                }
                if (name != null && input.getValue() instanceof StringType s) {
                    e.put(name, s.getValue());
                } else {
                    in.unmapped(
                            in.path(t) + ".input[" + i + "]",
                            "This input has no place in PRSB plan and requested actions; it was not carried over.");
                }
            }
            plan.add(LinkwayJsonBuilder.merge(e, in.remainder(t)));
        }
        if (!plan.isEmpty()) {
            PersonRecords.section(msg, "planAndRequestedActions").set("entries", plan);
        }
        ArrayNode services = LinkwayJsonBuilder.arr();
        for (EpisodeOfCare ep : in.all(EpisodeOfCare.class)) {
            in.use(ep);
            services.add(episode(ep, in));
        }
        if (!services.isEmpty()) {
            PersonRecords.section(msg, "servicesAndCare").set("entries", services);
        }
    }

    private static EpisodeOfCare episode(FhirBundleWriter out, LinkwayJsonSource e, Patient patient) {
        EpisodeOfCare ep = out.add(new EpisodeOfCare());
        String start = e.str("serviceStartDate");
        String end = e.str("serviceEndDate");
        ep.setStatus(
                end == null ? EpisodeOfCare.EpisodeOfCareStatus.ACTIVE : EpisodeOfCare.EpisodeOfCareStatus.FINISHED);
        ep.setPeriod(ProblemsAndRisksSection.period(start, end));
        ep.setPatient(out.ref(patient));
        String type = e.str("socialCarePackageType");
        if (type != null) {
            ep.addType().setText(type);
        }
        LinkwayJsonSource la = e.child("localAuthority");
        if (la != null && !la.view().isEmpty()) {
            ep.setManagingOrganization(out.ref(Parties.organisation(out, la)));
        }
        String name = e.str("socialCarePackageName");
        FhirBundleWriter.ext(ep, Extensions.SOCIAL_CARE_PACKAGE_NAME, name == null ? null : new StringType(name));
        String funding = e.str("careFundingSource");
        FhirBundleWriter.ext(
                ep, Extensions.CARE_FUNDING_SOURCE, funding == null ? null : new CodeableConcept().setText(funding));
        FhirBundleWriter.remainder(ep, e);
        return ep;
    }

    private static ObjectNode episode(EpisodeOfCare ep, FhirBundleReader in) {
        ObjectNode e = LinkwayJsonBuilder.obj();
        LinkwayJsonBuilder.put(
                e, "socialCarePackageName", in.extText(ep.getExtension(), Extensions.SOCIAL_CARE_PACKAGE_NAME.url()));
        if (ep.hasType()) {
            LinkwayJsonBuilder.put(e, "socialCarePackageType", Narratives.conceptText(ep.getTypeFirstRep()));
        }
        if (ep.hasPeriod()) {
            LinkwayJsonBuilder.put(
                    e,
                    "serviceStartDate",
                    ep.getPeriod().hasStart() ? ep.getPeriod().getStartElement().getValueAsString() : null);
            LinkwayJsonBuilder.put(
                    e,
                    "serviceEndDate",
                    ep.getPeriod().hasEnd() ? ep.getPeriod().getEndElement().getValueAsString() : null);
        }
        if (ep.hasManagingOrganization()) {
            Organization org =
                    in.resolve(ep.getManagingOrganization(), Organization.class, in.path(ep) + ".managingOrganization");
            if (org != null) {
                e.set("localAuthority", Parties.organisation(org));
                LinkwayJsonBuilder.merge(e, in.remainder(org));
            }
        }
        CodeableConcept funding =
                in.ext(ep.getExtension(), Extensions.CARE_FUNDING_SOURCE.url(), CodeableConcept.class);
        if (funding != null) {
            LinkwayJsonBuilder.put(e, "careFundingSource", funding.getText());
        }
        return LinkwayJsonBuilder.merge(e, in.remainder(ep));
    }
}
