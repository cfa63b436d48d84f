package org.linkway.fhir.internal;

import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.linkway.validation.Rule;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Onward referral to a community (VCSE) service -> ServiceRequest + Task owned by the provider. */
final class OnwardReferralMapper {

    static final Map<String, Task.TaskStatus> STATUS = Map.of(
            "sent", Task.TaskStatus.REQUESTED,
            "accepted", Task.TaskStatus.ACCEPTED,
            "declined", Task.TaskStatus.REJECTED,
            "attended", Task.TaskStatus.INPROGRESS,
            "did-not-attend", Task.TaskStatus.FAILED,
            "completed", Task.TaskStatus.COMPLETED);

    private OnwardReferralMapper() {}

    static Bundle write(ObjectNode message, boolean asMessage) {
        FhirBundleWriter out = new FhirBundleWriter(Bundles.seed(message));
        LinkwayJsonSource root = LinkwayJsonSource.of(message);
        Bundles.versions(root);
        String id = root.str("id");
        String referralId = root.str("referralId");
        String status = root.str("status");
        Task task = out.add(new Task());
        LinkwayJsonSource entry = root.detach("referral");
        ServiceRequest sr = entry != null
                ? ReferralDetailsSection.referralEntry(out, entry, ReferralDetailsSection.personOfReferral())
                : out.add(new ServiceRequest()
                        .setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
                        .setIntent(ServiceRequest.ServiceRequestIntent.ORDER)
                        .setSubject(ReferralDetailsSection.personOfReferral()));
        sr.setCode(Codes.marker(Urls.CS_RECORD_KIND, "onward-referral", "Onward referral to a community service"));
        FhirBundleWriter.remainder(sr, entry);
        if (id != null) {
            sr.addIdentifier().setSystem(Urls.ID_RECORD).setValue(id);
        }
        if (referralId != null) {
            sr.addBasedOn(ReferralDetailsSection.referral(referralId));
        }
        String consentId = root.str("consentId");
        if (consentId != null) {
            // the consent that covers disclosure to this provider, by its Linkway id
            sr.addSupportingInfo(new Reference()
                    .setType("Consent")
                    .setIdentifier(new Identifier().setSystem(Urls.ID_RECORD).setValue(consentId)));
        }
        LinkwayJsonSource provider = root.detach("provider");
        PractitionerRole owner = null;
        if (provider != null) {
            owner = Parties.party(out, provider);
            FhirBundleWriter.remainder(owner, provider);
        }
        task.setStatus(status == null ? Task.TaskStatus.REQUESTED : STATUS.get(status));
        if (status != null) {
            task.setBusinessStatus(Codes.marker(Urls.CS_ONWARD_STATUS, status, null));
        }
        task.setIntent(Task.TaskIntent.ORDER);
        task.setCode(Codes.marker("http://hl7.org/fhir/CodeSystem/task-code", "fulfill", "Fulfill the focal request"));
        task.setFocus(out.ref(sr));
        task.setFor(ReferralDetailsSection.personOfReferral());
        if (owner != null) {
            task.setOwner(out.ref(owner));
        }
        for (LinkwayJsonSource f : root.detachItems("feedback")) {
            feedback(out, f, sr, task);
        }
        FhirBundleWriter.remainder(task, root);
        return asMessage
                ? Bundles.message(out, "onward-referral-request", "Onward referral to a community service", sr)
                : Bundles.transaction(out);
    }

    /** One piece of provider feedback: a Communication from the provider about the onward referral. */
    private static void feedback(FhirBundleWriter out, LinkwayJsonSource f, ServiceRequest sr, Task task) {
        Communication c = out.add(new Communication());
        c.setStatus(Communication.CommunicationStatus.COMPLETED);
        c.addBasedOn(out.ref(sr));
        c.addPartOf(out.ref(task));
        c.setSubject(ReferralDetailsSection.personOfReferral());
        String at = f.str("at");
        if (at != null) {
            c.setSentElement(Dates.dateTime(at));
        }
        LinkwayJsonSource from = f.detach("from");
        if (from != null) {
            PractitionerRole role = Parties.party(out, from);
            c.setSender(out.ref(role));
            FhirBundleWriter.remainder(role, from);
        }
        FhirBundleWriter.ext(c, Extensions.ATTENDANCE, PersonSection.codeType(f, "attendance"));
        String text = f.str("text");
        if (text != null) {
            c.addPayload().setContent(new StringType(text));
        }
        FhirBundleWriter.remainder(c, f);
    }

