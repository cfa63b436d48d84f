package org.linkway.fhir.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import tools.jackson.databind.node.ObjectNode;

/**
 * The PRSB referral details section as FHIR ServiceRequests, and the references that tie a record
 * to its referral, written and read back side by side.
 */
final class ReferralDetailsSection {

    private ReferralDetailsSection() {}

    // ---------------------------------------------------------------- referral details -> ServiceRequest

    /** The Patient for a message's personDemographics, taken out of {@code root}; an empty one when there are none. */
    static Patient patientOf(FhirBundleWriter out, LinkwayJsonSource root) {
        LinkwayJsonSource pd = root.detach("personDemographics");
        return pd != null ? PersonSection.patient(out, pd) : out.add(new Patient());
    }

    /**
     * Each referral details entry as a ServiceRequest about {@code patient}, with {@code adjust}
     * applied and what FHIR has no element for kept on it; the entries are taken out of {@code root}.
     */
    static List<ServiceRequest> referralRequests(
            FhirBundleWriter out, LinkwayJsonSource root, Patient patient, Consumer<ServiceRequest> adjust) {
        List<ServiceRequest> requests = new ArrayList<>();
        LinkwayJsonSource details = root.child("referralDetails");
        if (details != null) {
            for (LinkwayJsonSource e : details.detachItems("entries")) {
                ServiceRequest sr = referralEntry(out, e, patient);
                adjust.accept(sr);
                requests.add(sr);
                FhirBundleWriter.remainder(sr, e);
            }
        }
        return requests;
    }

    /** The server's referral id and the sender's own (placer) id on the referral's ServiceRequest, where known. */
    static void identify(ServiceRequest sr, String referralId, String placerId) {
        if (referralId != null) {
            sr.addIdentifier().setSystem(Urls.ID_REFERRAL).setValue(referralId);
        }
        if (placerId != null) {
            sr.addIdentifier()
                    .setSystem(Urls.ID_REFERRER_REFERRAL)
                    .setValue(placerId)
                    .setType(Codes.marker(Urls.V2_0203, "PLAC", "Placer Identifier"));
        }
    }

    static ServiceRequest referralEntry(FhirBundleWriter out, LinkwayJsonSource e, Patient patient) {
        return referralEntry(out, e, out.ref(patient));
    }

    static ServiceRequest referralEntry(FhirBundleWriter out, LinkwayJsonSource e, Reference subject) {
        ServiceRequest sr = out.add(new ServiceRequest());
        sr.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
        sr.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        sr.setCode(Codes.marker(Urls.SNOMED, Urls.REFERRAL_TO_SP, Urls.REFERRAL_TO_SP_DISPLAY));
        sr.setSubject(subject);
        String date = e.str("date");
        if (date != null) {
            sr.setAuthoredOnElement(Dates.dateTime(date));
        }
        LinkwayJsonSource referrer = e.detach("referrerDetails");
        if (referrer != null) {
            PractitionerRole role = Parties.party(out, referrer);
            sr.setRequester(out.ref(role));
            FhirBundleWriter.remainder(role, referrer);
        }
        LinkwayJsonSource to = e.detach("referralTo");
        if (to != null) {
            LinkwayJsonSource service = to.child("service");
            if (service != null) {
                sr.setPerformerType(Codes.concept(service));
            }
            // a service with no person or organisation named is only a performer type, not a performer
            if (to.rest() != null) {
                PractitionerRole role = Parties.party(out, to);
                sr.addPerformer(out.ref(role));
                FhirBundleWriter.remainder(role, to);
            }
        }
        LinkwayJsonSource reason = e.child("reasonForReferral");
        if (reason != null && reason.peek("text") != null) {
            sr.addReasonCode().setText(reason.str("text"));
        }
        FhirBundleWriter.ext(sr, Extensions.REFERRAL_METHOD, PersonSection.codeType(e, "referralMethod"));
        String returnTo = e.str("returnResponseTo");
        FhirBundleWriter.ext(sr, Extensions.RETURN_RESPONSE_TO, returnTo == null ? null : new StringType(returnTo));
        return sr;
    }

    static ObjectNode referralEntry(ServiceRequest sr, FhirBundleReader in) {
        String path = in.path(sr);
        ObjectNode e = LinkwayJsonBuilder.obj();
        if (sr.hasAuthoredOnElement()) {
            e.put("date", sr.getAuthoredOnElement().getValueAsString());
        }
        if (sr.hasRequester()) {
            e.set("referrerDetails", Parties.party(sr.getRequester(), in, path + ".requester"));
        }
        ObjectNode to = null;
        if (sr.hasPerformer()) {
            ObjectNode performer = Parties.party(sr.getPerformerFirstRep(), in, path + ".performer[0]");
            to = performer.isEmpty() ? null : performer;
        }
        if (sr.hasPerformerType()) {
            to = to == null ? LinkwayJsonBuilder.obj() : to;
            ObjectNode service = Codes.codedText(sr.getPerformerType(), in, path + ".performerType");
            // what the performer's resource kept of the service (a value FHIR could not hold) joins it
            if (to.get("service") instanceof ObjectNode kept) {
                LinkwayJsonBuilder.merge(service, kept);
            }
            to.set("service", service);
        }
        LinkwayJsonBuilder.put(e, "referralTo", to);
        String reason = reasonText(sr);
        if (reason != null) {
            e.set("reasonForReferral", LinkwayJsonBuilder.obj().put("text", reason));
        }
        LinkwayJsonBuilder.put(e, "referralMethod", in.extText(sr.getExtension(), Extensions.REFERRAL_METHOD.url()));
        LinkwayJsonBuilder.put(
                e, "returnResponseTo", in.extText(sr.getExtension(), Extensions.RETURN_RESPONSE_TO.url()));
        return LinkwayJsonBuilder.merge(e, in.remainder(sr));
    }

    /** PRSB's reason for referral is free text: the first reason's text, else its coding's display. */
    private static String reasonText(ServiceRequest sr) {
        if (!sr.hasReasonCode()) {
            return null;
        }
        var reason = sr.getReasonCodeFirstRep();
        if (reason.hasText()) {
            return reason.getText();
        }
        return reason.hasCoding() && reason.getCodingFirstRep().hasDisplay()
                ? reason.getCodingFirstRep().getDisplay()
                : null;
    }

    /** Linkway records outside the PRSB messages name no person; FHIR requires a subject, so it is named, not identified. */
    static Reference personOfReferral() {
        return new Reference().setType("Patient").setDisplay("The person referred (see the referral)");
    }

    /** A logical reference to the Linkway referral a record belongs to. */
    static Reference referral(String referralId) {
        Reference r = new Reference().setType("ServiceRequest");
        r.setIdentifier(new Identifier().setSystem(Urls.ID_REFERRAL).setValue(referralId));
        return r;
    }

    static String referralId(List<Reference> refs) {
        for (Reference r : refs) {
            if (r.hasIdentifier() && Urls.ID_REFERRAL.equals(r.getIdentifier().getSystem())) {
                return r.getIdentifier().getValue();
            }
        }
        return null;
    }
}
