package org.linkway.fhir.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.linkway.validation.Rule;
import org.linkway.validation.Severity;
import org.linkway.validation.checks.NhsNumber;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The PRSB sections several messages share (person, GP practice, consent, referral details,
 * problems, risks, safeguarding, assessments), each written to FHIR and read back the same way,
 * side by side so the two directions cannot drift apart.
 */
final class Sections {

    private static final Set<String> CONTACT_USES = Set.of("home", "work", "temp", "old", "mobile");
    static final String OTHER_IDENTIFIER = "Other identifier";
    /** PRSB person demographics coded as social-history Observations about the Patient: property -> {code, display}. */
    static final java.util.Map<String, String[]> PERSON_OBSERVATIONS = new java.util.LinkedHashMap<>();
    static {
        PERSON_OBSERVATIONS.put("carerStatus", new String[] {"carer-status", "Carer status"});
        PERSON_OBSERVATIONS.put("sexualOrientation", new String[] {"sexual-orientation", "Sexual orientation"});
    }
    /** NHS Data Dictionary legal marital status codes that mean the same in HL7 v3 MaritalStatus. */
    static final java.util.Map<String, String> MARITAL = java.util.Map.of(
            "S", "Never Married", "M", "Married", "D", "Divorced", "W", "Widowed");
    private static final java.util.regex.Pattern FHIR_CODE = java.util.regex.Pattern.compile("[^\\s]+( [^\\s]+)*");

    private Sections() { }

    // ---------------------------------------------------------------- person -> Patient

    static Patient patient(Out out, Src pd) {
        Patient p = out.add(new Patient());
        Src n = pd.child("name");
        if (n != null) {
            HumanName h = p.addName().setUse(HumanName.NameUse.OFFICIAL);
            String title = n.str("title");
            if (title != null) {
                h.addPrefix(title);
            }
            List<String> given = n.strings("firstNames");
            if (given != null) {
                given.forEach(h::addGiven);
            }
            JsonNode family = n.view().get("familyNames");
            if (family != null && family.isArray() && family.size() == 1) {
                h.setFamily(n.strings("familyNames").get(0));
            }
            List<String> suffixes = n.strings("suffixes");
            if (suffixes != null) {
                suffixes.forEach(h::addSuffix);
            }
            h.setText(n.str("fullName"));
            String preferred = n.str("preferredName");
            if (preferred != null) {
                p.addName().setUse(HumanName.NameUse.USUAL).setText(preferred);
            }
        }
        String dob = pd.str("dateOfBirth");
        if (dob != null) {
            p.setBirthDateElement(new DateType(dob));
        }
        String gender = pd.peek("gender");
        if ("1".equals(gender) || "2".equals(gender)) {
            pd.str("gender");
            p.setGender("1".equals(gender) ? AdministrativeGender.MALE : AdministrativeGender.FEMALE);
        }
        String nhs = pd.str("nhsNumber");
        if (nhs != null) {
            Identifier id = p.addIdentifier().setSystem(Urls.NHS_NUMBER).setValue(nhs);
            String status = pd.str("nhsNumberStatusIndicator");
            if (status != null) {
                id.addExtension(new Extension(Urls.EXT_NHS_NUMBER_STATUS, new CodeType(status)));
            }
        }
        List<String> others = pd.strings("otherIdentifiers");
        if (others != null) {
            // PRSB gives no issuer for these, so they carry no system: a type names them
            others.forEach(v -> p.addIdentifier().setType(new CodeableConcept().setText(OTHER_IDENTIFIER)).setValue(v));
        }
        Out.ext(p, Extensions.SEX, codeType(pd, "sex"));
        Out.ext(p, Extensions.ETHNIC_CATEGORY, codeType(pd, "ethnicity"));
        String pronoun = pd.str("pronoun");
        Out.ext(p, Extensions.PRONOUN, pronoun == null ? null : new StringType(pronoun));
        String marital = pd.peek("maritalStatus");
        if (marital != null && MARITAL.containsKey(marital)) {
            pd.str("maritalStatus");
            p.setMaritalStatus(Codes.marker(Urls.V3_MARITAL_STATUS, marital, MARITAL.get(marital)));
        }
        String birthPlace = pd.str("placeOfBirth");
        if (birthPlace != null) {
            Address where = new Address();
            if (birthPlace.matches("[A-Z]{3}")) {
                where.setCountry(birthPlace);
            } else {
                where.setText(birthPlace);
            }
            p.addExtension(new Extension(Urls.EXT_BIRTH_PLACE, where));
        }
        Src a = pd.child("address");
        if (a != null) {
            Address addr = new Address();
            for (int i = 1; i <= 5 && a.peek("addressLine" + i) != null; i++) {
                addr.addLine(a.str("addressLine" + i));
            }
            addr.setPostalCode(a.str("postcode"));
            if ("H".equals(a.peek("addressType"))) {
                a.str("addressType");
                addr.setUse(Address.AddressUse.HOME);
            }
            p.addAddress(addr);
        }
        Src c = pd.child("contactDetails");
        if (c != null) {
            for (Src t : c.items("telephoneNumbers")) {
                p.addTelecom(contactPoint(t, "number", ContactPoint.ContactPointSystem.PHONE));
            }
            for (Src e : c.items("emailAddresses")) {
                p.addTelecom(contactPoint(e, "address", ContactPoint.ContactPointSystem.EMAIL));
            }
            String other = c.str("otherContactInformation");
            if (other != null) {
                p.addTelecom().setSystem(ContactPoint.ContactPointSystem.OTHER).setValue(other);
            }
            Out.ext(p, Extensions.PREFERRED_CONTACT_METHOD, codeType(c, "preferredContactMethod"));
        }
        Src religion = pd.child("religion");
        if (religion != null && !religion.view().isEmpty()) {
            p.addExtension(new Extension(Urls.EXT_RELIGION, new CodeableConcept().addCoding(Codes.coding(religion))));
        }
        for (var po : PERSON_OBSERVATIONS.entrySet()) {
            Src coding = pd.child(po.getKey());
            if (coding != null && !coding.view().isEmpty()) {
                Observation o = out.add(new Observation());
                o.setStatus(Observation.ObservationStatus.FINAL);
                o.addCategory(Codes.marker(Urls.OBSERVATION_CATEGORY, "social-history", "Social History"));
                o.setCode(Codes.marker(Urls.CS_RECORD_KIND, po.getValue()[0], po.getValue()[1]));
                o.setSubject(out.ref(p));
                o.setValue(new CodeableConcept().addCoding(Codes.coding(coding)));
            }
        }
        String contacts = pd.str("relevantContacts");
        if (contacts != null) {
            // PRSB holds relevant contacts as one free text: the RelatedPerson's narrative is that text
            RelatedPerson rp = out.add(new RelatedPerson());
            rp.setPatient(out.ref(p));
            rp.setText(exactNarrative(contacts));
        }
        Out.remainder(p, pd);
        return p;
    }

