package org.linkway.fhir.internal;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The message back's contacts with professionals (one Encounter each, the professionals as
 * participants) and signposts (one ServiceRequest each, intent 'proposal': a service suggested
 * to the person, not a referral made).
 */
final class Contacts {

    static final String CONTACT = "contact-with-professional";
    static final String SIGNPOST = "signpost";
    private static final String PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

    private Contacts() {}

    static List<Resource> writeContacts(FhirBundleWriter out, LinkwayJsonSource root, Patient patient) {
        List<Resource> written = new ArrayList<>();
        LinkwayJsonSource section = root.child("contactsWithProfessionals");
        if (section == null) {
            return written;
        }
        for (LinkwayJsonSource e : section.detachItems("entries")) {
            Encounter enc = out.add(new Encounter());
            enc.setStatus(Encounter.EncounterStatus.FINISHED);
            enc.setClass_(new Coding(Urls.CS_RECORD_KIND, CONTACT, "Contact with professional"));
            enc.setSubject(out.ref(patient));
            String at = e.str("dateAndTimeOfContact");
            if (at != null) {
                enc.setPeriod(new Period().setStartElement(Dates.dateTime(at)));
            }
            String type = e.str("contactType");
            if (type != null) {
                enc.addType().setText(type);
            }
            FhirBundleWriter.ext(enc, Extensions.CONSULTATION_METHOD, PersonSection.codeType(e, "consultationMethod"));
            FhirBundleWriter.ext(enc, Extensions.LOCATION_TYPE, PersonSection.codeType(e, "locationType"));
            FhirBundleWriter.ext(
                    enc,
                    UkCore.coded(
                            UkCore.EXT_OUTCOME_OF_ATTENDANCE,
                            UkCore.CS_OUTCOME_OF_ATTENDANCE,
                            PersonSection.codeType(e, "outcomeOfContact")));
            for (LinkwayJsonSource who : e.detachItems("seenBy")) {
                participant(out, enc, who, "PART", "Participation");
            }
            LinkwayJsonSource responsible = e.detach("responsibleProfessional");
            if (responsible != null) {
                participant(out, enc, responsible, "PPRF", "primary performer");
            }
            LinkwayJsonSource where = e.child("locationOfContact");
            if (where != null && !where.view().isEmpty()) {
                enc.setServiceProvider(out.ref(Parties.organisation(out, where)));
            }
            FhirBundleWriter.remainder(enc, e);
            written.add(enc);
        }
        return written;
    }

    private static void participant(
            FhirBundleWriter out, Encounter enc, LinkwayJsonSource who, String type, String display) {
        PractitionerRole role = Parties.party(out, who);
        enc.addParticipant().addType(Codes.marker(PARTICIPATION, type, display)).setIndividual(out.ref(role));
        FhirBundleWriter.remainder(role, who);
    }

    static List<Resource> writeSignposts(FhirBundleWriter out, LinkwayJsonSource root, Patient patient) {
        List<Resource> written = new ArrayList<>();
        LinkwayJsonSource section = root.child("signpostDetails");
        if (section == null) {
            return written;
        }
        for (LinkwayJsonSource e : section.detachItems("entries")) {
            ServiceRequest sr = out.add(new ServiceRequest());
            sr.setStatus(ServiceRequest.ServiceRequestStatus.COMPLETED)
                    .setIntent(ServiceRequest.ServiceRequestIntent.PROPOSAL);
            sr.setCode(Codes.marker(Urls.CS_RECORD_KIND, SIGNPOST, "Signpost"));
            sr.setSubject(out.ref(patient));
            String date = e.str("date");
            if (date != null) {
                sr.setAuthoredOnElement(Dates.dateTime(date));
            }
            LinkwayJsonSource reason = e.child("reasonForSignpost");
            if (reason != null && !reason.view().isEmpty()) {
                sr.addReasonCode(Codes.concept(reason));
            }
            LinkwayJsonSource to = e.detach("signpostTo");
            if (to != null) {
                PractitionerRole role = Parties.party(out, to);
                sr.addPerformer(out.ref(role));
                FhirBundleWriter.remainder(role, to);
            }
            FhirBundleWriter.remainder(sr, e);
            written.add(sr);
        }
        return written;
    }

