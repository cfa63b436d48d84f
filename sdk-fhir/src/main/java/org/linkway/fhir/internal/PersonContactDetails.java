package org.linkway.fhir.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.RelatedPerson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How to reach the person, written to FHIR and read back side by side: telephone numbers, email
 * addresses and other contact information as the Patient's telecom, and PRSB's free-text relevant
 * contacts as a RelatedPerson.
 */
final class PersonContactDetails {

    private static final Set<String> CONTACT_USES = Set.of("home", "work", "temp", "old", "mobile");

    private PersonContactDetails() {}

    static void writeContactDetails(Patient p, LinkwayJsonSource c) {
        if (c == null) {
            return;
        }
        for (LinkwayJsonSource t : c.items("telephoneNumbers")) {
            p.addTelecom(contactPoint(t, "number", ContactPoint.ContactPointSystem.PHONE));
        }
        for (LinkwayJsonSource e : c.items("emailAddresses")) {
            p.addTelecom(contactPoint(e, "address", ContactPoint.ContactPointSystem.EMAIL));
        }
        String other = c.str("otherContactInformation");
        if (other != null) {
            p.addTelecom().setSystem(ContactPoint.ContactPointSystem.OTHER).setValue(other);
        }
        FhirBundleWriter.ext(p, UkCore.contactPreference(PersonSection.codeType(c, "preferredContactMethod")));
    }

    static void writeRelevantContacts(FhirBundleWriter out, Patient p, String contacts) {
        if (contacts == null) {
            return;
        }
        // PRSB holds relevant contacts as one free text: the RelatedPerson's narrative is that text
        RelatedPerson rp = out.add(new RelatedPerson());
        rp.setPatient(out.ref(p));
        rp.setText(Narratives.exactNarrative(contacts));
    }

    private static ContactPoint contactPoint(
            LinkwayJsonSource s, String valueName, ContactPoint.ContactPointSystem system) {
        ContactPoint cp = new ContactPoint().setSystem(system).setValue(s.str(valueName));
        String use = s.peek("use");
        if (use != null && CONTACT_USES.contains(use)) {
            cp.setUse(ContactPoint.ContactPointUse.fromCode(s.str("use")));
        }
        JsonNode pref = s.view().get("preference");
        if (pref != null && pref.canConvertToInt() && pref.isIntegralNumber() && pref.intValue() >= 1) {
            cp.setRank(s.number("preference").intValueExact());
        }
        return cp;
    }

    static void readContactDetails(Patient p, ObjectNode pd, FhirBundleReader in, String path) {
        ArrayNode phones = LinkwayJsonBuilder.arr();
        ArrayNode emails = LinkwayJsonBuilder.arr();
        String otherContact = null;
        for (int i = 0; i < p.getTelecom().size(); i++) {
            ContactPoint cp = p.getTelecom().get(i);
            boolean phone = cp.getSystem() == ContactPoint.ContactPointSystem.PHONE;
            if (cp.getSystem() == ContactPoint.ContactPointSystem.OTHER && otherContact == null && cp.hasValue()) {
                otherContact = cp.getValue();
                continue;
            }
            if (!phone && cp.getSystem() != ContactPoint.ContactPointSystem.EMAIL) {
                in.unmapped(
                        path + ".telecom[" + i + "]",
                        "Only telephone numbers, email addresses and one other contact are carried.");
                continue;
            }
            ObjectNode o = LinkwayJsonBuilder.obj();
            LinkwayJsonBuilder.put(o, phone ? "number" : "address", cp.getValue());
            if (cp.hasUse()) {
                o.put("use", cp.getUse().toCode());
            }
            if (cp.hasRank()) {
                o.put("preference", cp.getRank());
            }
            (phone ? phones : emails).add(o);
        }
        String preferredMethod =
                UkCore.readContactMethod(in, p.getExtension(), Extensions.PREFERRED_CONTACT_METHOD.url());
        if (!phones.isEmpty() || !emails.isEmpty() || otherContact != null || preferredMethod != null) {
            ObjectNode c = pd.putObject("contactDetails");
            LinkwayJsonBuilder.put(c, "preferredContactMethod", preferredMethod);
            LinkwayJsonBuilder.put(c, "telephoneNumbers", phones);
            LinkwayJsonBuilder.put(c, "emailAddresses", emails);
            LinkwayJsonBuilder.put(c, "otherContactInformation", otherContact);
        }
    }

    /**
     * Relevant contacts back to PRSB's one free text: Linkway's own RelatedPerson carries it as its
     * narrative; a RelatedPerson or Patient.contact from another system is described as name,
     * relationship and telecom, one contact after another.
     */
    static String relevantContacts(Patient p, FhirBundleReader in) {
        List<String> parts = new ArrayList<>();
        for (RelatedPerson rp : in.all(RelatedPerson.class)) {
            if (!in.refersTo(rp.getPatient(), p)) {
                continue;
            }
            in.use(rp);
            LinkwayJsonBuilder.merge(LinkwayJsonBuilder.obj(), in.remainder(rp));
            if (!rp.hasName() && !rp.hasTelecom() && rp.hasText()) {
                parts.add(Narratives.narrativeText(rp.getText()));
            } else {
                parts.add(describe(
                        rp.hasName() ? rp.getNameFirstRep().getNameAsSingleString() : null,
                        rp.getRelationship().stream()
                                .map(Narratives::conceptText)
                                .toList(),
                        rp.getTelecom()));
            }
        }
        for (Patient.ContactComponent c : p.getContact()) {
            parts.add(describe(
                    c.hasName() ? c.getName().getNameAsSingleString() : null,
                    c.getRelationship().stream().map(Narratives::conceptText).toList(),
                    c.getTelecom()));
        }
        parts.removeIf(t -> t == null || t.isBlank());
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static String describe(String name, List<String> relationships, List<ContactPoint> telecom) {
        StringBuilder sb = new StringBuilder(name == null ? "" : name);
        List<String> rels =
                relationships.stream().filter(r -> r != null && !r.isBlank()).toList();
        if (!rels.isEmpty()) {
            sb.append(sb.length() > 0 ? " " : "")
                    .append("(")
                    .append(String.join(", ", rels))
                    .append(")");
        }
        for (ContactPoint cp : telecom) {
            if (cp.hasValue()) {
                sb.append(sb.length() > 0 ? ", " : "").append(cp.getValue());
            }
        }
        return sb.toString();
    }
}