    /** Takes a string as a FHIR code when it is one (no leading, trailing or double spaces); else it stays. */
    static CodeType codeType(Src s, String name) {
        String v = s.peek(name);
        if (v == null || !FHIR_CODE.matcher(v).matches()) {
            return null;
        }
        return new CodeType(s.str(name));
    }

    private static ContactPoint contactPoint(Src s, String valueName, ContactPoint.ContactPointSystem system) {
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

    static ObjectNode person(Patient p, In in) {
        String path = in.path(p);
        ObjectNode pd = Tree.obj();
        for (int i = 0; i < p.getName().size(); i++) {
            HumanName h = p.getName().get(i);
            if (h.getUse() == HumanName.NameUse.USUAL && h.hasText() && !pd.has("preferred")) {
                pd.put("preferred", h.getText());
            } else if (!pd.has("name")) {
                ObjectNode n = Tree.obj();
                if (h.hasPrefix()) {
                    n.put("title", h.getPrefix().get(0).getValue());
                }
                ArrayNode given = Tree.arr();
                h.getGiven().forEach(g -> given.add(g.getValue()));
                Tree.put(n, "firstNames", given);
                if (h.hasFamily()) {
                    n.set("familyNames", Tree.arr().add(h.getFamily()));
                }
                ArrayNode suffixes = Tree.arr();
                h.getSuffix().forEach(g -> suffixes.add(g.getValue()));
                Tree.put(n, "suffixes", suffixes);
                Tree.put(n, "fullName", h.getText());
                pd.set("name", n);
            } else {
                in.unmapped(path + ".name[" + i + "]", "PRSB holds one name and a preferred name; this further name was not carried over.");
            }
        }
        JsonNode preferred = pd.remove("preferred");
        if (preferred != null) {
            ObjectNode n = pd.has("name") ? (ObjectNode) pd.get("name") : pd.putObject("name");
            n.set("preferredName", preferred);
        }
        if (p.hasBirthDateElement()) {
            pd.put("dateOfBirth", p.getBirthDateElement().getValueAsString());
        }
        if (p.getGender() == AdministrativeGender.MALE) {
            pd.put("gender", "1");
        } else if (p.getGender() == AdministrativeGender.FEMALE) {
            pd.put("gender", "2");
        }
        boolean nhsFound = false;
        ArrayNode others = Tree.arr();
        for (int i = 0; i < p.getIdentifier().size(); i++) {
            Identifier id = p.getIdentifier().get(i);
            String ip = path + ".identifier[" + i + "]";
            if (Urls.NHS_NUMBER.equals(id.getSystem()) && !nhsFound) {
                nhsFound = true;
                String value = id.getValue();
                var problem = NhsNumber.problem(value == null ? "" : value);
                if (problem.isPresent()) {
                    in.error(Rule.NHS_NUMBER, ip + ".value", "The NHS number '" + value + "' is not valid: " + problem.get() + ".");
                }
                Tree.put(pd, "nhsNumber", value);
                for (int j = 0; j < id.getExtension().size(); j++) {
                    Extension x = id.getExtension().get(j);
                    if (Urls.EXT_NHS_NUMBER_STATUS.equals(x.getUrl()) && x.getValue() instanceof CodeType code) {
                        pd.put("nhsNumberStatusIndicator", code.getValue());
                    } else {
                        in.unmapped(ip + ".extension[" + j + "]", "The extension '" + x.getUrl() + "' has no place in a Linkway message; it was not carried over.");
                    }
                }
            } else if (Urls.NHS_NUMBER.equals(id.getSystem()) || !id.hasValue() || id.getValue().length() > 20) {
                in.unmapped(ip, "PRSB holds one NHS number and other identifiers of up to 20 characters; this identifier was not carried over.");
            } else {
                others.add(id.getValue());
                if (id.hasSystem()) {
                    in.unmapped(ip + ".system", "A PRSB other identifier is a bare value; its system ('" + id.getSystem() + "') was not carried over.");
                }
            }
        }
        Tree.put(pd, "otherIdentifiers", others);
        if (!nhsFound) {
            in.add(Rule.FHIR_NO_NHS_NUMBER, Severity.INFORMATION, path + ".identifier",
                    "No NHS number: PRSB allows that when it is not known; match the person on name, date of birth and address.");
        }
        if (p.hasAddress()) {
            Address addr = p.getAddressFirstRep();
            ObjectNode a = Tree.obj();
            for (int i = 0; i < addr.getLine().size() && i < 5; i++) {
                a.put("addressLine" + (i + 1), addr.getLine().get(i).getValue());
            }
            Tree.put(a, "postcode", addr.getPostalCode());
            if (addr.getUse() == Address.AddressUse.HOME) {
                a.put("addressType", "H");
            }
            pd.set("address", a);
            for (int i = 1; i < p.getAddress().size(); i++) {
                in.unmapped(path + ".address[" + i + "]", "PRSB holds one address; this further address was not carried over.");
            }
        }
        ArrayNode phones = Tree.arr();
        ArrayNode emails = Tree.arr();
        String otherContact = null;
        for (int i = 0; i < p.getTelecom().size(); i++) {
            ContactPoint cp = p.getTelecom().get(i);
            boolean phone = cp.getSystem() == ContactPoint.ContactPointSystem.PHONE;
            if (cp.getSystem() == ContactPoint.ContactPointSystem.OTHER && otherContact == null && cp.hasValue()) {
                otherContact = cp.getValue();
                continue;
            }
            if (!phone && cp.getSystem() != ContactPoint.ContactPointSystem.EMAIL) {
                in.unmapped(path + ".telecom[" + i + "]", "Only telephone numbers, email addresses and one other contact are carried.");
                continue;
            }
            ObjectNode o = Tree.obj();
            Tree.put(o, phone ? "number" : "address", cp.getValue());
            if (cp.hasUse()) {
                o.put("use", cp.getUse().toCode());
            }
            if (cp.hasRank()) {
                o.put("preference", cp.getRank());
            }
            (phone ? phones : emails).add(o);
        }
        String preferredMethod = in.extText(p.getExtension(), Extensions.PREFERRED_CONTACT_METHOD.url());
        if (!phones.isEmpty() || !emails.isEmpty() || otherContact != null || preferredMethod != null) {
            ObjectNode c = pd.putObject("contactDetails");
            Tree.put(c, "preferredContactMethod", preferredMethod);
            Tree.put(c, "telephoneNumbers", phones);
            Tree.put(c, "emailAddresses", emails);
            Tree.put(c, "otherContactInformation", otherContact);
        }
        Tree.put(pd, "sex", in.extText(p.getExtension(), Extensions.SEX.url()));
        Tree.put(pd, "ethnicity", in.extText(p.getExtension(), Extensions.ETHNIC_CATEGORY.url()));
        Tree.put(pd, "pronoun", in.extText(p.getExtension(), Extensions.PRONOUN.url()));
        if (p.hasMaritalStatus()) {
            String code = null;
            for (var coding : p.getMaritalStatus().getCoding()) {
                if (Urls.V3_MARITAL_STATUS.equals(coding.getSystem()) && MARITAL.containsKey(coding.getCode())) {
                    code = coding.getCode();
                }
            }
            if (code == null) {
                in.unmapped(path + ".maritalStatus", "Only the HL7 v3 marital status codes S, M, D and W have a PRSB equivalent; this one was not carried over.");
            }
            Tree.put(pd, "maritalStatus", code);
        }
        Address where = in.ext(p.getExtension(), Urls.EXT_BIRTH_PLACE, Address.class);
        if (where != null) {
            Tree.put(pd, "placeOfBirth", where.hasCountry() ? where.getCountry() : where.getText());
        }
        Tree.put(pd, "relevantContacts", relevantContacts(p, in));
        CodeableConcept religion = in.ext(p.getExtension(), Urls.EXT_RELIGION, CodeableConcept.class);
        if (religion != null && religion.hasCoding()) {
            pd.set("religion", Codes.coding(religion.getCodingFirstRep(), in, path + ".extension('patient-religion')"));
        }
        for (Observation o : in.all(Observation.class)) {
            if (in.isUsed(o) || !in.refersTo(o.getSubject(), p)) {
                continue;
            }
            for (var po : PERSON_OBSERVATIONS.entrySet()) {
                if (Codes.is(o.getCode(), Urls.CS_RECORD_KIND, po.getValue()[0]) && !pd.has(po.getKey())) {
                    in.use(o);
                    if (o.hasValueCodeableConcept() && o.getValueCodeableConcept().hasCoding()) {
                        pd.set(po.getKey(), Codes.coding(o.getValueCodeableConcept().getCodingFirstRep(), in, in.path(o) + ".valueCodeableConcept.coding[0]"));
                    }
                    in.remainder(o);
                }
            }
        }
        return Tree.merge(pd, in.remainder(p));
    }

    /**
     * Relevant contacts back to PRSB's one free text: Linkway's own RelatedPerson carries it as its
     * narrative; a RelatedPerson or Patient.contact from another system is described as name,
     * relationship and telecom, one contact after another.
     */
    private static String relevantContacts(Patient p, In in) {
        List<String> parts = new java.util.ArrayList<>();
        for (RelatedPerson rp : in.all(RelatedPerson.class)) {
            if (!in.refersTo(rp.getPatient(), p)) {
                continue;
            }
            in.use(rp);
            Tree.merge(Tree.obj(), in.remainder(rp));
            if (!rp.hasName() && !rp.hasTelecom() && rp.hasText()) {
                parts.add(narrativeText(rp.getText()));
            } else {
                parts.add(describe(rp.hasName() ? rp.getNameFirstRep().getNameAsSingleString() : null,
                        rp.getRelationship().stream().map(Sections::conceptText).toList(), rp.getTelecom()));
            }
        }
        for (Patient.ContactComponent c : p.getContact()) {
            parts.add(describe(c.hasName() ? c.getName().getNameAsSingleString() : null,
                    c.getRelationship().stream().map(Sections::conceptText).toList(), c.getTelecom()));
        }
        parts.removeIf(t -> t == null || t.isBlank());
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static String describe(String name, List<String> relationships, List<ContactPoint> telecom) {
        StringBuilder sb = new StringBuilder(name == null ? "" : name);
        List<String> rels = relationships.stream().filter(r -> r != null && !r.isBlank()).toList();
        if (!rels.isEmpty()) {
            sb.append(sb.length() > 0 ? " " : "").append("(").append(String.join(", ", rels)).append(")");
        }
        for (ContactPoint cp : telecom) {
            if (cp.hasValue()) {
                sb.append(sb.length() > 0 ? ", " : "").append(cp.getValue());
            }
        }
        return sb.toString();
    }

    static String conceptText(CodeableConcept cc) {
        if (cc.hasText()) {
            return cc.getText();
        }
        return cc.hasCoding() ? (cc.getCodingFirstRep().hasDisplay() ? cc.getCodingFirstRep().getDisplay() : cc.getCodingFirstRep().getCode()) : null;
    }

    /** A narrative holding exactly one text (no paragraph), so the text reads back unchanged. */
    static Narrative exactNarrative(String text) {
        Narrative n = new Narrative();
        n.setStatus(Narrative.NarrativeStatus.ADDITIONAL);
        n.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + escape(text) + "</div>");
        return n;
    }

    /** A narrative's text: exact for Linkway's own one-text narrative, trimmed for any other. */
    static String narrativeText(Narrative n) {
        if (n == null || n.getDiv() == null) {
            return null;
        }
        var div = n.getDiv();
        String all = div.allText();
        boolean exact = div.getChildNodes().size() == 1 && div.getChildNodes().get(0).getNodeType() == org.hl7.fhir.utilities.xhtml.NodeType.Text;
        if (all == null) {
            return null;
        }
        return exact ? all : (all.isBlank() ? null : all.strip());
    }

    // ---------------------------------------------------------------- GP practice

    static void gpPractice(Out out, Src root, Patient patient) {
        Src gp = root.child("gpPractice");
        if (gp == null) {
            return;
        }
        for (Src e : gp.detachItems("entries")) {
            Organization org = out.add(new Organization());
            String ods = e.str("gpPracticeIdentifier");
            if (ods != null) {
                org.addIdentifier().setSystem(Urls.ODS).setValue(ods);
            }
            String details = e.str("gpPracticeDetails");
            if (details != null) {
                // PRSB's practice details are one free text (name, address, telephone): the Organization's narrative
                org.setText(exactNarrative(details));
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
            Out.remainder(org, e);
        }
    }

    static ObjectNode gpPractice(Patient patient, In in) {
        ArrayNode entries = Tree.arr();
        for (int i = 0; i < patient.getGeneralPractitioner().size(); i++) {
            String path = in.path(patient) + ".generalPractitioner[" + i + "]";
            Resource r = in.resolveAny(patient.getGeneralPractitioner().get(i), path);
            ObjectNode e = Tree.obj();
            Organization org = null;
            if (r instanceof PractitionerRole role) {
                Practitioner doc = role.hasPractitioner()
                        ? in.resolve(role.getPractitioner(), Practitioner.class, in.path(role) + ".practitioner") : null;
                if (doc != null && doc.hasName()) {
                    Tree.put(e, "gpName", doc.getNameFirstRep().getText());
                }
                org = role.hasOrganization()
                        ? in.resolve(role.getOrganization(), Organization.class, in.path(role) + ".organization") : null;
            } else if (r instanceof Organization o) {
                org = o;
            } else if (r != null) {
                in.error(Rule.FHIR_RESOURCE_TYPE, path, "A GP practice is an Organization or a PractitionerRole, not a " + r.fhirType() + ".");
            }
            if (org != null) {
                Tree.put(e, "gpPracticeIdentifier", ods(org.getIdentifier()));
                if (org.hasText()) {
                    Tree.put(e, "gpPracticeDetails", narrativeText(org.getText()));
                }
                Tree.merge(e, in.remainder(org));
            }
            entries.add(e);
        }
        ObjectNode gp = Tree.obj();
        Tree.put(gp, "entries", entries);
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
    static PractitionerRole party(Out out, Src s) {
        PractitionerRole role = out.add(new PractitionerRole());
        String name = s.str("name");
        if (name != null) {
            Practitioner who = out.add(new Practitioner());
            who.addName().setText(name);
            role.setPractitioner(out.ref(who));
        }
        Src c = s.child("role");
        if (c != null) {
            role.addCode().addCoding(Codes.coding(c));
        }
        String grade = s.str("grade");
        if (grade != null) {
            // a grade is a kind of role with no code system: a text-only code
            role.addCode().setText(grade);
        }
        Src o = s.child("organisation");
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
        Src service = s.child("service");
        if (service != null) {
            role.addSpecialty(Codes.concept(service));
        }
        String contact = s.str("contactDetails");
        if (contact != null) {
            // PRSB contact details are free text ("phone or email"), so the FHIR system is 'other'
            role.addTelecom().setSystem(ContactPoint.ContactPointSystem.OTHER).setValue(contact);
        }
        if (role.isEmpty()) {
            // a party PRSB gives nothing for (say, a professional whose name was left out) is still a resource, not an empty entry
            role.setActive(true);
        }
        return role;
    }

    static Organization organisation(Out out, Src o) {
        Organization org = out.add(new Organization());
        String code = o.str("code");
        if (code != null) {
            org.addIdentifier().setSystem(Urls.ODS).setValue(code);
        }
        org.setName(o.str("text"));
        return org;
    }

    static ObjectNode party(PractitionerRole role, In in) {
        ObjectNode p = Tree.obj();
        if (role.hasPractitioner()) {
            Practitioner who = in.resolve(role.getPractitioner(), Practitioner.class, in.path(role) + ".practitioner");
            if (who != null && who.hasName()) {
                Tree.put(p, "name", who.getNameFirstRep().getText());
            }
        }
        for (int i = 0; i < role.getCode().size(); i++) {
            CodeableConcept code = role.getCode().get(i);
            if (code.hasCoding() && !p.has("role")) {
                p.set("role", Codes.coding(code.getCodingFirstRep(), in, in.path(role) + ".code[" + i + "].coding[0]"));
            } else if (!code.hasCoding() && code.hasText() && !p.has("grade")) {
                p.put("grade", code.getText());
            } else {
                in.unmapped(in.path(role) + ".code[" + i + "]", "PRSB holds one role and one grade; this code was not carried over.");
            }
        }
        if (role.hasOrganization()) {
            Organization org = in.resolve(role.getOrganization(), Organization.class, in.path(role) + ".organization");
            if (org != null && Codes.is(org.getTypeFirstRep(), Urls.ORGANIZATION_TYPE, "team")) {
                Tree.put(p, "team", org.getName());
                Tree.merge(p, in.remainder(org));
                org = org.hasPartOf() ? in.resolve(org.getPartOf(), Organization.class, in.path(org) + ".partOf") : null;
            }
            if (org != null) {
                Tree.put(p, "organisation", organisation(org));
                for (Identifier id : org.getIdentifier()) {
                    if (Urls.ID_CHARITY.equals(id.getSystem()) && !p.has("charityNumber")) {
                        Tree.put(p, "charityNumber", id.getValue());
                    }
                }
            }
        }
        if (role.hasSpecialty()) {
            p.set("service", Codes.codedText(role.getSpecialtyFirstRep(), in, in.path(role) + ".specialty[0]"));
        }
        if (role.hasTelecom()) {
            Tree.put(p, "contactDetails", role.getTelecomFirstRep().getValue());
        }
        return Tree.merge(p, in.remainder(role));
    }

    static ObjectNode organisation(Organization org) {
        ObjectNode o = Tree.obj();
        Tree.put(o, "code", ods(org.getIdentifier()));
        Tree.put(o, "text", org.getName());
        return o;
    }

    // ---------------------------------------------------------------- consent

    static Consent consent(Out out, Src consent, Patient patient) {
        Consent c = out.add(new Consent());
        c.setStatus(Consent.ConsentState.ACTIVE);
        c.setScope(Codes.marker(Urls.CONSENT_SCOPE, "patient-privacy", "Privacy Consent"));
        c.addCategory(Codes.marker(Urls.ACT_CODE, "INFA", "information access"));
        c.setPatient(out.ref(patient));
        c.setPolicyRule(Codes.marker(Urls.ACT_CODE, "OPTIN", "opt-in"));
        String text = consent.str("consentForInformationSharing");
        if (text != null) {
            c.setText(narrative(text));
            // the consent as recorded is the source the Consent is based on: kept byte for byte
            c.setSource(new org.hl7.fhir.r4.model.Attachment().setContentType(TEXT_PLAIN)
                    .setData(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        Out.remainder(c, consent);
        return c;
    }

    static final String TEXT_PLAIN = "text/plain;charset=utf-8";

    /** The consent as recorded: Linkway's text attachment, else another system's narrative. */
    static String consentText(Consent c) {
        if (c.hasSourceAttachment() && c.getSourceAttachment().hasData()
                && c.getSourceAttachment().getContentType() != null && c.getSourceAttachment().getContentType().startsWith("text/plain")) {
            return new String(c.getSourceAttachment().getData(), java.nio.charset.StandardCharsets.UTF_8);
        }
        if (c.hasText()) {
            String text = c.getText().getDiv().allText();
            return text == null || text.isBlank() ? null : text.strip();
        }
        return null;
    }

    static Narrative narrative(String text) {
        Narrative n = new Narrative();
        n.setStatus(Narrative.NarrativeStatus.GENERATED);
        n.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>" + escape(text) + "</p></div>");
        return n;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    // ---------------------------------------------------------------- referral details -> ServiceRequest

    /** The Patient for a message's personDemographics, taken out of {@code root}; an empty one when there are none. */
    static Patient patientOf(Out out, Src root) {
        Src pd = root.detach("personDemographics");
        return pd != null ? patient(out, pd) : out.add(new Patient());
    }

    /**
     * Each referral details entry as a ServiceRequest about {@code patient}, with {@code adjust}
     * applied and what FHIR has no element for kept on it; the entries are taken out of {@code root}.
     */
    static List<ServiceRequest> referralRequests(Out out, Src root, Patient patient, java.util.function.Consumer<ServiceRequest> adjust) {
        List<ServiceRequest> requests = new java.util.ArrayList<>();
        Src details = root.child("referralDetails");
        if (details != null) {
            for (Src e : details.detachItems("entries")) {
                ServiceRequest sr = referralEntry(out, e, patient);
                adjust.accept(sr);
                requests.add(sr);
                Out.remainder(sr, e);
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
            sr.addIdentifier().setSystem(Urls.ID_REFERRER_REFERRAL).setValue(placerId)
                    .setType(Codes.marker(Urls.V2_0203, "PLAC", "Placer Identifier"));
        }
    }

    static ServiceRequest referralEntry(Out out, Src e, Patient patient) {
        return referralEntry(out, e, out.ref(patient));
    }

    static ServiceRequest referralEntry(Out out, Src e, Reference subject) {
        ServiceRequest sr = out.add(new ServiceRequest());
        sr.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
        sr.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        sr.setCode(Codes.marker(Urls.SNOMED, Urls.REFERRAL_TO_SP, Urls.REFERRAL_TO_SP_DISPLAY));
        sr.setSubject(subject);
        String date = e.str("date");
        if (date != null) {
            sr.setAuthoredOnElement(Dates.dateTime(date));
        }
        Src referrer = e.detach("referrerDetails");
        if (referrer != null) {
            PractitionerRole role = party(out, referrer);
            sr.setRequester(out.ref(role));
            Out.remainder(role, referrer);
        }
        Src to = e.detach("referralTo");
        if (to != null) {
            Src service = to.child("service");
            if (service != null) {
                sr.setPerformerType(Codes.concept(service));
            }
            // a service with no person or organisation named is only a performer type, not a performer
            if (to.rest() != null) {
                PractitionerRole role = party(out, to);
                sr.addPerformer(out.ref(role));
                Out.remainder(role, to);
            }
        }
        Src reason = e.child("reasonForReferral");
        if (reason != null && reason.peek("text") != null) {
            sr.addReasonCode().setText(reason.str("text"));
        }
        Out.ext(sr, Extensions.REFERRAL_METHOD, codeType(e, "referralMethod"));
        String returnTo = e.str("returnResponseTo");
        Out.ext(sr, Extensions.RETURN_RESPONSE_TO, returnTo == null ? null : new StringType(returnTo));
        return sr;
    }

    static ObjectNode referralEntry(ServiceRequest sr, In in) {
        String path = in.path(sr);
        ObjectNode e = Tree.obj();
        if (sr.hasAuthoredOnElement()) {
            e.put("date", sr.getAuthoredOnElement().getValueAsString());
        }
        if (sr.hasRequester()) {
            PractitionerRole role = in.resolve(sr.getRequester(), PractitionerRole.class, path + ".requester");
            if (role != null) {
                e.set("referrerDetails", party(role, in));
            }
        }
        ObjectNode to = null;
        if (sr.hasPerformer()) {
            PractitionerRole role = in.resolve(sr.getPerformerFirstRep(), PractitionerRole.class, path + ".performer[0]");
            if (role != null) {
                to = party(role, in);
            }
        }
        if (sr.hasPerformerType()) {
            to = to == null ? Tree.obj() : to;
            ObjectNode service = Codes.codedText(sr.getPerformerType(), in, path + ".performerType");
            // what the performer's resource kept of the service (a value FHIR could not hold) joins it
            if (to.get("service") instanceof ObjectNode kept) {
                Tree.merge(service, kept);
            }
            to.set("service", service);
        }
        Tree.put(e, "referralTo", to);
        if (sr.hasReasonCode() && sr.getReasonCodeFirstRep().hasText()) {
            e.set("reasonForReferral", Tree.obj().put("text", sr.getReasonCodeFirstRep().getText()));
        }
        Tree.put(e, "referralMethod", in.extText(sr.getExtension(), Extensions.REFERRAL_METHOD.url()));
        Tree.put(e, "returnResponseTo", in.extText(sr.getExtension(), Extensions.RETURN_RESPONSE_TO.url()));
        return Tree.merge(e, in.remainder(sr));
    }

    // ---------------------------------------------------------------- conditions

    static Condition condition(Out out, Patient patient, String kind, String kindDisplay) {
        Condition c = out.add(new Condition());
        c.addCategory(Codes.marker(Urls.CS_RECORD_KIND, kind, kindDisplay));
        c.setSubject(out.ref(patient));
        return c;
    }

    static Condition problem(Out out, Src e, Patient patient) {
        Condition c = out.add(new Condition());
        c.addCategory(Codes.marker(Urls.CONDITION_CATEGORY, "problem-list-item", "Problem List Item"));
        c.setSubject(out.ref(patient));
        c.setCode(Codes.concept(e.child("problem")));
        String onset = e.str("onsetDate");
        if (onset != null) {
            c.setOnset(Dates.dateTime(onset));
        }
        String end = e.str("endDate");
        if (end != null) {
            c.setAbatement(Dates.dateTime(end));
        }
        c.setClinicalStatus(Codes.marker(Urls.CONDITION_CLINICAL, end == null ? "active" : "resolved", end == null ? "Active" : "Resolved"));
        String stage = e.str("stageOfDisease");
        if (stage != null) {
            c.addStage().setSummary(new CodeableConcept().setText(stage));
        }
        List<String> comments = e.strings("comments");
        if (comments != null) {
            comments.forEach(t -> c.addNote(new Annotation().setText(t)));
        }
        Out.remainder(c, e);
        return c;
    }

    static ObjectNode problem(Condition c, In in) {
        String path = in.path(c);
        ObjectNode e = Tree.obj();
        e.set("problem", Codes.codedText(c.getCode(), in, path + ".code"));
        if (c.hasOnsetDateTimeType()) {
            e.put("onsetDate", c.getOnsetDateTimeType().getValueAsString());
        }
        if (c.hasAbatementDateTimeType()) {
            e.put("endDate", c.getAbatementDateTimeType().getValueAsString());
        }
        if (c.hasStage() && c.getStageFirstRep().hasSummary()) {
            Tree.put(e, "stageOfDisease", c.getStageFirstRep().getSummary().getText());
        }
        ArrayNode comments = Tree.arr();
        c.getNote().forEach(n -> comments.add(n.getText()));
        Tree.put(e, "comments", comments);
        return Tree.merge(e, in.remainder(c));
    }

    // ---------------------------------------------------------------- risks and safeguarding -> Flag

    static Flag risk(Out out, Src e, Patient patient) {
        Flag f = out.add(new Flag());
        f.setStatus(Flag.FlagStatus.ACTIVE);
        f.addCategory(Codes.marker(Urls.CS_RECORD_KIND, "risk", "Risk"));
        f.setCode(Codes.concept(e.child("risk")));
        f.setSubject(out.ref(patient));
        f.setPeriod(period(e.str("startDateOfRisk"), e.str("endDateOfRisk")));
        comment(f, e, "comment");
        Out.remainder(f, e);
        return f;
    }

    static ObjectNode risk(Flag f, In in) {
        ObjectNode e = Tree.obj();
        if (f.hasPeriod()) {
            Tree.put(e, "startDateOfRisk", f.getPeriod().hasStart() ? f.getPeriod().getStartElement().getValueAsString() : null);
            Tree.put(e, "endDateOfRisk", f.getPeriod().hasEnd() ? f.getPeriod().getEndElement().getValueAsString() : null);
        }
        e.set("risk", Codes.codedText(f.getCode(), in, in.path(f) + ".code"));
        Tree.put(e, "comment", in.extText(f.getExtension(), Extensions.FLAG_COMMENT.url()));
        return Tree.merge(e, in.remainder(f));
    }

    static Flag safeguarding(Out out, Src e, Patient patient) {
        Flag f = out.add(new Flag());
        f.setStatus(Flag.FlagStatus.ACTIVE);
        f.addCategory(Codes.marker(Urls.CS_RECORD_KIND, "safeguarding", "Safeguarding"));
        Src concern = e.child("safeguardingConcerns");
        f.setCode(concern != null ? Codes.concept(concern) : Codes.marker(Urls.CS_RECORD_KIND, "safeguarding", "Safeguarding"));
        f.setSubject(out.ref(patient));
        f.setPeriod(period(e.str("safeguardingConcernsDate"), e.str("safeguardingConcernsEndDate")));
        indicator(f, e, "safeguardingIndicator", Extensions.SAFEGUARDING_INDICATOR);
        comment(f, e, "comment");
        Out.remainder(f, e);
        return f;
    }

    static ObjectNode safeguarding(Flag f, In in) {
        ObjectNode e = Tree.obj();
        if (f.hasPeriod()) {
            Tree.put(e, "safeguardingConcernsDate", f.getPeriod().hasStart() ? f.getPeriod().getStartElement().getValueAsString() : null);
            Tree.put(e, "safeguardingConcernsEndDate", f.getPeriod().hasEnd() ? f.getPeriod().getEndElement().getValueAsString() : null);
        }
        if (!Codes.is(f.getCode(), Urls.CS_RECORD_KIND, "safeguarding")) {
            e.set("safeguardingConcerns", Codes.codedText(f.getCode(), in, in.path(f) + ".code"));
        }
        readIndicator(f, in, e, "safeguardingIndicator", Extensions.SAFEGUARDING_INDICATOR);
        Tree.put(e, "comment", in.extText(f.getExtension(), Extensions.FLAG_COMMENT.url()));
        return Tree.merge(e, in.remainder(f));
    }

    /** A free-text comment on a Flag, which has no note element. */
    static void comment(Flag f, Src e, String name) {
        String text = e.str(name);
        Out.ext(f, Extensions.FLAG_COMMENT, text == null ? null : new StringType(text));
    }

    /** A yes/no indicator on a Flag: its extension, and an inactive Flag when it is no. */
    static void indicator(Flag f, Src e, String name, Extensions.Def def) {
        Boolean b = e.bool(name);
        if (b != null) {
            f.addExtension(new Extension(def.url(), new org.hl7.fhir.r4.model.BooleanType(b)));
            if (!b) {
                f.setStatus(Flag.FlagStatus.INACTIVE);
            }
        }
    }

    /** The indicator back: from its extension, or 'no' for an inactive Flag from another system. */
    static void readIndicator(Flag f, In in, ObjectNode e, String name, Extensions.Def def) {
        Boolean b = in.extBool(f.getExtension(), def.url());
        if (b == null && f.getStatus() == Flag.FlagStatus.INACTIVE) {
            b = false;
        }
        if (b != null) {
            e.put(name, b);
        }
    }

    static Period period(String start, String end) {
        if (start == null && end == null) {
            return null;
        }
        Period p = new Period();
        if (start != null) {
            p.setStartElement(Dates.dateTime(start));
        }
        if (end != null) {
            p.setEndElement(Dates.dateTime(end));
        }
        return p;
    }

    // ---------------------------------------------------------------- assessments -> Observation

    static Observation assessment(Out out, Src e, Patient patient) {
        return assessment(out, e, out.ref(patient));
    }

    static Observation assessment(Out out, Src e, Reference subject) {
        Observation o = out.add(new Observation());
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(Codes.marker(Urls.OBSERVATION_CATEGORY, "survey", "Survey"));
        String type = e.str("assessmentType");
        if (type != null) {
            // the kind of assessment, in PRSB's words: a text-only category beside 'survey'
            o.addCategory().setText(type);
        }
        o.setSubject(subject);
        String summary = e.str("assessmentSummary");
        if (summary != null) {
            o.setValue(new StringType(summary));
        }
        String comment = e.str("comment");
        if (comment != null) {
            o.addNote().setText(comment);
        }
        Src sa = e.child("structuredAssessment");
        Src name = sa == null ? null : sa.child("structuredAssessmentName");
        o.setCode(name != null ? Codes.concept(name) : Codes.marker(Urls.CS_RECORD_KIND, "assessment", "Assessment"));
        if (sa != null) {
            Src result = sa.child("assessmentResult");
            if (result != null) {
                o.addComponent(score(result, "assessmentScore", "total-score", "Total score"));
            }
            List<Src> subs = sa.items("subscaleResult");
            if (result == null && !subs.isEmpty()) {
                // keeps the total in first place, so subscales are never read back as the total
                o.addComponent().setCode(Codes.marker(Urls.CS_RECORD_KIND, "total-score", "Total score"));
            }
            for (Src sub : subs) {
                o.addComponent(score(sub, "subscaleScore", "subscale-score", "Subscale score"));
            }
        }
        Out.remainder(o, e);
        return o;
    }

    private static Observation.ObservationComponentComponent score(Src s, String codeName, String marker, String markerDisplay) {
        Observation.ObservationComponentComponent c = new Observation.ObservationComponentComponent();
        Src code = s.child(codeName);
        c.setCode(code != null ? Codes.concept(code) : Codes.marker(Urls.CS_RECORD_KIND, marker, markerDisplay));
        BigDecimal value = s.number("value");
        if (value != null) {
            Quantity q = new Quantity().setValue(value);
            q.setUnit(s.str("unitsOfMeasure"));
            c.setValue(q);
        }
        Src ordinal = s.child("ordinal");
        if (ordinal != null) {
            c.addInterpretation(Codes.concept(ordinal));
        }
        return c;
    }

    static ObjectNode assessment(Observation o, In in) {
        String path = in.path(o);
        ObjectNode e = Tree.obj();
        ObjectNode sa = Tree.obj();
        if (!Codes.is(o.getCode(), Urls.CS_RECORD_KIND, "assessment")) {
            sa.set("structuredAssessmentName", Codes.codedText(o.getCode(), in, path + ".code"));
        }
        ArrayNode subs = Tree.arr();
        for (int i = 0; i < o.getComponent().size(); i++) {
            Observation.ObservationComponentComponent c = o.getComponent().get(i);
            boolean total = !Codes.is(c.getCode(), Urls.CS_RECORD_KIND, "subscale-score") && !sa.has("assessmentResult") && i == 0;
            ObjectNode r = Tree.obj();
            String marker = total ? "total-score" : "subscale-score";
            if (!Codes.is(c.getCode(), Urls.CS_RECORD_KIND, marker)) {
                r.set(total ? "assessmentScore" : "subscaleScore", Codes.codedText(c.getCode(), in, path + ".component[" + i + "].code"));
            }
            if (c.hasValueQuantity()) {
                r.put("value", c.getValueQuantity().getValue());
                Tree.put(r, "unitsOfMeasure", c.getValueQuantity().getUnit());
            }
            if (c.hasInterpretation()) {
                r.set("ordinal", Codes.codedText(c.getInterpretationFirstRep(), in, path + ".component[" + i + "].interpretation[0]"));
            }
            if (total) {
                if (!r.isEmpty()) {
                    sa.set("assessmentResult", r);
                } else {
                    sa.putObject("assessmentResult");
                    sa.remove("assessmentResult");
                }
            } else {
                subs.add(r);
            }
        }
        Tree.put(sa, "subscaleResult", subs);
        Tree.put(e, "structuredAssessment", sa);
        for (CodeableConcept category : o.getCategory()) {
            if (!category.hasCoding() && category.hasText() && !e.has("assessmentType")) {
                e.put("assessmentType", category.getText());
            }
        }
        if (o.hasValueStringType()) {
            Tree.put(e, "assessmentSummary", o.getValueStringType().getValue());
        }
        if (o.hasNote()) {
            Tree.put(e, "comment", o.getNoteFirstRep().getText());
        }
        return Tree.merge(e, in.remainder(o));
    }

    static boolean hasKind(CodeableConcept cc, String kind) {
        return Codes.is(cc, Urls.CS_RECORD_KIND, kind);
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
