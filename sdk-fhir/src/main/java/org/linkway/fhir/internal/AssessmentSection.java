package org.linkway.fhir.internal;

import java.math.BigDecimal;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Assessments (the PRSB section and Linkway's assessment records) as FHIR Observations, scores as
 * their components, written and read back side by side.
 */
final class AssessmentSection {

    private AssessmentSection() {}

    // ---------------------------------------------------------------- assessments -> Observation

    static Observation assessment(FhirBundleWriter out, LinkwayJsonSource e, Patient patient) {
        return assessment(out, e, out.ref(patient));
    }

    static Observation assessment(FhirBundleWriter out, LinkwayJsonSource e, Reference subject) {
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
        LinkwayJsonSource sa = e.child("structuredAssessment");
        LinkwayJsonSource name = sa == null ? null : sa.child("structuredAssessmentName");
        o.setCode(name != null ? Codes.concept(name) : Codes.marker(Urls.CS_RECORD_KIND, "assessment", "Assessment"));
        if (sa != null) {
            LinkwayJsonSource result = sa.child("assessmentResult");
            if (result != null) {
                o.addComponent(score(result, "assessmentScore", "total-score", "Total score"));
            }
            List<LinkwayJsonSource> subs = sa.items("subscaleResult");
            if (result == null && !subs.isEmpty()) {
                // keeps the total in first place, so subscales are never read back as the total
                o.addComponent().setCode(Codes.marker(Urls.CS_RECORD_KIND, "total-score", "Total score"));
            }
            for (LinkwayJsonSource sub : subs) {
                o.addComponent(score(sub, "subscaleScore", "subscale-score", "Subscale score"));
            }
        }
        FhirBundleWriter.remainder(o, e);
        return o;
    }

    private static Observation.ObservationComponentComponent score(
            LinkwayJsonSource s, String codeName, String marker, String markerDisplay) {
        Observation.ObservationComponentComponent c = new Observation.ObservationComponentComponent();
        LinkwayJsonSource code = s.child(codeName);
        c.setCode(code != null ? Codes.concept(code) : Codes.marker(Urls.CS_RECORD_KIND, marker, markerDisplay));
        BigDecimal value = s.number("value");
        if (value != null) {
            Quantity q = new Quantity().setValue(value);
            q.setUnit(s.str("unitsOfMeasure"));
            c.setValue(q);
        }
        LinkwayJsonSource ordinal = s.child("ordinal");
        if (ordinal != null) {
            c.addInterpretation(Codes.concept(ordinal));
        }
        return c;
    }

    static ObjectNode assessment(Observation o, FhirBundleReader in) {
        String path = in.path(o);
        ObjectNode e = LinkwayJsonBuilder.obj();
        ObjectNode sa = LinkwayJsonBuilder.obj();
        if (!Codes.is(o.getCode(), Urls.CS_RECORD_KIND, "assessment")) {
            sa.set("structuredAssessmentName", Codes.codedText(o.getCode(), in, path + ".code"));
        }
        ArrayNode subs = LinkwayJsonBuilder.arr();
        for (int i = 0; i < o.getComponent().size(); i++) {
            Observation.ObservationComponentComponent c = o.getComponent().get(i);
            boolean total = !Codes.is(c.getCode(), Urls.CS_RECORD_KIND, "subscale-score")
                    && !sa.has("assessmentResult")
                    && i == 0;
            ObjectNode r = LinkwayJsonBuilder.obj();
            String marker = total ? "total-score" : "subscale-score";
            if (!Codes.is(c.getCode(), Urls.CS_RECORD_KIND, marker)) {
                r.set(
                        total ? "assessmentScore" : "subscaleScore",
                        Codes.codedText(c.getCode(), in, path + ".component[" + i + "].code"));
            }
            if (c.hasValueQuantity()) {
                r.put("value", c.getValueQuantity().getValue());
                LinkwayJsonBuilder.put(r, "unitsOfMeasure", c.getValueQuantity().getUnit());
            }
            if (c.hasInterpretation()) {
                r.set(
                        "ordinal",
                        Codes.codedText(
                                c.getInterpretationFirstRep(), in, path + ".component[" + i + "].interpretation[0]"));
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
        if (!o.hasComponent() && (o.hasValueIntegerType() || o.hasValueQuantity())) {
            // another system's score as the Observation's own value: the assessment's result
            ObjectNode r = LinkwayJsonBuilder.obj();
            if (o.hasValueIntegerType()) {
                r.put("value", o.getValueIntegerType().getValue());
            } else {
                r.put("value", o.getValueQuantity().getValue());
                LinkwayJsonBuilder.put(r, "unitsOfMeasure", o.getValueQuantity().getUnit());
            }
            sa.set("assessmentResult", r);
        }
        LinkwayJsonBuilder.put(sa, "subscaleResult", subs);
        LinkwayJsonBuilder.put(e, "structuredAssessment", sa);
        for (CodeableConcept category : o.getCategory()) {
            if (!category.hasCoding() && category.hasText() && !e.has("assessmentType")) {
                e.put("assessmentType", category.getText());
            }
        }
        if (o.hasValueStringType()) {
            LinkwayJsonBuilder.put(
                    e, "assessmentSummary", o.getValueStringType().getValue());
        }
        if (o.hasNote()) {
            LinkwayJsonBuilder.put(e, "comment", o.getNoteFirstRep().getText());
        }
        return LinkwayJsonBuilder.merge(e, in.remainder(o));
    }

    static boolean hasKind(CodeableConcept cc, String kind) {
        return Codes.is(cc, Urls.CS_RECORD_KIND, kind);
    }
}
