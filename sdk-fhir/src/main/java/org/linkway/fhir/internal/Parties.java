package org.linkway.fhir.internal;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
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
            PrsbHomes.writeGpOptOut(org, e.child("gpOptOutIndicator"));
            FhirBundleWriter.remainder(org, e);
        }
    }

    static ObjectNode gpPractice(Patient patient, FhirBundleReader in) {
        ArrayNode entries = LinkwayJsonBuilder.arr();
        for (int i = 0; i < patient.getGeneralPractitioner().size(); i++) {
            String path = in.path(patient) + ".generalPractitioner[" + i + "]";
            Reference ref = patient.getGeneralPractitioner().get(i);
            Resource r = in.resolveAny(ref, path);
            ObjectNode e = LinkwayJsonBuilder.obj();
            Organization org = null;
            if (r instanceof PractitionerRole role) {
                Practitioner doc = role.hasPractitioner()
                        ? in.resolve(role.getPractitioner(), Practitioner.class, in.path(role) + ".practitioner")
                        : null;
                LinkwayJsonBuilder.put(e, "gpName", personName(doc, role.getPractitioner()));
                org = role.hasOrganization()
                        ? in.resolve(role.getOrganization(), Organization.class, in.path(role) + ".organization")
                        : null;
                if (org == null && role.hasOrganization()) {
                    byReference(e, role.getOrganization());
                }
            } else if (r instanceof Practitioner doc) {
                LinkwayJsonBuilder.put(e, "gpName", personName(doc, ref));
            } else if (r instanceof Organization o) {
                org = o;
            } else if (r != null) {
                in.error(
                        Rule.FHIR_RESOURCE_TYPE,
                        path,
                        "A GP practice is an Organization or a PractitionerRole, not a " + r.fhirType() + ".");
            } else if ("Practitioner".equals(References.typeOf(ref))) {
                LinkwayJsonBuilder.put(e, "gpName", ref.getDisplay());
            } else {
                // named by ODS code or display only: the practice as the reference gives it
                byReference(e, ref);
            }
            if (org != null) {
                LinkwayJsonBuilder.put(e, "gpPracticeIdentifier", ods(org.getIdentifier()));
                if (org.hasText()) {
                    LinkwayJsonBuilder.put(e, "gpPracticeDetails", Narratives.narrativeText(org.getText()));
                } else {
                    // a practice sent as data, not narrative: its name and address are PRSB's practice details
                    LinkwayJsonBuilder.put(e, "gpPracticeDetails", practiceDetails(org));
                }
                PrsbHomes.readGpOptOut(org, e, in);
                LinkwayJsonBuilder.merge(e, in.remainder(org));
            }
            entries.add(e);
        }
        ObjectNode gp = LinkwayJsonBuilder.obj();
        LinkwayJsonBuilder.put(gp, "entries", entries);
        return gp;
    }

    private static void byReference(ObjectNode e, Reference ref) {
        if (ref.hasIdentifier() && Urls.ODS.equals(ref.getIdentifier().getSystem())) {
            LinkwayJsonBuilder.put(
                    e, "gpPracticeIdentifier", ref.getIdentifier().getValue());
        }
        if (ref.hasDisplay() && !e.has("gpPracticeDetails")) {
            LinkwayJsonBuilder.put(e, "gpPracticeDetails", ref.getDisplay());
        }
    }

    /** An Organization's name and address as one line of text, or null. */
    private static String practiceDetails(Organization org) {
        List<String> parts = new ArrayList<>();
        if (org.hasName()) {
            parts.add(org.getName());
        }
        for (Address a : org.getAddress()) {
            String text = References.addressText(a);
            if (text != null) {
                parts.add(text);
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /** A person's name from the resolved resource, else from the reference's display. */
    static String personName(Practitioner who, Reference ref) {
        String name = who == null ? null : References.nameText(who.getName());
        return name != null ? name : ref != null && ref.hasDisplay() ? ref.getDisplay() : null;
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

    /**
     * A requester or performer, whichever R4 allows: a PractitionerRole, Practitioner,
     * Organization or HealthcareService in the Bundle, or a reference naming one by display or
     * identifier only.
     */
    static ObjectNode party(Reference ref, FhirBundleReader in, String path) {
        Resource r = in.resolveAny(ref, path);
        if (r instanceof PractitionerRole role) {
            return party(role, in);
        }
        ObjectNode p = LinkwayJsonBuilder.obj();
        if (r instanceof Practitioner who) {
            LinkwayJsonBuilder.put(p, "name", personName(who, ref));
            LinkwayJsonBuilder.merge(p, in.remainder(who));
        } else if (r instanceof Organization org) {
            organisationParty(p, org, in);
        } else if (r instanceof HealthcareService hs) {
            ObjectNode service = hs.hasType()
                    ? Codes.codedText(hs.getTypeFirstRep(), in, in.path(hs) + ".type[0]")
                    : LinkwayJsonBuilder.obj();
            if (hs.hasName()) {
                service.put("text", hs.getName());
            }
            LinkwayJsonBuilder.put(p, "service", service);
            if (hs.hasProvidedBy()) {
                Organization org = in.resolve(hs.getProvidedBy(), Organization.class, in.path(hs) + ".providedBy");
                if (org != null) {
                    organisationParty(p, org, in);
                } else {
                    LinkwayJsonBuilder.put(p, "organisation", organisation(hs.getProvidedBy()));
                }
            }
            LinkwayJsonBuilder.merge(p, in.remainder(hs));
        } else if (r != null) {
            in.error(
                    Rule.FHIR_RESOURCE_TYPE,
                    path,
                    "A referrer or the service referred to is a PractitionerRole, Practitioner, Organization or "
                            + "HealthcareService, not a " + r.fhirType() + ".");
        } else {
            String type = References.typeOf(ref);
            boolean ods =
                    ref.hasIdentifier() && Urls.ODS.equals(ref.getIdentifier().getSystem());
            if ("Organization".equals(type) || ods) {
                LinkwayJsonBuilder.put(p, "organisation", organisation(ref));
            } else if ("HealthcareService".equals(type)) {
                LinkwayJsonBuilder.put(
                        p,
                        "service",
                        ref.hasDisplay() ? LinkwayJsonBuilder.obj().put("text", ref.getDisplay()) : null);
            } else {
                LinkwayJsonBuilder.put(p, "name", ref.getDisplay());
            }
        }
        return p;
    }

    private static ObjectNode organisation(Reference ref) {
        ObjectNode o = LinkwayJsonBuilder.obj();
        if (ref.hasIdentifier() && Urls.ODS.equals(ref.getIdentifier().getSystem())) {
            LinkwayJsonBuilder.put(o, "code", ref.getIdentifier().getValue());
        }
        LinkwayJsonBuilder.put(o, "text", ref.getDisplay());
        return o;
    }

    private static void organisationParty(ObjectNode p, Organization org, FhirBundleReader in) {
        Organization o = org;
        if (Codes.is(org.getTypeFirstRep(), Urls.ORGANIZATION_TYPE, "team")) {
            LinkwayJsonBuilder.put(p, "team", org.getName());
            LinkwayJsonBuilder.merge(p, in.remainder(org));
            o = org.hasPartOf() ? in.resolve(org.getPartOf(), Organization.class, in.path(org) + ".partOf") : null;
        }
        if (o != null) {
            LinkwayJsonBuilder.put(p, "organisation", organisation(o));
            for (Identifier id : o.getIdentifier()) {
                if (Urls.ID_CHARITY.equals(id.getSystem()) && !p.has("charityNumber")) {
                    LinkwayJsonBuilder.put(p, "charityNumber", id.getValue());
                }
            }
        }
    }

    static ObjectNode party(PractitionerRole role, FhirBundleReader in) {
        ObjectNode p = LinkwayJsonBuilder.obj();
        if (role.hasPractitioner()) {
            Practitioner who = in.resolve(role.getPractitioner(), Practitioner.class, in.path(role) + ".practitioner");
            LinkwayJsonBuilder.put(p, "name", personName(who, role.getPractitioner()));
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
            if (org != null) {
                organisationParty(p, org, in);
            } else if (role.getOrganization().hasDisplay()
                    || role.getOrganization().hasIdentifier()) {
                LinkwayJsonBuilder.put(p, "organisation", organisation(role.getOrganization()));
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
