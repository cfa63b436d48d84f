package org.linkway.fhir.internal;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.linkway.validation.Rule;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Message back -> a FHIR document: a Composition whose sections follow the PRSB message back,
 * plus the coded entries a GP system files (the referral as a ServiceRequest coded
 * 871731000000106, "Social prescribing declined" 871711000000103 when declined, assessment scores).
 */
final class MessageBackMapper {

    static final String DATA_ABSENT = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";

    /** Section code -> title, in the order a GP reads them. */
    private static final Map<String, String> TITLES = new LinkedHashMap<>();

    static {
        TITLES.put("contactsWithProfessionals", "Contacts with professionals");
        TITLES.put("clinicalSummary", "Clinical summary");
        TITLES.put("signpostDetails", "Signpost details");
        TITLES.put("planAndRequestedActions", "Plan and requested actions");
        TITLES.put("careAndSupportPlan", "Care and support plan");
        TITLES.put("onward-referrals", "Onward referrals");
    }

    private MessageBackMapper() {}

    static Bundle write(ObjectNode mb) {
        FhirBundleWriter out = new FhirBundleWriter(Bundles.seed(mb));
        LinkwayJsonSource root = LinkwayJsonSource.of(mb);
        Bundles.versions(root);
        String id = root.str("id");
        String outcome = root.str("outcome");
        String sentAt = root.str("sentAt");
        Composition comp = out.add(new Composition());
        Patient patient = ReferralDetailsSection.patientOf(out, root);

        ServiceRequest.ServiceRequestStatus closed = "completed".equals(outcome)
                ? ServiceRequest.ServiceRequestStatus.COMPLETED
                : ServiceRequest.ServiceRequestStatus.REVOKED;
        List<ServiceRequest> requests =
                ReferralDetailsSection.referralRequests(out, root, patient, sr -> sr.setStatus(closed));
        ServiceRequest main = requests.isEmpty() ? null : requests.get(0);
        if (main != null) {
            ReferralDetailsSection.identify(main, root.str("referralId"), root.str("referrerReferralId"));
        }
        // the letter is written from the PRSB message as given, not from the FHIR resources
        Map<String, Narrative> narratives = MessageBackNarrative.sections(mb);
        LinkwayJsonSource csp = root.detach("careAndSupportPlan");
        if (csp != null) {
            CarePlan plan = out.add(new CarePlan());
            plan.setStatus(CarePlan.CarePlanStatus.ACTIVE).setIntent(CarePlan.CarePlanIntent.PLAN);
            plan.setSubject(out.ref(patient));
            CarePlanMapper.writePlan(out, csp, plan);
            FhirBundleWriter.remainder(plan, csp);
        }
        ReferralMapper.writeSections(out, root, patient, main);
        Contacts.writeContacts(out, root, patient);
        Contacts.writeSignposts(out, root, patient);
        List<Resource> assessments = new ArrayList<>();
        for (Resource r : new ArrayList<>(out.resources())) {
            if (r instanceof Observation o
                    && Codes.is(o.getCategoryFirstRep(), Urls.OBSERVATION_CATEGORY, "survey")
                    && !ScoreObservations.is(o)) {
                assessments.add(o);
                // each score as an Observation of its own, beside the assessment it comes from
                assessments.addAll(ScoreObservations.write(out, o, patient));
            }
        }

        List<Resource> outcomeEntries = new ArrayList<>();
        if (outcome != null) {
            Observation o = out.add(new Observation());
            o.setStatus(Observation.ObservationStatus.FINAL);
            o.setCode(Codes.marker(Urls.CS_RECORD_KIND, "referral-outcome", "Social prescribing referral outcome"));
            o.setSubject(out.ref(patient));
            o.setValue(Codes.marker(Urls.CS_REFERRAL_STATUS, outcome, null));
            outcomeEntries.add(o);
            if ("declined".equals(outcome)) {
                Observation d = out.add(new Observation());
                d.setStatus(Observation.ObservationStatus.FINAL);
                d.setCode(Codes.marker(Urls.SNOMED, Urls.SP_DECLINED, Urls.SP_DECLINED_DISPLAY));
                d.setSubject(out.ref(patient));
                outcomeEntries.add(d);
            }
        }

        comp.setStatus(Composition.CompositionStatus.FINAL);
        comp.setType(Codes.marker(Urls.CS_RECORD_KIND, "message-back", "Social prescribing message back"));
        comp.setSubject(out.ref(patient));
        comp.setTitle("Social prescribing message back");
        comp.setText(MessageBackNarrative.summary(mb));
        if (id != null) {
            comp.setIdentifier(new Identifier().setSystem(Urls.ID_RECORD).setValue(id));
        }
        if (sentAt != null) {
            comp.setDateElement(Dates.dateTime(sentAt));
        } else {
            comp.getDateElement().addExtension(new Extension(DATA_ABSENT, new CodeType("unknown")));
        }
        if (main != null && main.hasPerformer()) {
            comp.addAuthor(main.getPerformerFirstRep().copy());
        } else {
            Device device = out.add(new Device());
            device.addDeviceName().setName("Linkway").setType(Device.DeviceNameType.MANUFACTURERNAME);
            comp.addAuthor(out.ref(device));
        }
        section(out, comp, "outcome", "Outcome", outcomeEntries, narratives);
        section(out, comp, "referral-details", "Referral details", new ArrayList<>(requests), narratives);
        section(out, comp, "risks", "Risks", byType(out, Flag.class, "risk"), narratives);
        section(out, comp, "safeguarding", "Safeguarding", byType(out, Flag.class, "safeguarding"), narratives);
        section(out, comp, "consent", "Consent", byType(out, Consent.class, null), narratives);
        section(out, comp, "assessments", "Assessments", assessments, narratives);
        for (var t : TITLES.entrySet()) {
            section(out, comp, t.getKey(), t.getValue(), textSectionEntries(out, t.getKey()), narratives);
        }
        FhirBundleWriter.remainder(comp, root);

        Bundle b = new Bundle().setType(Bundle.BundleType.DOCUMENT);
        b.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue(out.uuid("Bundle")));
        // a document must have a timestamp: the time it was sent, or else the time it was assembled
        if (sentAt != null && sentAt.matches(".*T\\d\\d:\\d\\d:\\d\\d.*")) {
            b.setTimestampElement(Dates.instant(sentAt));
        } else {
            b.setTimestamp(new Date());
        }
        for (Resource r : out.resources()) {
            b.addEntry().setFullUrl(out.url(r)).setResource(r);
        }
        return b;
    }

    /** The records a narrative-only section also has as resources (clinical summary, plan and requested actions). */
    private static List<Resource> textSectionEntries(FhirBundleWriter out, String section) {
        List<Resource> list = new ArrayList<>();
        for (Resource r : out.resources()) {
            if ("clinicalSummary".equals(section)
                    && r instanceof Observation o
                    && Codes.is(o.getCode(), Urls.CS_RECORD_KIND, "clinical-summary")) {
                list.add(r);
            } else if ("contactsWithProfessionals".equals(section) && r instanceof Encounter) {
                list.add(r);
            } else if ("signpostDetails".equals(section) && r instanceof ServiceRequest sr && Contacts.isSignpost(sr)) {
                list.add(r);
            } else if ("careAndSupportPlan".equals(section) && r instanceof CarePlan) {
                list.add(r);
            } else if ("planAndRequestedActions".equals(section)
                    && r instanceof Task t
                    && Codes.is(t.getCode(), Urls.CS_RECORD_KIND, PlanAndCareSection.PLAN)) {
                list.add(r);
            }
        }
        return list;
    }

    private static List<Resource> byType(FhirBundleWriter out, Class<? extends Resource> type, String kind) {
        List<Resource> list = new ArrayList<>();
        for (Resource r : out.resources()) {
            if (type.isInstance(r)
                    && (kind == null
                            || (r instanceof Flag f && AssessmentSection.hasKind(f.getCategoryFirstRep(), kind)))) {
                list.add(r);
            }
        }
        return list;
    }

    private static void section(
            FhirBundleWriter out,
            Composition comp,
            String code,
            String title,
            List<Resource> entries,
            Map<String, Narrative> narratives) {
        Narrative text = narratives.get(code);
        if (entries.isEmpty() && text == null) {
            return;
        }
        Composition.SectionComponent s = comp.addSection();
        s.setTitle(title);
        s.setCode(Codes.marker(Urls.CS_MESSAGE_BACK_SECTION, code, title));
        if (text != null) {
            s.setText(text);
        }
        entries.forEach(r -> s.addEntry(out.ref(r)));
    }

    static ObjectNode read(FhirBundleReader in) {
        Composition comp = in.all(Composition.class).get(0);
        in.use(comp);
        String cp = in.path(comp);
        if (in.bundle.getType() != Bundle.BundleType.DOCUMENT) {
            in.error(
                    Rule.FHIR_STRUCTURE,
                    "Bundle.type",
                    "A message back is a FHIR document: Bundle.type must be 'document'.");
        }
        ObjectNode mb = Bundles.start("MessageBack");
        if (comp.hasIdentifier() && Urls.ID_RECORD.equals(comp.getIdentifier().getSystem())) {
            LinkwayJsonBuilder.put(mb, "id", comp.getIdentifier().getValue());
        }
        String outcome = null;
        for (Observation o : in.all(Observation.class)) {
            if (Codes.is(o.getCode(), Urls.CS_RECORD_KIND, "referral-outcome") && o.hasValueCodeableConcept()) {
                in.use(o);
                for (var c : o.getValueCodeableConcept().getCoding()) {
                    if (Urls.CS_REFERRAL_STATUS.equals(c.getSystem())) {
                        outcome = c.getCode();
                    }
                }
            } else if (Codes.is(o.getCode(), Urls.SNOMED, Urls.SP_DECLINED)) {
                in.use(o);
                outcome = outcome == null ? "declined" : outcome;
            }
        }
        if (outcome == null) {
            in.error(
                    Rule.FHIR_STRUCTURE,
                    cp + ".section",
                    "A message back needs its outcome: an Observation coded " + Urls.CS_RECORD_KIND
                            + "|referral-outcome, or " + Urls.SNOMED + "|" + Urls.SP_DECLINED + ".");
        }
        LinkwayJsonBuilder.put(mb, "outcome", outcome);
        if (comp.getDateElement().hasValue()) {
            mb.put("sentAt", comp.getDateElement().getValueAsString());
        }
        Patient patient = comp.hasSubject() ? in.resolve(comp.getSubject(), Patient.class, cp + ".subject") : null;
        if (patient == null && !comp.hasSubject()) {
            in.error(
                    Rule.FHIR_STRUCTURE,
                    cp + ".subject",
                    "The message back's Composition must name the person (a Patient).");
        }
        if (patient != null) {
            mb.set("personDemographics", PersonSection.person(patient, in));
            mb.set("gpPractice", Parties.gpPractice(patient, in));
        }
        List<ServiceRequest> requests = new ArrayList<>(in.all(ServiceRequest.class));
        requests.removeIf(Contacts::isSignpost);
        ServiceRequest main = requests.isEmpty() ? null : requests.get(0);
        ArrayNode entries = LinkwayJsonBuilder.arr();
        for (ServiceRequest sr : requests) {
            in.use(sr);
            entries.add(ReferralDetailsSection.referralEntry(sr, in));
        }
        LinkwayJsonBuilder.section(mb, "referralDetails", "entries", entries);
        if (main != null) {
            for (Identifier id : main.getIdentifier()) {
                if (Urls.ID_REFERRAL.equals(id.getSystem())) {
                    LinkwayJsonBuilder.put(mb, "referralId", id.getValue());
                } else if (Urls.ID_REFERRER_REFERRAL.equals(id.getSystem())
                        || Codes.is(id.getType(), Urls.V2_0203, "PLAC")) {
                    LinkwayJsonBuilder.put(mb, "referrerReferralId", id.getValue());
                }
            }
        }
        for (int i = 0; i < comp.getAuthor().size(); i++) {
            in.resolveAny(comp.getAuthor().get(i), cp + ".author[" + i + "]");
        }
        Contacts.read(in, mb);
        for (CarePlan plan : in.all(CarePlan.class)) {
            // read before the shared sections, which would take the plan's needs and strengths for other records
            in.use(plan);
            mb.set(
                    "careAndSupportPlan",
                    LinkwayJsonBuilder.merge(CarePlanMapper.readPlan(in, plan), in.remainder(plan)));
            break;
        }
        // the score Observations repeat what the assessment Observations hold
        in.all(Observation.class).stream().filter(ScoreObservations::is).forEach(in::use);
        ReferralMapper.readSections(in, mb, main);
        // a Condition in a message back has no PRSB section to go to
        if (mb.remove("presentingComplaintsOrIssues") != null) {
            in.unmapped(
                    "Bundle.entry",
                    "A message back has no section for conditions; the Condition resources were not carried over.");
        }
        for (String referralOnly : List.of("aboutMe", "individualRequirements", "socialContext", "servicesAndCare")) {
            if (mb.remove(referralOnly) != null) {
                in.unmapped(
                        "Bundle.entry",
                        "A message back has no '" + referralOnly
                                + "' section; the resources that hold it were not carried over.");
            }
        }
        return Bundles.finish(LinkwayJsonBuilder.merge(mb, in.remainder(comp)));
    }
}