    private static ObjectNode feedback(Communication c, FhirBundleReader in) {
        String p = in.path(c);
        ObjectNode f = LinkwayJsonBuilder.obj();
        if (c.hasSentElement()) {
            f.put("at", c.getSentElement().getValueAsString());
        }
        if (c.hasSender()) {
            PractitionerRole role = in.resolve(c.getSender(), PractitionerRole.class, p + ".sender");
            if (role != null) {
                f.set("from", Parties.party(role, in));
            }
        }
        LinkwayJsonBuilder.put(f, "attendance", in.extText(c.getExtension(), Extensions.ATTENDANCE.url()));
        for (int i = 0; i < c.getPayload().size(); i++) {
            if (c.getPayload().get(i).hasContentStringType() && !f.has("text")) {
                f.put("text", c.getPayload().get(i).getContentStringType().getValue());
            } else {
                in.unmapped(p + ".payload[" + i + "]", "Feedback holds one text; this payload was not carried over.");
            }
        }
        return LinkwayJsonBuilder.merge(f, in.remainder(c));
    }

    static ObjectNode read(FhirBundleReader in) {
        ServiceRequest sr = in.all(ServiceRequest.class).get(0);
        in.use(sr);
        ObjectNode msg = Bundles.start("OnwardReferral");
        for (Identifier id : sr.getIdentifier()) {
            if (Urls.ID_RECORD.equals(id.getSystem())) {
                LinkwayJsonBuilder.put(msg, "id", id.getValue());
            }
        }
        LinkwayJsonBuilder.put(msg, "referralId", ReferralDetailsSection.referralId(sr.getBasedOn()));
        msg.set("referral", ReferralDetailsSection.referralEntry(sr, in));
        for (var info : sr.getSupportingInfo()) {
            if ("Consent".equals(info.getType())
                    && info.hasIdentifier()
                    && Urls.ID_RECORD.equals(info.getIdentifier().getSystem())) {
                LinkwayJsonBuilder.put(msg, "consentId", info.getIdentifier().getValue());
            } else {
                in.unmapped(
                        in.path(sr) + ".supportingInfo",
                        "Only the covering consent (a Consent by Linkway id) is carried from supportingInfo.");
            }
        }
        Task task = null;
        for (Task t : in.all(Task.class)) {
            if (in.refersTo(t.getFocus(), sr)) {
                task = t;
                in.use(t);
                break;
            }
        }
        if (task == null) {
            in.error(
                    Rule.FHIR_STRUCTURE,
                    in.path(sr),
                    "An onward referral needs a Task whose focus is its ServiceRequest and whose owner is the provider.");
            return null;
        }
        String tp = in.path(task);
        if (task.hasBusinessStatus()) {
            for (var c : task.getBusinessStatus().getCoding()) {
                if (Urls.CS_ONWARD_STATUS.equals(c.getSystem()) && STATUS.containsKey(c.getCode())) {
                    msg.put("status", c.getCode());
                }
            }
        }
        if (task.hasOwner()) {
            PractitionerRole owner = in.resolve(task.getOwner(), PractitionerRole.class, tp + ".owner");
            if (owner != null) {
                msg.set("provider", Parties.party(owner, in));
            }
        } else {
            in.error(
                    Rule.FHIR_STRUCTURE,
                    tp + ".owner",
                    "The Task must be owned by the provider the person is referred to.");
        }
        ArrayNode feedback = LinkwayJsonBuilder.arr();
        for (Communication c : in.all(Communication.class)) {
            in.use(c);
            feedback.add(feedback(c, in));
        }
        LinkwayJsonBuilder.put(msg, "feedback", feedback);
        return Bundles.finish(LinkwayJsonBuilder.merge(msg, in.remainder(task)));
    }
}