    static boolean isSignpost(ServiceRequest sr) {
        return Codes.is(sr.getCode(), Urls.CS_RECORD_KIND, SIGNPOST);
    }

    /** Reads the contacts and signposts back into the message back. */
    static void read(FhirBundleReader in, ObjectNode mb) {
        ArrayNode contacts = LinkwayJsonBuilder.arr();
        for (Encounter enc : in.all(Encounter.class)) {
            in.use(enc);
            String p = in.path(enc);
            ObjectNode e = LinkwayJsonBuilder.obj();
            if (enc.hasPeriod() && enc.getPeriod().hasStart()) {
                e.put("dateAndTimeOfContact", enc.getPeriod().getStartElement().getValueAsString());
            }
            if (enc.hasType()) {
                LinkwayJsonBuilder.put(e, "contactType", Narratives.conceptText(enc.getTypeFirstRep()));
            }
            LinkwayJsonBuilder.put(
                    e, "consultationMethod", in.extText(enc.getExtension(), Extensions.CONSULTATION_METHOD.url()));
            LinkwayJsonBuilder.put(e, "locationType", in.extText(enc.getExtension(), Extensions.LOCATION_TYPE.url()));
            LinkwayJsonBuilder.put(
                    e,
                    "outcomeOfContact",
                    UkCore.readCode(
                            in,
                            enc.getExtension(),
                            UkCore.EXT_OUTCOME_OF_ATTENDANCE,
                            UkCore.CS_OUTCOME_OF_ATTENDANCE,
                            Extensions.OUTCOME_OF_CONTACT.url()));
            ArrayNode seenBy = LinkwayJsonBuilder.arr();
            for (int i = 0; i < enc.getParticipant().size(); i++) {
                var part = enc.getParticipant().get(i);
                PractitionerRole role = part.hasIndividual()
                        ? in.resolve(
                                part.getIndividual(), PractitionerRole.class, p + ".participant[" + i + "].individual")
                        : null;
                if (role == null) {
                    continue;
                }
                boolean responsible = part.getType().stream().anyMatch(t -> Codes.is(t, PARTICIPATION, "PPRF"));
                if (responsible && !e.has("responsibleProfessional")) {
                    e.set("responsibleProfessional", Parties.party(role, in));
                } else {
                    seenBy.add(Parties.party(role, in));
                }
            }
            LinkwayJsonBuilder.put(e, "seenBy", seenBy);
            if (enc.hasServiceProvider()) {
                Organization org = in.resolve(enc.getServiceProvider(), Organization.class, p + ".serviceProvider");
                if (org != null) {
                    e.set("locationOfContact", Parties.organisation(org));
                }
            }
            contacts.add(LinkwayJsonBuilder.merge(e, in.remainder(enc)));
        }
        if (!contacts.isEmpty()) {
            mb.set("contactsWithProfessionals", LinkwayJsonBuilder.obj().set("entries", contacts));
        }
        ArrayNode signposts = LinkwayJsonBuilder.arr();
        for (ServiceRequest sr : in.all(ServiceRequest.class)) {
            if (!isSignpost(sr)) {
                continue;
            }
            in.use(sr);
            String p = in.path(sr);
            ObjectNode e = LinkwayJsonBuilder.obj();
            if (sr.hasAuthoredOnElement()) {
                e.put("date", sr.getAuthoredOnElement().getValueAsString());
            }
            if (sr.hasPerformer()) {
                PractitionerRole role =
                        in.resolve(sr.getPerformerFirstRep(), PractitionerRole.class, p + ".performer[0]");
                if (role != null) {
                    ObjectNode to = Parties.party(role, in);
                    // PRSB names a signpost's organisation in free text only
                    JsonNode org = to.get("organisation");
                    if (org instanceof ObjectNode o && o.size() == 1 && o.has("text")) {
                        to.set("organisation", o.get("text"));
                    }
                    e.set("signpostTo", to);
                }
            }
            if (sr.hasReasonCode()) {
                e.set("reasonForSignpost", Codes.codedText(sr.getReasonCodeFirstRep(), in, p + ".reasonCode[0]"));
            }
            signposts.add(LinkwayJsonBuilder.merge(e, in.remainder(sr)));
        }
        if (!signposts.isEmpty()) {
            mb.set("signpostDetails", LinkwayJsonBuilder.obj().set("entries", signposts));
        }
    }
}
