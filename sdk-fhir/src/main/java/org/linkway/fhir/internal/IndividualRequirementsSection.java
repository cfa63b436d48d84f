package org.linkway.fhir.internal;

import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The PRSB individual requirements section, after the NHS reasonable adjustment flag: reasonable
 * adjustments and other requirements as FHIR Flags, impairments as Conditions, mobility needs as
 * Observations, written and read back side by side.
 */
final class IndividualRequirementsSection {

    static final String MOBILITY_NEEDS = "mobility-needs";
    static final String IMPAIRMENT = "impairment";
    static final String REASONABLE_ADJUSTMENT = "reasonable-adjustment";
    static final String INDIVIDUAL_REQUIREMENT = "individual-requirement";

    private IndividualRequirementsSection() {}

    static void write(FhirBundleWriter out, LinkwayJsonSource req, Patient patient, List<Resource> written) {
        LinkwayJsonSource ra = req.child("reasonableAdjustment");
        if (ra != null) {
            for (LinkwayJsonSource e : ra.detachItems("entries")) {
                Flag f = out.add(new Flag());
                f.setStatus(Flag.FlagStatus.ACTIVE);
                f.addCategory(Codes.marker(Urls.CS_RECORD_KIND, REASONABLE_ADJUSTMENT, "Reasonable adjustment"));
                LinkwayJsonSource what = e.child("reasonableAdjustment");
                f.setCode(
                        what != null && !what.view().isEmpty()
                                ? Codes.concept(what)
                                : Codes.marker(Urls.CS_RECORD_KIND, REASONABLE_ADJUSTMENT, "Reasonable adjustment"));
                f.setSubject(out.ref(patient));
                ProblemsAndRisksSection.indicator(
                        f, e, "reasonableAdjustmentFlag", Extensions.REASONABLE_ADJUSTMENT_FLAG);
                ProblemsAndRisksSection.comment(f, e, "reasonableAdjustmentAdditionalDetail");
                FhirBundleWriter.remainder(f, e);
                written.add(f);
            }
        }
        LinkwayJsonSource impairment = req.child("impairment");
        if (impairment != null) {
            for (LinkwayJsonSource e : impairment.detachItems("entries")) {
                Condition c = ProblemsAndRisksSection.condition(out, patient, IMPAIRMENT, "Impairment");
                LinkwayJsonSource category = e.child("impairmentCategory");
                if (category != null && !category.view().isEmpty()) {
                    c.setCode(Codes.concept(category));
                }
                String detail = e.str("impairmentAdditionalDetail");
                if (detail != null) {
                    c.addNote().setText(detail);
                }
                FhirBundleWriter.remainder(c, e);
                written.add(c);
            }
        }
        for (LinkwayJsonSource e : req.detachItems("mobility")) {
            Observation o = PersonStatements.observation(out, MOBILITY_NEEDS, "Mobility needs", false, patient);
            LinkwayJsonSource needs = e.child("mobilityNeeds");
            if (needs != null && !needs.view().isEmpty()) {
                o.setValue(Codes.concept(needs));
            }
            FhirBundleWriter.remainder(o, e);
            written.add(o);
        }
        for (LinkwayJsonSource e : req.detachItems("otherIndividualRequirements")) {
            Flag f = out.add(new Flag());
            f.setStatus(Flag.FlagStatus.ACTIVE);
            f.addCategory(Codes.marker(Urls.CS_RECORD_KIND, INDIVIDUAL_REQUIREMENT, "Other individual requirement"));
            String text = e.str("otherIndividualRequirement");
            f.setCode(
                    text != null
                            ? new CodeableConcept().setText(text)
                            : Codes.marker(
                                    Urls.CS_RECORD_KIND, INDIVIDUAL_REQUIREMENT, "Other individual requirement"));
            f.setSubject(out.ref(patient));
            FhirBundleWriter.remainder(f, e);
            written.add(f);
        }
    }

    /** Reads the requirements back; {@code mobility} holds the mobility needs met among the Observations. */
    static void read(FhirBundleReader in, ObjectNode msg, ArrayNode mobility) {
        ArrayNode ra = LinkwayJsonBuilder.arr();
        ArrayNode impairments = LinkwayJsonBuilder.arr();
        ArrayNode other = LinkwayJsonBuilder.arr();
        for (Flag f : in.all(Flag.class)) {
            if (AssessmentSection.hasKind(f.getCategoryFirstRep(), REASONABLE_ADJUSTMENT)) {
                in.use(f);
                ObjectNode e = LinkwayJsonBuilder.obj();
                ProblemsAndRisksSection.readIndicator(
                        f, in, e, "reasonableAdjustmentFlag", Extensions.REASONABLE_ADJUSTMENT_FLAG);
                if (!Codes.is(f.getCode(), Urls.CS_RECORD_KIND, REASONABLE_ADJUSTMENT)) {
                    e.set("reasonableAdjustment", Codes.codedText(f.getCode(), in, in.path(f) + ".code"));
                }
                LinkwayJsonBuilder.put(
                        e,
                        "reasonableAdjustmentAdditionalDetail",
                        in.extText(f.getExtension(), Extensions.FLAG_COMMENT.url()));
                ra.add(LinkwayJsonBuilder.merge(e, in.remainder(f)));
            } else if (AssessmentSection.hasKind(f.getCategoryFirstRep(), INDIVIDUAL_REQUIREMENT)) {
                in.use(f);
                ObjectNode e = LinkwayJsonBuilder.obj();
                if (!Codes.is(f.getCode(), Urls.CS_RECORD_KIND, INDIVIDUAL_REQUIREMENT)) {
                    LinkwayJsonBuilder.put(
                            e, "otherIndividualRequirement", f.getCode().getText());
                }
                other.add(LinkwayJsonBuilder.merge(e, in.remainder(f)));
            }
        }
        for (Condition c : in.all(Condition.class)) {
            if (AssessmentSection.hasKind(c.getCategoryFirstRep(), IMPAIRMENT)) {
                in.use(c);
                ObjectNode e = LinkwayJsonBuilder.obj();
                if (c.hasCode()) {
                    e.set("impairmentCategory", Codes.codedText(c.getCode(), in, in.path(c) + ".code"));
                }
                if (c.hasNote()) {
                    LinkwayJsonBuilder.put(
                            e, "impairmentAdditionalDetail", c.getNoteFirstRep().getText());
                }
                impairments.add(LinkwayJsonBuilder.merge(e, in.remainder(c)));
            }
        }
        if (!ra.isEmpty() || !impairments.isEmpty() || !mobility.isEmpty() || !other.isEmpty()) {
            ObjectNode req = PersonRecords.section(msg, "individualRequirements");
            LinkwayJsonBuilder.section(req, "reasonableAdjustment", "entries", ra);
            LinkwayJsonBuilder.section(req, "impairment", "entries", impairments);
            LinkwayJsonBuilder.put(req, "mobility", mobility);
            LinkwayJsonBuilder.put(req, "otherIndividualRequirements", other);
        }
    }
}
