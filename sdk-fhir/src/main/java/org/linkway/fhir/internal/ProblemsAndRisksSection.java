package org.linkway.fhir.internal;

import java.util.List;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.StringType;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Problems and issues as FHIR Conditions, and risks and safeguarding concerns as Flags, written and
 * read back side by side.
 */
final class ProblemsAndRisksSection {

    private ProblemsAndRisksSection() {}

    // ---------------------------------------------------------------- conditions

    static Condition condition(FhirBundleWriter out, Patient patient, String kind, String kindDisplay) {
        Condition c = out.add(new Condition());
        c.addCategory(Codes.marker(Urls.CS_RECORD_KIND, kind, kindDisplay));
        c.setSubject(out.ref(patient));
        return c;
    }

    static Condition problem(FhirBundleWriter out, LinkwayJsonSource e, Patient patient) {
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
        c.setClinicalStatus(Codes.marker(
                Urls.CONDITION_CLINICAL, end == null ? "active" : "resolved", end == null ? "Active" : "Resolved"));
        String stage = e.str("stageOfDisease");
        if (stage != null) {
            c.addStage().setSummary(new CodeableConcept().setText(stage));
        }
        List<String> comments = e.strings("comments");
        if (comments != null) {
            comments.forEach(t -> c.addNote(new Annotation().setText(t)));
        }
        FhirBundleWriter.remainder(c, e);
        return c;
    }

    static ObjectNode problem(Condition c, FhirBundleReader in) {
        String path = in.path(c);
        ObjectNode e = LinkwayJsonBuilder.obj();
        e.set("problem", Codes.codedText(c.getCode(), in, path + ".code"));
        if (c.hasOnsetDateTimeType()) {
            e.put("onsetDate", c.getOnsetDateTimeType().getValueAsString());
        }
        if (c.hasAbatementDateTimeType()) {
            e.put("endDate", c.getAbatementDateTimeType().getValueAsString());
        }
        if (c.hasStage() && c.getStageFirstRep().hasSummary()) {
            LinkwayJsonBuilder.put(
                    e, "stageOfDisease", c.getStageFirstRep().getSummary().getText());
        }
        ArrayNode comments = LinkwayJsonBuilder.arr();
        c.getNote().forEach(n -> comments.add(n.getText()));
        LinkwayJsonBuilder.put(e, "comments", comments);
        return LinkwayJsonBuilder.merge(e, in.remainder(c));
    }

    // ---------------------------------------------------------------- risks and safeguarding -> Flag

    static Flag risk(FhirBundleWriter out, LinkwayJsonSource e, Patient patient) {
        Flag f = out.add(new Flag());
        f.setStatus(Flag.FlagStatus.ACTIVE);
        f.addCategory(Codes.marker(Urls.CS_RECORD_KIND, "risk", "Risk"));
        f.setCode(Codes.concept(e.child("risk")));
        f.setSubject(out.ref(patient));
        f.setPeriod(period(e.str("startDateOfRisk"), e.str("endDateOfRisk")));
        comment(f, e, "comment");
        FhirBundleWriter.remainder(f, e);
        return f;
    }

    static ObjectNode risk(Flag f, FhirBundleReader in) {
        ObjectNode e = LinkwayJsonBuilder.obj();
        if (f.hasPeriod()) {
            LinkwayJsonBuilder.put(
                    e,
                    "startDateOfRisk",
                    f.getPeriod().hasStart() ? f.getPeriod().getStartElement().getValueAsString() : null);
            LinkwayJsonBuilder.put(
                    e,
                    "endDateOfRisk",
                    f.getPeriod().hasEnd() ? f.getPeriod().getEndElement().getValueAsString() : null);
        }
        e.set("risk", Codes.codedText(f.getCode(), in, in.path(f) + ".code"));
        LinkwayJsonBuilder.put(e, "comment", in.extText(f.getExtension(), Extensions.FLAG_COMMENT.url()));
        return LinkwayJsonBuilder.merge(e, in.remainder(f));
    }

    static Flag safeguarding(FhirBundleWriter out, LinkwayJsonSource e, Patient patient) {
        Flag f = out.add(new Flag());
        f.setStatus(Flag.FlagStatus.ACTIVE);
        f.addCategory(Codes.marker(Urls.CS_RECORD_KIND, "safeguarding", "Safeguarding"));
        LinkwayJsonSource concern = e.child("safeguardingConcerns");
        f.setCode(
                concern != null
                        ? Codes.concept(concern)
                        : Codes.marker(Urls.CS_RECORD_KIND, "safeguarding", "Safeguarding"));
        f.setSubject(out.ref(patient));
        f.setPeriod(period(e.str("safeguardingConcernsDate"), e.str("safeguardingConcernsEndDate")));
        indicator(f, e, "safeguardingIndicator", Extensions.SAFEGUARDING_INDICATOR);
        comment(f, e, "comment");
        FhirBundleWriter.remainder(f, e);
        return f;
    }

    static ObjectNode safeguarding(Flag f, FhirBundleReader in) {
        ObjectNode e = LinkwayJsonBuilder.obj();
        if (f.hasPeriod()) {
            LinkwayJsonBuilder.put(
                    e,
                    "safeguardingConcernsDate",
                    f.getPeriod().hasStart() ? f.getPeriod().getStartElement().getValueAsString() : null);
            LinkwayJsonBuilder.put(
                    e,
                    "safeguardingConcernsEndDate",
                    f.getPeriod().hasEnd() ? f.getPeriod().getEndElement().getValueAsString() : null);
        }
        if (!Codes.is(f.getCode(), Urls.CS_RECORD_KIND, "safeguarding")) {
            e.set("safeguardingConcerns", Codes.codedText(f.getCode(), in, in.path(f) + ".code"));
        }
        readIndicator(f, in, e, "safeguardingIndicator", Extensions.SAFEGUARDING_INDICATOR);
        LinkwayJsonBuilder.put(e, "comment", in.extText(f.getExtension(), Extensions.FLAG_COMMENT.url()));
        return LinkwayJsonBuilder.merge(e, in.remainder(f));
    }

    /** A free-text comment on a Flag, which has no note element. */
    static void comment(Flag f, LinkwayJsonSource e, String name) {
        String text = e.str(name);
        FhirBundleWriter.ext(f, Extensions.FLAG_COMMENT, text == null ? null : new StringType(text));
    }

    /** A yes/no indicator on a Flag: its extension, and an inactive Flag when it is no. */
    static void indicator(Flag f, LinkwayJsonSource e, String name, Extensions.Def def) {
        Boolean b = e.bool(name);
        if (b != null) {
            f.addExtension(new Extension(def.url(), new BooleanType(b)));
            if (!b) {
                f.setStatus(Flag.FlagStatus.INACTIVE);
            }
        }
    }

    /** The indicator back: from its extension, or 'no' for an inactive Flag from another system. */
    static void readIndicator(Flag f, FhirBundleReader in, ObjectNode e, String name, Extensions.Def def) {
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
}
