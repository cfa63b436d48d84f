package org.linkway.fhir.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.linkway.validation.Rule;
import org.linkway.validation.Severity;
import org.linkway.validation.checks.NhsNumber;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The PRSB person demographics section as a FHIR Patient, written and read back side by side so the two
 * directions cannot drift apart; the demographics FHIR has no Patient element for are social-history
 * Observations about the Patient ({@link #PERSON_OBSERVATIONS}).
 */
final class PersonSection {

    static final String OTHER_IDENTIFIER = "Other identifier";
    /** PRSB person demographics coded as social-history Observations about the Patient: property -> {code, display}. */
    static final Map<String, String[]> PERSON_OBSERVATIONS = new LinkedHashMap<>();

    static {
        PERSON_OBSERVATIONS.put("carerStatus", new String[] {"carer-status", "Carer status"});
        PERSON_OBSERVATIONS.put("sexualOrientation", new String[] {"sexual-orientation", "Sexual orientation"});
    }
    /** NHS Data Dictionary legal marital status codes that mean the same in HL7 v3 MaritalStatus. */
    static final Map<String, String> MARITAL =
            Map.of("S", "Never Married", "M", "Married", "D", "Divorced", "W", "Widowed");

    private static final Pattern FHIR_CODE = Pattern.compile("[^\\s]+( [^\\s]+)*");

    private PersonSection() {}

    // ---------------------------------------------------------------- person -> Patient

    static Patient patient(FhirBundleWriter out, LinkwayJsonSource pd) {
        Patient p = out.add(new Patient());
        writeNames(p, pd.child("name"));
        String dob = pd.str("dateOfBirth");
        if (dob != null) {
            p.setBirthDateElement(new DateType(dob));
        }
        String stated = pd.peek("gender");
        AdministrativeGender gender = stated == null ? null : UkCore.GENDER.get(stated);
        if (gender != null) {
            pd.str("gender");
            p.setGender(gender);
        }
        writeIdentifiers(p, pd);
        FhirBundleWriter.ext(p, Extensions.SEX, codeType(pd, "sex"));
        FhirBundleWriter.ext(
                p, UkCore.coded(UkCore.EXT_ETHNIC_CATEGORY, UkCore.CS_ETHNIC_CATEGORY, codeType(pd, "ethnicity")));
        String pronoun = pd.str("pronoun");
        FhirBundleWriter.ext(p, Extensions.PRONOUN, pronoun == null ? null : new StringType(pronoun));
        PrsbHomes.writeImmigrationStatus(p, pd.child("immigrationStatus"));
        String marital = pd.peek("maritalStatus");
        if (marital != null && MARITAL.containsKey(marital)) {
            pd.str("maritalStatus");
            p.setMaritalStatus(Codes.marker(Urls.V3_MARITAL_STATUS, marital, MARITAL.get(marital)));
        }
        writeBirthPlace(p, pd.str("placeOfBirth"));
        writeAddress(p, pd.child("address"));
        PersonContactDetails.writeContactDetails(p, pd.child("contactDetails"));
        LinkwayJsonSource religion = pd.child("religion");
        if (religion != null && !religion.view().isEmpty()) {
            p.addExtension(new Extension(Urls.EXT_RELIGION, new CodeableConcept().addCoding(Codes.coding(religion))));
        }
        writeSocialHistory(out, p, pd);
        PersonContactDetails.writeRelevantContacts(out, p, pd.str("relevantContacts"));
        FhirBundleWriter.remainder(p, pd);
        return p;
    }

    private static void writeNames(Patient p, LinkwayJsonSource n) {
        if (n == null) {
            return;
        }
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
        } else if (family != null && family.isArray() && family.size() > 1) {
            // R4 has one family element: a FHIR reader sees the names as one surname, space-joined,
            // and the list itself stays in linkway-data so Linkway reads back exactly the names given
            List<String> names = new ArrayList<>();
            family.forEach(f -> names.add(f.asString()));
            h.setFamily(String.join(" ", names));
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

    private static void writeIdentifiers(Patient p, LinkwayJsonSource pd) {
        String nhs = pd.str("nhsNumber");
        if (nhs != null) {
            Identifier id = p.addIdentifier().setSystem(Urls.NHS_NUMBER).setValue(nhs);
            String status = pd.str("nhsNumberStatusIndicator");
            if (status != null) {
                id.addExtension(UkCore.coded(
                        UkCore.EXT_NHS_NUMBER_VERIFICATION, UkCore.CS_NHS_NUMBER_VERIFICATION, new CodeType(status)));
            }
        }
        List<String> others = pd.strings("otherIdentifiers");
        if (others != null) {
            // PRSB gives no issuer for these, so they carry no system: a type names them
            others.forEach(v -> p.addIdentifier()
                    .setType(new CodeableConcept().setText(OTHER_IDENTIFIER))
                    .setValue(v));
        }
    }

    private static void writeBirthPlace(Patient p, String birthPlace) {
        if (birthPlace == null) {
            return;
        }
        Address where = new Address();
        if (birthPlace.matches("[A-Z]{3}")) {
            where.setCountry(birthPlace);
        } else {
            where.setText(birthPlace);
        }
        p.addExtension(new Extension(Urls.EXT_BIRTH_PLACE, where));
    }

    private static void writeAddress(Patient p, LinkwayJsonSource a) {
        if (a == null) {
            return;
        }
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

    /** The demographics FHIR holds as social-history Observations about the Patient. */
    private static void writeSocialHistory(FhirBundleWriter out, Patient p, LinkwayJsonSource pd) {
        for (var po : PERSON_OBSERVATIONS.entrySet()) {
            LinkwayJsonSource coding = pd.child(po.getKey());
            if (coding != null && !coding.view().isEmpty()) {
                Observation o = out.add(new Observation());
                o.setStatus(Observation.ObservationStatus.FINAL);
                o.addCategory(Codes.marker(Urls.OBSERVATION_CATEGORY, "social-history", "Social History"));
                o.setCode(Codes.marker(Urls.CS_RECORD_KIND, po.getValue()[0], po.getValue()[1]));
                o.setSubject(out.ref(p));
                o.setValue(new CodeableConcept().addCoding(Codes.coding(coding)));
            }
        }
    }

    /** Takes a string as a FHIR code when it is one (no leading, trailing or double spaces); else it stays. */
    static CodeType codeType(LinkwayJsonSource s, String name) {
        String v = s.peek(name);
        if (v == null || !FHIR_CODE.matcher(v).matches()) {
            return null;
        }
        return new CodeType(s.str(name));
    }

    static ObjectNode person(Patient p, FhirBundleReader in) {
        String path = in.path(p);
        ObjectNode pd = LinkwayJsonBuilder.obj();
        readNames(p, pd, in, path);
        if (p.hasBirthDateElement()) {
            pd.put("dateOfBirth", p.getBirthDateElement().getValueAsString());
        }
        UkCore.GENDER.forEach((code, g) -> {
            if (p.getGender() == g) {
                pd.put("gender", code);
                in.consumed(path + ".gender");
            }
        });
        readIdentifiers(p, pd, in, path);
        readAddress(p, pd, in, path);
        PersonContactDetails.readContactDetails(p, pd, in, path);
        LinkwayJsonBuilder.put(pd, "sex", in.extText(p.getExtension(), Extensions.SEX.url()));
        LinkwayJsonBuilder.put(
                pd,
                "ethnicity",
                UkCore.readCode(
                        in,
                        p.getExtension(),
                        UkCore.EXT_ETHNIC_CATEGORY,
                        UkCore.CS_ETHNIC_CATEGORY,
                        Extensions.ETHNIC_CATEGORY.url()));
        LinkwayJsonBuilder.put(pd, "pronoun", in.extText(p.getExtension(), Extensions.PRONOUN.url()));
        PrsbHomes.readImmigrationStatus(p, pd, in);
        readMaritalStatus(p, pd, in, path);
        Address where = in.ext(p.getExtension(), Urls.EXT_BIRTH_PLACE, Address.class);
        if (where != null) {
            LinkwayJsonBuilder.put(pd, "placeOfBirth", where.hasCountry() ? where.getCountry() : where.getText());
        }
        LinkwayJsonBuilder.put(pd, "relevantContacts", PersonContactDetails.relevantContacts(p, in));
        CodeableConcept religion = in.ext(p.getExtension(), Urls.EXT_RELIGION, CodeableConcept.class);
        if (religion != null && religion.hasCoding()) {
            pd.set("religion", Codes.coding(religion.getCodingFirstRep(), in, path + ".extension('patient-religion')"));
        }
        readSocialHistory(p, pd, in);
        ObjectNode rest = in.remainder(p);
        if (rest != null && rest.path("name").has("familyNames") && pd.get("name") instanceof ObjectNode n) {
            n.remove("familyNames"); // several family names: the carrier has the list, family their join
        }
        return LinkwayJsonBuilder.merge(pd, rest);
    }

    /** One official name and one preferred name; further names are reported, not carried. */
    private static void readNames(Patient p, ObjectNode pd, FhirBundleReader in, String path) {
        for (int i = 0; i < p.getName().size(); i++) {
            HumanName h = p.getName().get(i);
            if (h.getUse() == HumanName.NameUse.USUAL && h.hasText() && !pd.has("preferred")) {
                pd.put("preferred", h.getText());
            } else if (!pd.has("name")) {
                ObjectNode n = LinkwayJsonBuilder.obj();
                if (h.hasPrefix()) {
                    n.put("title", h.getPrefix().get(0).getValue());
                }
                ArrayNode given = LinkwayJsonBuilder.arr();
                h.getGiven().forEach(g -> given.add(g.getValue()));
                LinkwayJsonBuilder.put(n, "firstNames", given);
                if (h.hasFamily()) {
                    n.set("familyNames", LinkwayJsonBuilder.arr().add(h.getFamily()));
                }
                ArrayNode suffixes = LinkwayJsonBuilder.arr();
                h.getSuffix().forEach(g -> suffixes.add(g.getValue()));
                LinkwayJsonBuilder.put(n, "suffixes", suffixes);
                LinkwayJsonBuilder.put(n, "fullName", h.getText());
                pd.set("name", n);
            } else {
                in.unmapped(
                        path + ".name[" + i + "]",
                        "PRSB holds one name and a preferred name; this further name was not carried over.");
            }
        }
        JsonNode preferred = pd.remove("preferred");
        if (preferred != null) {
            ObjectNode n = pd.has("name") ? (ObjectNode) pd.get("name") : pd.putObject("name");
            n.set("preferredName", preferred);
        }
    }

    /** The NHS number (checked) and the other identifiers; a missing NHS number is a finding for information. */
    private static void readIdentifiers(Patient p, ObjectNode pd, FhirBundleReader in, String path) {
        boolean nhsFound = false;
        ArrayNode others = LinkwayJsonBuilder.arr();
        for (int i = 0; i < p.getIdentifier().size(); i++) {
            Identifier id = p.getIdentifier().get(i);
            String ip = path + ".identifier[" + i + "]";
            if (Urls.NHS_NUMBER.equals(id.getSystem()) && !nhsFound) {
                nhsFound = true;
                String value = id.getValue();
                var problem = NhsNumber.problem(value == null ? "" : value);
                if (problem.isPresent()) {
                    in.error(
                            Rule.NHS_NUMBER,
                            ip + ".value",
                            "The NHS number '" + value + "' is not valid: " + problem.get() + ".");
                }
                LinkwayJsonBuilder.put(pd, "nhsNumber", value);
                for (int j = 0; j < id.getExtension().size(); j++) {
                    Extension x = id.getExtension().get(j);
                    if (Urls.EXT_NHS_NUMBER_STATUS.equals(x.getUrl()) && x.getValue() instanceof CodeType code) {
                        pd.put("nhsNumberStatusIndicator", code.getValue()); // Linkway's retired extension
                    } else if (UkCore.EXT_NHS_NUMBER_VERIFICATION.equals(x.getUrl())
                            && x.getValue() instanceof CodeableConcept cc
                            && cc.getCodingFirstRep().hasCode()) {
                        pd.put(
                                "nhsNumberStatusIndicator",
                                cc.getCodingFirstRep().getCode());
                    } else {
                        in.unmapped(
                                ip + ".extension[" + j + "]",
                                "The extension '" + x.getUrl()
                                        + "' has no place in a Linkway message; it was not carried over.");
                    }
                }
            } else if (Urls.NHS_NUMBER.equals(id.getSystem())
                    || !id.hasValue()
                    || id.getValue().length() > 20) {
                in.unmapped(
                        ip,
                        "PRSB holds one NHS number and other identifiers of up to 20 characters; this identifier was not carried over.");
            } else {
                others.add(id.getValue());
                if (id.hasSystem()) {
                    in.unmapped(
                            ip + ".system",
                            "A PRSB other identifier is a bare value; its system ('" + id.getSystem()
                                    + "') was not carried over.");
                }
            }
        }
        LinkwayJsonBuilder.put(pd, "otherIdentifiers", others);
        if (!nhsFound) {
            in.add(
                    Rule.FHIR_NO_NHS_NUMBER,
                    Severity.INFORMATION,
                    path + ".identifier",
                    "No NHS number: PRSB allows that when it is not known; match the person on name, date of birth and address.");
        }
    }

    private static void readAddress(Patient p, ObjectNode pd, FhirBundleReader in, String path) {
        if (p.hasAddress()) {
            Address addr = p.getAddressFirstRep();
            ObjectNode a = LinkwayJsonBuilder.obj();
            List<String> lines = References.addressLines(addr);
            for (int i = 0; i < lines.size() && i < 5; i++) {
                a.put("addressLine" + (i + 1), lines.get(i));
            }
            LinkwayJsonBuilder.put(a, "postcode", addr.getPostalCode());
            if (addr.getUse() == Address.AddressUse.HOME) {
                a.put("addressType", "H");
            }
            pd.set("address", a);
            for (int i = 1; i < p.getAddress().size(); i++) {
                in.unmapped(
                        path + ".address[" + i + "]",
                        "PRSB holds one address; this further address was not carried over.");
            }
        }
    }

    private static void readMaritalStatus(Patient p, ObjectNode pd, FhirBundleReader in, String path) {
        if (p.hasMaritalStatus()) {
            String code = null;
            for (var coding : p.getMaritalStatus().getCoding()) {
                if (Urls.V3_MARITAL_STATUS.equals(coding.getSystem()) && MARITAL.containsKey(coding.getCode())) {
                    code = coding.getCode();
                }
            }
            if (code == null) {
                in.unmapped(
                        path + ".maritalStatus",
                        "Only the HL7 v3 marital status codes S, M, D and W have a PRSB equivalent; this one was not carried over.");
            }
            LinkwayJsonBuilder.put(pd, "maritalStatus", code);
        }
    }

    private static void readSocialHistory(Patient p, ObjectNode pd, FhirBundleReader in) {
        for (Observation o : in.all(Observation.class)) {
            if (in.isUsed(o) || !in.refersTo(o.getSubject(), p)) {
                continue;
            }
            for (var po : PERSON_OBSERVATIONS.entrySet()) {
                if (Codes.is(o.getCode(), Urls.CS_RECORD_KIND, po.getValue()[0]) && !pd.has(po.getKey())) {
                    in.use(o);
                    if (o.hasValueCodeableConcept()
                            && o.getValueCodeableConcept().hasCoding()) {
                        pd.set(
                                po.getKey(),
                                Codes.coding(
                                        o.getValueCodeableConcept().getCodingFirstRep(),
                                        in,
                                        in.path(o) + ".valueCodeableConcept.coding[0]"));
                    }
                    in.remainder(o);
                }
            }
        }
    }
}
