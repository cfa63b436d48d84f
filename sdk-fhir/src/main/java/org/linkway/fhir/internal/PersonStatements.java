package org.linkway.fhir.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * About me, Social context and the clinical summary, one FHIR Observation per PRSB statement
 * (Gravity-style social history), coded {@code record-kind|code} so each reads back to its
 * section and property; the smoking status as an Observation of its own.
 */
final class PersonStatements {

    /** How a PRSB value sits in Observation.value[x]. */
    enum Shape {
        TEXT,
        CODED_TEXT,
        CODE_AND_TEXT
    }

    /** One PRSB statement: section.property <-> an Observation coded {@code record-kind|code}. */
    record Statement(
            String section, String property, String code, String display, Shape shape, boolean socialHistory) {}

    static final List<Statement> STATEMENTS = new ArrayList<>();

    static {
        about("whatIsMostImportantToMe", "What is most important to me");
        about("peopleWhoAreImportantToMe", "People who are important to me");
        about("howICommunicateAndHowToCommunicateWithMe", "How I communicate and how to communicate with me");
        about("myWellness", "My wellness");
        about("pleaseDoAndPleaseDont", "Please do and please don't");
        about("howAndWhenToSupportMe", "How and when to support me");
        about("alsoWorthKnowingAboutMe", "Also worth knowing about me");
        about("supportedToWriteThisBy", "Supported to write this by");
        about("locationToMultimediaFile", "Location to multimedia file");
        social("householdComposition", "Household composition", Shape.CODED_TEXT);
        social("occupationalHistory", "Occupational history", Shape.CODED_TEXT);
        social("educationalHistory", "Educational history", Shape.TEXT);
        social("lifestyleChoices", "Lifestyle choices", Shape.TEXT);
        social("alcoholIntake", "Alcohol intake", Shape.CODED_TEXT);
        social("drugSubstanceUse", "Drug/substance use", Shape.CODED_TEXT);
        social("socialCircumstances", "Social circumstances", Shape.TEXT);
        social("access", "Access", Shape.TEXT);
        social("dependants", "Dependants", Shape.TEXT);
        social("accommodationStatus", "Accommodation status", Shape.CODE_AND_TEXT);
        social("householdEnvironment", "Household environment", Shape.TEXT);
        STATEMENTS.add(new Statement(
                "clinicalSummary", "clinicalSummary", "clinical-summary", "Clinical summary", Shape.TEXT, false));
    }

    private static void about(String property, String display) {
        STATEMENTS.add(new Statement(
                "aboutMe", property, "about-me-" + kebab(property), "About me: " + display, Shape.TEXT, false));
    }

