package org.linkway.fhir.internal;

import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;
import org.linkway.validation.Rule;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The GP practice and the other parties a message names (professionals, services, organisations) as
 * FHIR PractitionerRole, Practitioner and Organization, written and read back side by side.
 */
final class Parties {

    private Parties() {}

    // ---------------------------------------------------------------- GP practice

    static void gpPractice(FhirBundleWriter out, LinkwayJsonSource root, Patient patient) {
        LinkwayJsonSource gp = root.child("gpPractice");
        if (gp == null) {
            return;
        }
        for (LinkwayJsonSource e : gp.detachItems("entries")) {
            Organization org = out.add(new Organization());
            String ods = e.str("gpPracticeIdentifier");
            if (ods != null) {
                org.addIdentifier().setSystem(Urls.ODS).setValue(ods);
            }
            String details = e.str("gpPracticeDetails");
            if (details != null) {
                // PRSB's practice details are one free text (name, address, telephone): the Organization's narrative
                org.setText(Narratives.exactNarrative(details));
            }
            String gpName = e.str("gpName");
            if (gpName != null) {
                Practitioner doctor = out.add(new Practitioner());
                doctor.addName().setText(gpName);
                PractitionerRole role = out.add(new PractitionerRole());
                role.setPractitioner(out.ref(doctor)).setOrganization(out.ref(org));
                patient.addGeneralPractitioner(out.ref(role));
            } else {
                patient.addGeneralPractitioner(out.ref(org));
            }
            FhirBundleWriter.remainder(org, e);
        }
    }

    static ObjectNode gpPractice(Patient patient, FhirBundleReader in) {
        ArrayNode entries = LinkwayJsonBuilder.arr();
        for (int i = 0; i < patient.getGeneralPractitioner().size(); i++) {
            String path = in.path(patient) + ".generalPractitioner[" + i + "]";
            Resource r = in.resolveAny(patient.getGeneralPractitioner().get(i), path);
            ObjectNode e = LinkwayJsonBuilder.obj();
            Organization org = null;
            if (r instanceof PractitionerRole role) {
                Practitioner doc = role.hasPractitioner()
                        ? in.resolve(role.getPractitioner(), Practitioner.class, in.path(role) + ".practitioner")
                        : null;
                if (doc != null && doc.hasName()) {
                    LinkwayJsonBuilder.put(e, "gpName", doc.getNameFirstRep().getText());
                }
                org = role.hasOrganization()
                        ? in.resolve(role.getOrganization(), Organization.class, in.path(role) + ".organization")
                        : null;
            } else if (r instanceof Organization o) {
                org = o;
            } else if (r != null) {
                in.error(
                        Rule.FHIR_RESOURCE_TYPE,
                        path,
                        "A GP practice is an Organization or a PractitionerRole, not a " + r.fhirType() + ".");
            }
            if (org != null) {
                LinkwayJsonBuilder.put(e, "gpPracticeIdentifier", ods(org.getIdentifier()));
                if (org.hasText()) {
                    LinkwayJsonBuilder.put(e, "gpPracticeDetails", Narratives.narrativeText(org.getText()));
                }
                LinkwayJsonBuilder.merge(e, in.remainder(org));
            }
            entries.add(e);
        }
        ObjectNode gp = LinkwayJsonBuilder.obj();
        LinkwayJsonBuilder.put(gp, "entries", entries);
        return gp;
    }

