package org.linkway.fhir.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.linkway.validation.Rule;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Referral <-> ServiceRequest (one per referral details entry) + Task (the status tracker) +
 * Patient, practitioners and organisations, Consent, Conditions, Flags and Observations.
 */
final class ReferralMapper {

    /** Linkway referral status -> FHIR Task.status; the exact Linkway value rides in businessStatus. */
    static final Map<String, Task.TaskStatus> STATUS = Map.of(
            "received", Task.TaskStatus.RECEIVED,
            "accepted", Task.TaskStatus.ACCEPTED,
            "rejected", Task.TaskStatus.REJECTED,
            "in-progress", Task.TaskStatus.INPROGRESS,
            "declined", Task.TaskStatus.FAILED,
            "unable-to-contact", Task.TaskStatus.FAILED,
            "completed", Task.TaskStatus.COMPLETED,
            "cancelled", Task.TaskStatus.CANCELLED);

    private ReferralMapper() {}

    static Bundle write(ObjectNode referral, boolean message) {
        FhirBundleWriter out = new FhirBundleWriter(Bundles.seed(referral));
        LinkwayJsonSource root = LinkwayJsonSource.of(referral);
        Bundles.versions(root);
        String id = root.str("id");
        String placer = root.str("referrerReferralId");
        String status = root.str("status");

        Task task = out.add(new Task());
        Patient patient = ReferralDetailsSection.patientOf(out, root);

        List<ServiceRequest> requests = ReferralDetailsSection.referralRequests(out, root, patient, sr -> {});
        ServiceRequest main = requests.isEmpty() ? placeholderRequest(out, patient) : requests.get(0);
        ReferralDetailsSection.identify(main, id, placer);

        writeSections(out, root, patient, main);

        task.setStatus(status == null ? Task.TaskStatus.REQUESTED : STATUS.get(status));
        if (status != null) {
            task.setBusinessStatus(Codes.marker(Urls.CS_REFERRAL_STATUS, status, null));
        }
        task.setIntent(Task.TaskIntent.ORDER);
        task.setCode(Codes.marker("http://hl7.org/fhir/CodeSystem/task-code", "fulfill", "Fulfill the focal request"));
        task.setFocus(out.ref(main));
        task.setFor(out.ref(patient));
        if (main.hasRequester()) {
            task.setRequester(main.getRequester().copy());
        }
        if (main.hasPerformer()) {
            task.setOwner(main.getPerformerFirstRep().copy());
        }
        FhirBundleWriter.remainder(task, root);
        return message
                ? Bundles.message(out, "referral-request", "Referral to social prescribing", main)
                : Bundles.transaction(out);
    }

    /** The PRSB sections a referral and a message back share, each to its FHIR resources. */
    static void writeSections(FhirBundleWriter out, LinkwayJsonSource root, Patient patient, ServiceRequest main) {
        Parties.gpPractice(out, root, patient);
        LinkwayJsonSource consent = root.detach("consent");
        if (consent != null) {
            ConsentSection.consent(out, consent, patient);
        }
        LinkwayJsonSource issues = root.child("presentingComplaintsOrIssues");
        if (issues != null) {
            for (LinkwayJsonSource ct : issues.detachItems("presentingComplaints")) {
                Condition c =
                        ProblemsAndRisksSection.condition(out, patient, "presenting-complaint", "Presenting complaint");
                c.setCode(Codes.concept(ct));
                FhirBundleWriter.remainder(c, ct);
                main.addReasonReference(out.ref(c));
            }
            List<String> reported = issues.strings("personReportedIssues");
            if (reported != null) {
                for (String text : reported) {
                    Condition c = ProblemsAndRisksSection.condition(
                            out, patient, "person-reported-issue", "Person-reported issue");
                    c.setCode(new CodeableConcept().setText(text));
                    main.addReasonReference(out.ref(c));
                }
            }
        }
        LinkwayJsonSource problems = root.child("problemList");
        if (problems != null) {
            problems.detachItems("entries").forEach(e -> ProblemsAndRisksSection.problem(out, e, patient));
        }
        LinkwayJsonSource risks = root.child("risks");
        if (risks != null) {
            risks.detachItems("entries").forEach(e -> ProblemsAndRisksSection.risk(out, e, patient));
        }
        LinkwayJsonSource safeguarding = root.child("safeguarding");
        if (safeguarding != null) {
            safeguarding
                    .detachItems("safeguardingConcerns")
                    .forEach(e -> ProblemsAndRisksSection.safeguarding(out, e, patient));
        }
        LinkwayJsonSource assessments = root.child("assessments");
        if (assessments != null) {
            assessments.detachItems("entries").forEach(e -> AssessmentSection.assessment(out, e, patient));
        }
        List<Resource> records = PersonRecords.write(out, root, patient);
        if (main != null) {
            // what the person and the referrer say about them is what supports the request
            records.forEach(r -> main.addSupportingInfo(out.ref(r)));
        }
    }