    private static void social(String property, String display, Shape shape) {
        STATEMENTS.add(new Statement("socialContext", property, kebab(property), display, shape, true));
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    static final String SMOKING_STATUS = "smoking-status";
    static final String DATE_STOPPED_SMOKING = "date-stopped-smoking";

    private PersonStatements() {}

    /** Writes each statement of About me, Social context and the clinical summary, and the smoking status, taken out of {@code root}. */
    static void write(FhirBundleWriter out, LinkwayJsonSource root, Patient patient, List<Resource> written) {
        for (Statement st : STATEMENTS) {
            LinkwayJsonSource section = root.child(st.section());
            if (section == null) {
                continue;
            }
            Observation o = statement(out, section, st, patient);
            if (o != null) {
                written.add(o);
            }
        }
        LinkwayJsonSource social = root.child("socialContext");
        if (social != null) {
            LinkwayJsonSource smoking = social.child("smokingStatus");
            if (smoking != null && !smoking.view().isEmpty()) {
                written.add(smoking(out, smoking, patient));
            }
        }
    }

    /**
     * Reads the statements back, and the smoking status; mobility needs, an individual requirement
     * held in an Observation, are met in the same pass and left in {@code mobility}.
     */
    static void read(FhirBundleReader in, ObjectNode msg, ArrayNode mobility) {
        for (Observation o : in.all(Observation.class)) {
            if (in.isUsed(o)) {
                continue;
            }
            String p = in.path(o);
            Statement st = statementOf(o);
            if (st != null) {
                in.use(o);
                JsonNode value = null;
                if (st.shape() == Shape.TEXT && o.hasValueStringType()) {
                    value = LinkwayJsonBuilder.F.stringNode(
                            o.getValueStringType().getValue());
                } else if (st.shape() == Shape.CODED_TEXT && o.hasValueCodeableConcept()) {
                    value = Codes.codedText(o.getValueCodeableConcept(), in, p + ".valueCodeableConcept");
                } else if (st.shape() == Shape.CODE_AND_TEXT && o.hasValueCodeableConcept()) {
                    CodeableConcept cc = o.getValueCodeableConcept();
                    ObjectNode v = LinkwayJsonBuilder.obj();
                    LinkwayJsonBuilder.put(
                            v, "code", cc.hasCoding() ? cc.getCodingFirstRep().getCode() : null);
                    LinkwayJsonBuilder.put(v, "text", cc.getText());
                    value = v;
                } else if (o.hasValue()) {
                    in.unmapped(
                            p + ".value[x]",
                            "PRSB " + st.display() + " is not a " + o.getValue().fhirType()
                                    + "; the value was not carried over.");
                }
                if (value != null) {
                    PersonRecords.section(msg, st.section()).set(st.property(), value);
                }
                in.remainder(o);
            } else if (Codes.is(o.getCode(), Urls.CS_RECORD_KIND, SMOKING_STATUS)) {
                in.use(o);
                PersonRecords.section(msg, "socialContext").set("smokingStatus", smoking(o, in));
            } else if (Codes.is(o.getCode(), Urls.CS_RECORD_KIND, IndividualRequirementsSection.MOBILITY_NEEDS)) {
                in.use(o);
                ObjectNode e = LinkwayJsonBuilder.obj();
                if (o.hasValueCodeableConcept()) {
                    e.set(
                            "mobilityNeeds",
                            Codes.codedText(o.getValueCodeableConcept(), in, p + ".valueCodeableConcept"));
                }
                mobility.add(LinkwayJsonBuilder.merge(e, in.remainder(o)));
            }
        }
    }

    private static Observation statement(
            FhirBundleWriter out, LinkwayJsonSource section, Statement st, Patient patient) {
        JsonNode v = section.view().get(st.property());
        if (v == null) {
            return null;
        }
        Type value = null;
        if (st.shape() == Shape.TEXT && v.isString()) {
            value = new StringType(section.str(st.property()));
        } else if (st.shape() == Shape.CODED_TEXT && v instanceof ObjectNode o && !o.isEmpty()) {
            value = Codes.concept(section.child(st.property()));
        } else if (st.shape() == Shape.CODE_AND_TEXT && v instanceof ObjectNode o && !o.isEmpty()) {
            LinkwayJsonSource c = section.child(st.property());
            CodeableConcept cc = new CodeableConcept();
            String code = c.str("code");
            if (code != null) {
                cc.addCoding(new Coding().setCode(code));
            }
            cc.setText(c.str("text"));
            value = cc;
        }
        if (value == null) {
            return null;
        }
        Observation o = observation(out, st.code(), st.display(), st.socialHistory(), patient);
        o.setValue(value);
        return o;
    }

    static Observation observation(
            FhirBundleWriter out, String code, String display, boolean socialHistory, Patient patient) {
        Observation o = out.add(new Observation());
        o.setStatus(Observation.ObservationStatus.FINAL);
        if (socialHistory) {
            o.addCategory(Codes.marker(Urls.OBSERVATION_CATEGORY, "social-history", "Social History"));
        }
        o.setCode(Codes.marker(Urls.CS_RECORD_KIND, code, display));
        o.setSubject(out.ref(patient));
        return o;
    }

    private static Observation smoking(FhirBundleWriter out, LinkwayJsonSource s, Patient patient) {
        Observation o = observation(out, SMOKING_STATUS, "Smoking status", true, patient);
        // the LOINC code for tobacco smoking status, so systems that know it find it
        o.getCode().addCoding(new Coding("http://loinc.org", "72166-2", "Tobacco smoking status"));
        LinkwayJsonSource status = s.child("smokingStatus");
        if (status != null && !status.view().isEmpty()) {
            o.setValue(Codes.concept(status));
        }
        String details = s.str("smokingStatusDetails");
        if (details != null) {
            o.addNote().setText(details);
        }
        LinkwayJsonSource stopped = s.child("dateStoppedSmoking");
        if (stopped != null && !stopped.view().isEmpty()) {
            Observation.ObservationComponentComponent c = o.addComponent();
            LinkwayJsonSource coding = stopped.child("coding");
            c.setCode(
                    coding != null
                            ? new CodeableConcept().addCoding(Codes.coding(coding))
                            : Codes.marker(Urls.CS_RECORD_KIND, DATE_STOPPED_SMOKING, "Date stopped smoking"));
            String date = stopped.str("date");
            if (date != null) {
                c.setValue(Dates.dateTime(date));
            }
        }
        return o;
    }

    private static Statement statementOf(Observation o) {
        for (Statement st : STATEMENTS) {
            if (Codes.is(o.getCode(), Urls.CS_RECORD_KIND, st.code())) {
                return st;
            }
        }
        return null;
    }

    private static ObjectNode smoking(Observation o, FhirBundleReader in) {
        String p = in.path(o);
        ObjectNode s = LinkwayJsonBuilder.obj();
        if (o.hasValueCodeableConcept()) {
            s.set("smokingStatus", Codes.codedText(o.getValueCodeableConcept(), in, p + ".valueCodeableConcept"));
        }
        if (o.hasNote()) {
            LinkwayJsonBuilder.put(
                    s, "smokingStatusDetails", o.getNoteFirstRep().getText());
        }
        if (o.hasComponent()) {
            var c = o.getComponentFirstRep();
            ObjectNode stopped = LinkwayJsonBuilder.obj();
            if (!Codes.is(c.getCode(), Urls.CS_RECORD_KIND, DATE_STOPPED_SMOKING)
                    && c.getCode().hasCoding()) {
                stopped.set(
                        "coding",
                        Codes.coding(c.getCode().getCodingFirstRep(), in, p + ".component[0].code.coding[0]"));
            }
            if (c.hasValueDateTimeType()) {
                stopped.put("date", c.getValueDateTimeType().getValueAsString());
            }
            s.set("dateStoppedSmoking", stopped);
        }
        return LinkwayJsonBuilder.merge(s, in.remainder(o));
    }
}
