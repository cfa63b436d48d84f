package org.linkway.fhir.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The PRSB sections about the person that FHIR holds as records of their own: About me, Social
 * context and the clinical summary as Observations (Gravity-style social history), individual
 * requirements as Flags, Conditions and Observations (after the NHS reasonable adjustment flag),
 * plan and requested actions as Tasks, services and care as EpisodeOfCare.
 */
final class Records {

    /** How a PRSB value sits in Observation.value[x]. */
    enum Shape { TEXT, CODED_TEXT, CODE_AND_TEXT }

    /** One PRSB statement: section.property <-> an Observation coded {@code record-kind|code}. */
    record Statement(String section, String property, String code, String display, Shape shape, boolean socialHistory) { }

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
        STATEMENTS.add(new Statement("clinicalSummary", "clinicalSummary", "clinical-summary", "Clinical summary", Shape.TEXT, false));
    }

    private static void about(String property, String display) {
        STATEMENTS.add(new Statement("aboutMe", property, "about-me-" + kebab(property), "About me: " + display, Shape.TEXT, false));
    }

    private static void social(String property, String display, Shape shape) {
        STATEMENTS.add(new Statement("socialContext", property, kebab(property), display, shape, true));
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    static final String SMOKING_STATUS = "smoking-status";
    static final String DATE_STOPPED_SMOKING = "date-stopped-smoking";
    static final String MOBILITY_NEEDS = "mobility-needs";
    static final String IMPAIRMENT = "impairment";
    static final String REASONABLE_ADJUSTMENT = "reasonable-adjustment";
    static final String INDIVIDUAL_REQUIREMENT = "individual-requirement";
    static final String PLAN = "plan-and-requested-actions";
    static final Map<String, String> PLAN_INPUTS = new LinkedHashMap<>();
    static {
        PLAN_INPUTS.put("actionsForProfessionals", "Actions for professionals");
        PLAN_INPUTS.put("actionsForPersonOrTheirCarer", "Actions for person or their carer");
        PLAN_INPUTS.put("agreedWithThePersonOrTheirLegitimateRepresentative", "Agreed with the person or their legitimate representative");
    }

    /** Every record-kind code this class writes, with its display, for the CodeSystem. */
    static Map<String, String> codes() {
        Map<String, String> out = new LinkedHashMap<>();
        STATEMENTS.forEach(s -> out.put(s.code(), s.display()));
        out.put(SMOKING_STATUS, "Smoking status");
        out.put(DATE_STOPPED_SMOKING, "Date stopped smoking");
        out.put(MOBILITY_NEEDS, "Mobility needs");
        out.put(IMPAIRMENT, "Impairment");
        out.put(REASONABLE_ADJUSTMENT, "Reasonable adjustment");
        out.put(INDIVIDUAL_REQUIREMENT, "Other individual requirement");
        out.put(PLAN, "Plan and requested actions");
        Sections.PERSON_OBSERVATIONS.values().forEach(v -> out.put(v[0], v[1]));
        out.put(CarePlanMapper.STRENGTH, "Strength");
        out.put(CarePlanMapper.STAGE_GOAL, "Stage goal");
        out.put(Contacts.CONTACT, "Contact with professional");
        out.put(Contacts.SIGNPOST, "Signpost");
        PLAN_INPUTS.forEach((k, v) -> out.put(kebab(k), v));
        return out;
    }

    private Records() { }

    // ---------------------------------------------------------------- Linkway -> FHIR

    /** Writes every record this class knows from the message root; returns what ServiceRequest.supportingInfo should name. */
    static List<Resource> write(Out out, Src root, Patient patient) {
        List<Resource> written = new ArrayList<>();
        for (Statement st : STATEMENTS) {
            Src section = root.child(st.section());
            if (section == null) {
                continue;
            }
            Observation o = statement(out, section, st, patient);
            if (o != null) {
                written.add(o);
            }
        }
        Src social = root.child("socialContext");
        if (social != null) {
            Src smoking = social.child("smokingStatus");
            if (smoking != null && !smoking.view().isEmpty()) {
                written.add(smoking(out, smoking, patient));
            }
        }
        Src req = root.child("individualRequirements");
        if (req != null) {
            individualRequirements(out, req, patient, written);
        }
        Src plan = root.child("planAndRequestedActions");
        if (plan != null) {
            for (Src e : plan.detachItems("entries")) {
                Task t = out.add(new Task());
                t.setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.PLAN);
                t.setCode(Codes.marker(Urls.CS_RECORD_KIND, PLAN, "Plan and requested actions"));
                t.setFor(out.ref(patient));
                for (var in : PLAN_INPUTS.entrySet()) {
                    String text = e.str(in.getKey());
                    if (text != null) {
                        t.addInput().setType(Codes.marker(Urls.CS_RECORD_KIND, kebab(in.getKey()), in.getValue()))
                                .setValue(new StringType(text));
                    }
                }
                Out.remainder(t, e);
                written.add(t);
            }
        }
        Src services = root.child("servicesAndCare");
        if (services != null) {
            for (Src e : services.detachItems("entries")) {
                written.add(episode(out, e, patient));
            }
        }
        return written;
    }

    private static Observation statement(Out out, Src section, Statement st, Patient patient) {
        JsonNode v = section.view().get(st.property());
        if (v == null) {
            return null;
        }
        org.hl7.fhir.r4.model.Type value = null;
        if (st.shape() == Shape.TEXT && v.isString()) {
            value = new StringType(section.str(st.property()));
        } else if (st.shape() == Shape.CODED_TEXT && v instanceof ObjectNode o && !o.isEmpty()) {
            value = Codes.concept(section.child(st.property()));
        } else if (st.shape() == Shape.CODE_AND_TEXT && v instanceof ObjectNode o && !o.isEmpty()) {
            Src c = section.child(st.property());
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

    private static Observation observation(Out out, String code, String display, boolean socialHistory, Patient patient) {
        Observation o = out.add(new Observation());
        o.setStatus(Observation.ObservationStatus.FINAL);
        if (socialHistory) {
            o.addCategory(Codes.marker(Urls.OBSERVATION_CATEGORY, "social-history", "Social History"));
        }
        o.setCode(Codes.marker(Urls.CS_RECORD_KIND, code, display));
        o.setSubject(out.ref(patient));
        return o;
    }

    private static Observation smoking(Out out, Src s, Patient patient) {
        Observation o = observation(out, SMOKING_STATUS, "Smoking status", true, patient);
        // the LOINC code for tobacco smoking status, so systems that know it find it
        o.getCode().addCoding(new Coding("http://loinc.org", "72166-2", "Tobacco smoking status"));
        Src status = s.child("smokingStatus");
        if (status != null && !status.view().isEmpty()) {
            o.setValue(Codes.concept(status));
        }
        String details = s.str("smokingStatusDetails");
        if (details != null) {
            o.addNote().setText(details);
        }
        Src stopped = s.child("dateStoppedSmoking");
        if (stopped != null && !stopped.view().isEmpty()) {
            Observation.ObservationComponentComponent c = o.addComponent();
            Src coding = stopped.child("coding");
            c.setCode(coding != null ? new CodeableConcept().addCoding(Codes.coding(coding))
                    : Codes.marker(Urls.CS_RECORD_KIND, DATE_STOPPED_SMOKING, "Date stopped smoking"));
            String date = stopped.str("date");
            if (date != null) {
                c.setValue(Dates.dateTime(date));
            }
        }
        return o;
    }

    private static void individualRequirements(Out out, Src req, Patient patient, List<Resource> written) {
        Src ra = req.child("reasonableAdjustment");
        if (ra != null) {
            for (Src e : ra.detachItems("entries")) {
                Flag f = out.add(new Flag());
                f.setStatus(Flag.FlagStatus.ACTIVE);
                f.addCategory(Codes.marker(Urls.CS_RECORD_KIND, REASONABLE_ADJUSTMENT, "Reasonable adjustment"));
                Src what = e.child("reasonableAdjustment");
                f.setCode(what != null && !what.view().isEmpty() ? Codes.concept(what)
                        : Codes.marker(Urls.CS_RECORD_KIND, REASONABLE_ADJUSTMENT, "Reasonable adjustment"));
                f.setSubject(out.ref(patient));
                Sections.indicator(f, e, "reasonableAdjustmentFlag", Extensions.REASONABLE_ADJUSTMENT_FLAG);
                Sections.comment(f, e, "reasonableAdjustmentAdditionalDetail");
                Out.remainder(f, e);
                written.add(f);
            }
        }
        Src impairment = req.child("impairment");
        if (impairment != null) {
            for (Src e : impairment.detachItems("entries")) {
                Condition c = Sections.condition(out, patient, IMPAIRMENT, "Impairment");
                Src category = e.child("impairmentCategory");
                if (category != null && !category.view().isEmpty()) {
                    c.setCode(Codes.concept(category));
                }
                String detail = e.str("impairmentAdditionalDetail");
                if (detail != null) {
                    c.addNote().setText(detail);
                }
                Out.remainder(c, e);
                written.add(c);
            }
        }
        for (Src e : req.detachItems("mobility")) {
            Observation o = observation(out, MOBILITY_NEEDS, "Mobility needs", false, patient);
            Src needs = e.child("mobilityNeeds");
            if (needs != null && !needs.view().isEmpty()) {
                o.setValue(Codes.concept(needs));
            }
            Out.remainder(o, e);
            written.add(o);
        }
        for (Src e : req.detachItems("otherIndividualRequirements")) {
            Flag f = out.add(new Flag());
            f.setStatus(Flag.FlagStatus.ACTIVE);
            f.addCategory(Codes.marker(Urls.CS_RECORD_KIND, INDIVIDUAL_REQUIREMENT, "Other individual requirement"));
            String text = e.str("otherIndividualRequirement");
            f.setCode(text != null ? new CodeableConcept().setText(text)
                    : Codes.marker(Urls.CS_RECORD_KIND, INDIVIDUAL_REQUIREMENT, "Other individual requirement"));
            f.setSubject(out.ref(patient));
            Out.remainder(f, e);
            written.add(f);
        }
    }

    private static EpisodeOfCare episode(Out out, Src e, Patient patient) {
        EpisodeOfCare ep = out.add(new EpisodeOfCare());
        String start = e.str("serviceStartDate");
        String end = e.str("serviceEndDate");
        ep.setStatus(end == null ? EpisodeOfCare.EpisodeOfCareStatus.ACTIVE : EpisodeOfCare.EpisodeOfCareStatus.FINISHED);
        ep.setPeriod(Sections.period(start, end));
        ep.setPatient(out.ref(patient));
        String type = e.str("socialCarePackageType");
        if (type != null) {
            ep.addType().setText(type);
        }
        Src la = e.child("localAuthority");
        if (la != null && !la.view().isEmpty()) {
            ep.setManagingOrganization(out.ref(Sections.organisation(out, la)));
        }
        String name = e.str("socialCarePackageName");
        Out.ext(ep, Extensions.SOCIAL_CARE_PACKAGE_NAME, name == null ? null : new StringType(name));
        String funding = e.str("careFundingSource");
        Out.ext(ep, Extensions.CARE_FUNDING_SOURCE, funding == null ? null : new CodeableConcept().setText(funding));
        Out.remainder(ep, e);
        return ep;
    }

    // ---------------------------------------------------------------- FHIR -> Linkway

    /** Reads every record this class writes into {@code msg}; used resources are marked. */
    static void read(In in, ObjectNode msg, Patient patient) {
        ArrayNode ra = Tree.arr();
        ArrayNode impairments = Tree.arr();
        ArrayNode mobility = Tree.arr();
        ArrayNode other = Tree.arr();
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
                    value = Tree.F.stringNode(o.getValueStringType().getValue());
                } else if (st.shape() == Shape.CODED_TEXT && o.hasValueCodeableConcept()) {
                    value = Codes.codedText(o.getValueCodeableConcept(), in, p + ".valueCodeableConcept");
                } else if (st.shape() == Shape.CODE_AND_TEXT && o.hasValueCodeableConcept()) {
                    CodeableConcept cc = o.getValueCodeableConcept();
                    ObjectNode v = Tree.obj();
                    Tree.put(v, "code", cc.hasCoding() ? cc.getCodingFirstRep().getCode() : null);
                    Tree.put(v, "text", cc.getText());
                    value = v;
                } else if (o.hasValue()) {
                    in.unmapped(p + ".value[x]", "PRSB " + st.display() + " is not a " + o.getValue().fhirType() + "; the value was not carried over.");
                }
                if (value != null) {
                    section(msg, st.section()).set(st.property(), value);
                }
                in.remainder(o);
            } else if (Codes.is(o.getCode(), Urls.CS_RECORD_KIND, SMOKING_STATUS)) {
                in.use(o);
                section(msg, "socialContext").set("smokingStatus", smoking(o, in));
            } else if (Codes.is(o.getCode(), Urls.CS_RECORD_KIND, MOBILITY_NEEDS)) {
                in.use(o);
                ObjectNode e = Tree.obj();
                if (o.hasValueCodeableConcept()) {
                    e.set("mobilityNeeds", Codes.codedText(o.getValueCodeableConcept(), in, p + ".valueCodeableConcept"));
                }
                mobility.add(Tree.merge(e, in.remainder(o)));
            }
        }
        for (Flag f : in.all(Flag.class)) {
            if (Sections.hasKind(f.getCategoryFirstRep(), REASONABLE_ADJUSTMENT)) {
                in.use(f);
                ObjectNode e = Tree.obj();
                Sections.readIndicator(f, in, e, "reasonableAdjustmentFlag", Extensions.REASONABLE_ADJUSTMENT_FLAG);
                if (!Codes.is(f.getCode(), Urls.CS_RECORD_KIND, REASONABLE_ADJUSTMENT)) {
                    e.set("reasonableAdjustment", Codes.codedText(f.getCode(), in, in.path(f) + ".code"));
                }
                Tree.put(e, "reasonableAdjustmentAdditionalDetail", in.extText(f.getExtension(), Extensions.FLAG_COMMENT.url()));
                ra.add(Tree.merge(e, in.remainder(f)));
            } else if (Sections.hasKind(f.getCategoryFirstRep(), INDIVIDUAL_REQUIREMENT)) {
                in.use(f);
                ObjectNode e = Tree.obj();
                if (!Codes.is(f.getCode(), Urls.CS_RECORD_KIND, INDIVIDUAL_REQUIREMENT)) {
                    Tree.put(e, "otherIndividualRequirement", f.getCode().getText());
                }
                other.add(Tree.merge(e, in.remainder(f)));
            }
        }
        for (Condition c : in.all(Condition.class)) {
            if (Sections.hasKind(c.getCategoryFirstRep(), IMPAIRMENT)) {
                in.use(c);
                ObjectNode e = Tree.obj();
                if (c.hasCode()) {
                    e.set("impairmentCategory", Codes.codedText(c.getCode(), in, in.path(c) + ".code"));
                }
                if (c.hasNote()) {
                    Tree.put(e, "impairmentAdditionalDetail", c.getNoteFirstRep().getText());
                }
                impairments.add(Tree.merge(e, in.remainder(c)));
            }
        }
        if (!ra.isEmpty() || !impairments.isEmpty() || !mobility.isEmpty() || !other.isEmpty()) {
            ObjectNode req = section(msg, "individualRequirements");
            Tree.section(req, "reasonableAdjustment", "entries", ra);
            Tree.section(req, "impairment", "entries", impairments);
            Tree.put(req, "mobility", mobility);
            Tree.put(req, "otherIndividualRequirements", other);
        }
        ArrayNode plan = Tree.arr();
        for (Task t : in.all(Task.class)) {
            if (!Codes.is(t.getCode(), Urls.CS_RECORD_KIND, PLAN)) {
                continue;
            }
            in.use(t);
            ObjectNode e = Tree.obj();
            for (int i = 0; i < t.getInput().size(); i++) {
                var input = t.getInput().get(i);
                String name = null;
                for (String k : PLAN_INPUTS.keySet()) {
                    if (Codes.is(input.getType(), Urls.CS_RECORD_KIND, kebab(k))) {
                        name = k;
                    }
                }
                if (name != null && input.getValue() instanceof StringType s) {
                    e.put(name, s.getValue());
                } else {
                    in.unmapped(in.path(t) + ".input[" + i + "]", "This input has no place in PRSB plan and requested actions; it was not carried over.");
                }
            }
            plan.add(Tree.merge(e, in.remainder(t)));
        }
        if (!plan.isEmpty()) {
            section(msg, "planAndRequestedActions").set("entries", plan);
        }
        ArrayNode services = Tree.arr();
        for (EpisodeOfCare ep : in.all(EpisodeOfCare.class)) {
            in.use(ep);
            services.add(episode(ep, in));
        }
        if (!services.isEmpty()) {
            section(msg, "servicesAndCare").set("entries", services);
        }
    }

    private static ObjectNode section(ObjectNode msg, String name) {
        JsonNode s = msg.get(name);
        return s instanceof ObjectNode o ? o : msg.putObject(name);
    }

    private static Statement statementOf(Observation o) {
        for (Statement st : STATEMENTS) {
            if (Codes.is(o.getCode(), Urls.CS_RECORD_KIND, st.code())) {
                return st;
            }
        }
        return null;
    }

    private static ObjectNode smoking(Observation o, In in) {
        String p = in.path(o);
        ObjectNode s = Tree.obj();
        if (o.hasValueCodeableConcept()) {
            s.set("smokingStatus", Codes.codedText(o.getValueCodeableConcept(), in, p + ".valueCodeableConcept"));
        }
        if (o.hasNote()) {
            Tree.put(s, "smokingStatusDetails", o.getNoteFirstRep().getText());
        }
        if (o.hasComponent()) {
            var c = o.getComponentFirstRep();
            ObjectNode stopped = Tree.obj();
            if (!Codes.is(c.getCode(), Urls.CS_RECORD_KIND, DATE_STOPPED_SMOKING) && c.getCode().hasCoding()) {
                stopped.set("coding", Codes.coding(c.getCode().getCodingFirstRep(), in, p + ".component[0].code.coding[0]"));
            }
            if (c.hasValueDateTimeType()) {
                stopped.put("date", c.getValueDateTimeType().getValueAsString());
            }
            s.set("dateStoppedSmoking", stopped);
        }
        return Tree.merge(s, in.remainder(o));
    }

    private static ObjectNode episode(EpisodeOfCare ep, In in) {
        ObjectNode e = Tree.obj();
        Tree.put(e, "socialCarePackageName", in.extText(ep.getExtension(), Extensions.SOCIAL_CARE_PACKAGE_NAME.url()));
        if (ep.hasType()) {
            Tree.put(e, "socialCarePackageType", Sections.conceptText(ep.getTypeFirstRep()));
        }
        if (ep.hasPeriod()) {
            Tree.put(e, "serviceStartDate", ep.getPeriod().hasStart() ? ep.getPeriod().getStartElement().getValueAsString() : null);
            Tree.put(e, "serviceEndDate", ep.getPeriod().hasEnd() ? ep.getPeriod().getEndElement().getValueAsString() : null);
        }
        if (ep.hasManagingOrganization()) {
            Organization org = in.resolve(ep.getManagingOrganization(), Organization.class, in.path(ep) + ".managingOrganization");
            if (org != null) {
                e.set("localAuthority", Sections.organisation(org));
                Tree.merge(e, in.remainder(org));
            }
        }
        CodeableConcept funding = in.ext(ep.getExtension(), Extensions.CARE_FUNDING_SOURCE.url(), CodeableConcept.class);
        if (funding != null) {
            Tree.put(e, "careFundingSource", funding.getText());
        }
        return Tree.merge(e, in.remainder(ep));
    }

    /** References for ServiceRequest.supportingInfo. */
    static List<Reference> refs(Out out, List<Resource> resources) {
        return resources.stream().map(out::ref).toList();
    }
}