    static String ods(List<Identifier> ids) {
        for (Identifier id : ids) {
            if (Urls.ODS.equals(id.getSystem())) {
                return id.getValue();
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- a party (name, role, organisation)

    /** A professional or service: PractitionerRole with Practitioner (name) and Organization (ODS code, name). */
    static PractitionerRole party(FhirBundleWriter out, LinkwayJsonSource s) {
        PractitionerRole role = out.add(new PractitionerRole());
        String name = s.str("name");
        if (name != null) {
            Practitioner who = out.add(new Practitioner());
            who.addName().setText(name);
            role.setPractitioner(out.ref(who));
        }
        LinkwayJsonSource c = s.child("role");
        if (c != null) {
            role.addCode().addCoding(Codes.coding(c));
        }
        String grade = s.str("grade");
        if (grade != null) {
            // a grade is a kind of role with no code system: a text-only code
            role.addCode().setText(grade);
        }
        LinkwayJsonSource o = s.child("organisation");
        Organization org = o != null ? organisation(out, o) : null;
        if (org == null && s.peek("organisation") != null) {
            // some PRSB parties (a signpost's) name the organisation in free text only
            org = out.add(new Organization());
            org.setName(s.str("organisation"));
        }
        String charity = s.str("charityNumber");
        if (charity != null) {
            if (org == null) {
                org = out.add(new Organization());
            }
            org.addIdentifier().setSystem(Urls.ID_CHARITY).setValue(charity);
        }
        String team = s.str("team");
        if (team != null) {
            // a team is an Organization of type team, part of the organisation when there is one
            Organization t = out.add(new Organization());
            t.addType(Codes.marker(Urls.ORGANIZATION_TYPE, "team", "Organizational team"));
            t.setName(team);
            if (org != null) {
                t.setPartOf(out.ref(org));
            }
            role.setOrganization(out.ref(t));
        } else if (org != null) {
            role.setOrganization(out.ref(org));
        }
        LinkwayJsonSource service = s.child("service");
        if (service != null) {
            role.addSpecialty(Codes.concept(service));
        }
        String contact = s.str("contactDetails");
        if (contact != null) {
            // PRSB contact details are free text ("phone or email"), so the FHIR system is 'other'
            role.addTelecom().setSystem(ContactPoint.ContactPointSystem.OTHER).setValue(contact);
        }
        if (role.isEmpty()) {
            // a party PRSB gives nothing for (say, a professional whose name was left out) is still a resource, not an
            // empty entry
            role.setActive(true);
        }
        return role;
    }

    static Organization organisation(FhirBundleWriter out, LinkwayJsonSource o) {
        Organization org = out.add(new Organization());
        String code = o.str("code");
        if (code != null) {
            org.addIdentifier().setSystem(Urls.ODS).setValue(code);
        }
        org.setName(o.str("text"));
        return org;
    }

    static ObjectNode party(PractitionerRole role, FhirBundleReader in) {
        ObjectNode p = LinkwayJsonBuilder.obj();
        if (role.hasPractitioner()) {
            Practitioner who = in.resolve(role.getPractitioner(), Practitioner.class, in.path(role) + ".practitioner");
            if (who != null && who.hasName()) {
                LinkwayJsonBuilder.put(p, "name", who.getNameFirstRep().getText());
            }
        }
        for (int i = 0; i < role.getCode().size(); i++) {
            CodeableConcept code = role.getCode().get(i);
            if (code.hasCoding() && !p.has("role")) {
                p.set("role", Codes.coding(code.getCodingFirstRep(), in, in.path(role) + ".code[" + i + "].coding[0]"));
            } else if (!code.hasCoding() && code.hasText() && !p.has("grade")) {
                p.put("grade", code.getText());
            } else {
                in.unmapped(
                        in.path(role) + ".code[" + i + "]",
                        "PRSB holds one role and one grade; this code was not carried over.");
            }
        }
        if (role.hasOrganization()) {
            Organization org = in.resolve(role.getOrganization(), Organization.class, in.path(role) + ".organization");
            if (org != null && Codes.is(org.getTypeFirstRep(), Urls.ORGANIZATION_TYPE, "team")) {
                LinkwayJsonBuilder.put(p, "team", org.getName());
                LinkwayJsonBuilder.merge(p, in.remainder(org));
                org = org.hasPartOf()
                        ? in.resolve(org.getPartOf(), Organization.class, in.path(org) + ".partOf")
                        : null;
            }
            if (org != null) {
                LinkwayJsonBuilder.put(p, "organisation", organisation(org));
                for (Identifier id : org.getIdentifier()) {
                    if (Urls.ID_CHARITY.equals(id.getSystem()) && !p.has("charityNumber")) {
                        LinkwayJsonBuilder.put(p, "charityNumber", id.getValue());
                    }
                }
            }
        }
        if (role.hasSpecialty()) {
            p.set("service", Codes.codedText(role.getSpecialtyFirstRep(), in, in.path(role) + ".specialty[0]"));
        }
        if (role.hasTelecom()) {
            LinkwayJsonBuilder.put(
                    p, "contactDetails", role.getTelecomFirstRep().getValue());
        }
        return LinkwayJsonBuilder.merge(p, in.remainder(role));
    }

    static ObjectNode organisation(Organization org) {
        ObjectNode o = LinkwayJsonBuilder.obj();
        LinkwayJsonBuilder.put(o, "code", ods(org.getIdentifier()));
        LinkwayJsonBuilder.put(o, "text", org.getName());
        return o;
    }
}