    private static ServiceRequest placeholderRequest(FhirBundleWriter out, Patient patient) {
        ServiceRequest sr = out.add(new ServiceRequest());
        sr.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE).setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        sr.setCode(Codes.marker(Urls.SNOMED, Urls.REFERRAL_TO_SP, Urls.REFERRAL_TO_SP_DISPLAY));
        sr.setSubject(out.ref(patient));
        return sr;
    }

    static ObjectNode read(FhirBundleReader in) {
        List<ServiceRequest> requests = new ArrayList<>();
        for (ServiceRequest sr : in.all(ServiceRequest.class)) {
            if (Codes.is(sr.getCode(), Urls.SNOMED, Urls.REFERRAL_TO_SP)) {
                requests.add(sr);
            }
        }
        if (requests.isEmpty()) {
            in.error(
                    Rule.FHIR_STRUCTURE,
                    "Bundle.entry",
                    "A referral Bundle needs a ServiceRequest coded " + Urls.SNOMED + "|" + Urls.REFERRAL_TO_SP + " ("
                            + Urls.REFERRAL_TO_SP_DISPLAY + ").");
            return null;
        }
        requests.forEach(in::use);
        ServiceRequest main = requests.get(0);
        String mainPath = in.path(main);
        ObjectNode ref = Bundles.start("Referral");

        Task task = null;
        for (Task t : in.all(Task.class)) {
            if (in.refersTo(t.getFocus(), main)) {
                task = t;
                in.use(t);
                break;
            }
        }
        for (int i = 0; i < main.getIdentifier().size(); i++) {
            Identifier id = main.getIdentifier().get(i);
            if (Urls.ID_REFERRAL.equals(id.getSystem())) {
                LinkwayJsonBuilder.put(ref, "id", id.getValue());
            } else if (Urls.ID_REFERRER_REFERRAL.equals(id.getSystem())
                    || Codes.is(id.getType(), Urls.V2_0203, "PLAC")) {
                LinkwayJsonBuilder.put(ref, "referrerReferralId", id.getValue());
            } else {
                in.unmapped(
                        mainPath + ".identifier[" + i + "]",
                        "This identifier is neither Linkway's referral id nor the referrer's (placer) id; it was not carried over.");
            }
        }
        if (task != null) {
            String status = null;
            if (task.hasBusinessStatus()) {
                for (var c : task.getBusinessStatus().getCoding()) {
                    if (Urls.CS_REFERRAL_STATUS.equals(c.getSystem()) && STATUS.containsKey(c.getCode())) {
                        status = c.getCode();
                    }
                }
            }
            if (status == null && task.hasStatus() && task.getStatus() != Task.TaskStatus.REQUESTED) {
                String code = task.getStatus().toCode();
                if (STATUS.containsKey(code)) {
                    status = code;
                } else {
                    in.unmapped(
                            in.path(task) + ".status",
                            "Task status '" + code + "' has no Linkway referral status; give one in businessStatus ("
                                    + Urls.CS_REFERRAL_STATUS + ").");
                }
            }
            LinkwayJsonBuilder.put(ref, "status", status);
        }

        Patient patient = null;
        if (!main.hasSubject()) {
            in.error(
                    Rule.FHIR_STRUCTURE,
                    mainPath + ".subject",
                    "The referral's ServiceRequest must name the person referred (a Patient).");
        } else {
            patient = in.resolve(main.getSubject(), Patient.class, mainPath + ".subject");
        }
        if (patient != null) {
            ref.set("personDemographics", PersonSection.person(patient, in));
            ref.set("gpPractice", Parties.gpPractice(patient, in));
        }
        ArrayNode entries = LinkwayJsonBuilder.arr();
        for (ServiceRequest sr : requests) {
            entries.add(ReferralDetailsSection.referralEntry(sr, in));
        }
        LinkwayJsonBuilder.section(ref, "referralDetails", "entries", entries);

        readSections(in, ref, main);
        if (task != null) {
            LinkwayJsonBuilder.merge(ref, in.remainder(task));
        }
        return Bundles.finish(ref);
    }

    static void readSections(FhirBundleReader in, ObjectNode ref, ServiceRequest main) {
        String mainPath = main == null ? "Bundle" : in.path(main);
        PersonRecords.read(in, ref, null);
        List<Consent> consents = in.all(Consent.class);
        if (!consents.isEmpty()) {
            in.use(consents.get(0));
            ObjectNode c = LinkwayJsonBuilder.obj();
            // Linkway's text attachment, else (a Consent from another system) its narrative and what it records
            LinkwayJsonBuilder.put(c, "consentForInformationSharing", ForeignReferral.consentText(consents.get(0), in));
            LinkwayJsonBuilder.merge(c, in.remainder(consents.get(0)));
            ref.set("consent", c);
        }
        ArrayNode complaints = LinkwayJsonBuilder.arr();
        ArrayNode reported = LinkwayJsonBuilder.arr();
        ArrayNode problems = LinkwayJsonBuilder.arr();
        for (Condition c : in.all(Condition.class)) {
            if (in.isUsed(c)) {
                continue;
            }
            String p = in.path(c);
            if (AssessmentSection.hasKind(c.getCategoryFirstRep(), "presenting-complaint")) {
                complaints.add(
                        LinkwayJsonBuilder.merge(Codes.codedText(c.getCode(), in, p + ".code"), in.remainder(c)));
            } else if (AssessmentSection.hasKind(c.getCategoryFirstRep(), "person-reported-issue")) {
                reported.add(c.getCode().getText());
                in.remainder(c);
            } else if (Codes.is(c.getCategoryFirstRep(), Urls.CONDITION_CATEGORY, "problem-list-item")) {
                problems.add(ProblemsAndRisksSection.problem(c, in));
            } else {
                // a condition another system sent without a Linkway category: a presenting issue of the referral
                complaints.add(Codes.codedText(c.getCode(), in, p + ".code"));
                in.remainder(c);
            }
            in.use(c);
        }
        if (main != null) {
            ForeignReferral.reasonCodes(main, in, complaints);
        }
        if (!complaints.isEmpty() || !reported.isEmpty()) {
            ObjectNode pc = LinkwayJsonBuilder.obj();
            LinkwayJsonBuilder.put(pc, "presentingComplaints", complaints);
            LinkwayJsonBuilder.put(pc, "personReportedIssues", reported);
            ref.set("presentingComplaintsOrIssues", pc);
        }
        if (!problems.isEmpty()) {
            ref.set("problemList", LinkwayJsonBuilder.obj().set("entries", problems));
        }
        ArrayNode risks = LinkwayJsonBuilder.arr();
        ArrayNode concerns = LinkwayJsonBuilder.arr();
        for (Flag f : in.all(Flag.class)) {
            if (in.isUsed(f)) {
                continue;
            }
            in.use(f);
            if (AssessmentSection.hasKind(f.getCategoryFirstRep(), "safeguarding")) {
                concerns.add(ProblemsAndRisksSection.safeguarding(f, in));
            } else {
                risks.add(ProblemsAndRisksSection.risk(f, in));
            }
        }
        LinkwayJsonBuilder.section(ref, "risks", "entries", risks);
        if (!concerns.isEmpty()) {
            ref.set("safeguarding", LinkwayJsonBuilder.obj().set("safeguardingConcerns", concerns));
        }
        ArrayNode assessments = LinkwayJsonBuilder.arr();
        for (Observation o : in.all(Observation.class)) {
            if (in.isUsed(o)) {
                continue;
            }
            in.use(o);
            assessments.add(ForeignReferral.assessmentDate(o, in, AssessmentSection.assessment(o, in)));
        }
        if (!assessments.isEmpty()) {
            ref.set("assessments", LinkwayJsonBuilder.obj().set("entries", assessments));
        }
        // checked last: a Flag, Condition or Observation named here is read above as what it is, not skipped
        for (int i = 0; main != null && i < main.getSupportingInfo().size(); i++) {
            in.resolveAny(main.getSupportingInfo().get(i), mainPath + ".supportingInfo[" + i + "]");
        }
        for (int i = 0; main != null && i < main.getReasonReference().size(); i++) {
            in.resolveAny(main.getReasonReference().get(i), mainPath + ".reasonReference[" + i + "]");
        }
        if (main != null) {
            ForeignReferral.notes(main, in, ref);
        }
    }
}
