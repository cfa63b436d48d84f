package org.linkway.fhir.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.linkway.validation.Rule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Personalised care and support plan -> CarePlan + a Condition per need + a Goal per goal (and
 * per stage goal) + activities, strengths as Observations, the reviewer as author. Shared with
 * the message back, whose care and support plan section is the same PRSB structure.
 */
final class CarePlanMapper {

    static final String STRENGTH = "strength";
    static final String STAGE_GOAL = "stage-goal";

    private CarePlanMapper() {}

    static Bundle write(ObjectNode message) {
        FhirBundleWriter out = new FhirBundleWriter(Bundles.seed(message));
        LinkwayJsonSource root = LinkwayJsonSource.of(message);
        Bundles.versions(root);
        CarePlan plan = out.add(new CarePlan());
        plan.setStatus(CarePlan.CarePlanStatus.ACTIVE).setIntent(CarePlan.CarePlanIntent.PLAN);
        plan.setSubject(ReferralDetailsSection.personOfReferral());
        String id = root.str("id");
        if (id != null) {
            plan.addIdentifier().setSystem(Urls.ID_RECORD).setValue(id);
        }
        String referralId = root.str("referralId");
        if (referralId != null) {
            plan.addBasedOn(ReferralDetailsSection.referral(referralId));
        }
        LinkwayJsonSource csp = root.child("careAndSupportPlan");
        if (csp != null) {
            writePlan(out, csp, plan);
        }
        FhirBundleWriter.remainder(plan, root);
        return Bundles.transaction(out);
    }

    /** The PRSB care and support plan onto {@code plan} and the resources it points to; the subject is the plan's. */
    static void writePlan(FhirBundleWriter out, LinkwayJsonSource csp, CarePlan plan) {
        Reference subject = plan.getSubject();
        for (LinkwayJsonSource need : csp.detachItems("needsConcernsOrProblems")) {
            Condition c = out.add(new Condition());
            c.addCategory(Codes.marker(Urls.CS_RECORD_KIND, "need", "Need, concern or problem"));
            c.setSubject(subject.copy());
            c.setCode(Codes.concept(need));
            plan.addAddresses(out.ref(c));
            for (LinkwayJsonSource g : need.detachItems("goalsAndHopes")) {
                Goal goal = out.add(new Goal());
                goal.setLifecycleStatus(Goal.GoalLifecycleStatus.ACTIVE);
                goal.setSubject(subject.copy());
                CodeableConcept description = new CodeableConcept();
                LinkwayJsonSource coding = g.child("coding");
                if (coding != null) {
                    description.addCoding(Codes.coding(coding));
                }
                description.setText(g.str("text"));
                goal.setDescription(
                        description.isEmpty() ? Codes.marker(Urls.CS_RECORD_KIND, "goal", "Goal") : description);
                goal.addAddresses(out.ref(c));
                goal.setAchievementStatus(achievement(g.child("goalStatus")));
                for (LinkwayJsonSource o : g.items("outcomes")) {
                    goal.addOutcomeCode(Codes.concept(o));
                }
                BigDecimal importance = g.number("goalImportanceScore");
                FhirBundleWriter.ext(
                        goal,
                        Extensions.GOAL_IMPORTANCE_SCORE,
                        importance == null ? null : new DecimalType(importance));
                plan.addGoal(out.ref(goal));
                for (LinkwayJsonSource a : g.detachItems("actionsAndActivities")) {
                    activity(out, plan, goal, a, subject);
                }
                FhirBundleWriter.remainder(goal, g);
            }
            FhirBundleWriter.remainder(c, need);
        }
        for (LinkwayJsonSource s : csp.detachItems("strengths")) {
            Observation o = out.add(new Observation());
            o.setStatus(Observation.ObservationStatus.FINAL);
            o.setCode(Codes.marker(Urls.CS_RECORD_KIND, STRENGTH, "Strength"));
            o.setSubject(subject.copy());
            if (!s.view().isEmpty()) {
                o.setValue(Codes.concept(s));
            }
            FhirBundleWriter.remainder(o, s);
            plan.addSupportingInfo(out.ref(o));
        }
        List<String> documents = csp.strings("otherCarePlanningDocuments");
        if (documents != null) {
            // named, not linked: PRSB gives only a description of each document
            documents.forEach(d -> plan.addSupportingInfo(new Reference().setDisplay(d)));
        }
        LinkwayJsonSource agreed = csp.child("agreedWithPersonOrLegitimateRepresentative");
        if (agreed != null && agreed.peek("personFullName") != null) {
            plan.addContributor(new Reference().setDisplay(agreed.str("personFullName")));
        }
        if (agreed != null) {
            Boolean yes = agreed.bool("personOrLegitimateRepresentative");
            FhirBundleWriter.ext(plan, Extensions.PLAN_AGREED, yes == null ? null : new BooleanType(yes));
        }
        LinkwayJsonSource funding = csp.child("careFundingSource");
        if (funding != null && !funding.view().isEmpty()) {
            FhirBundleWriter.ext(plan, Extensions.CARE_FUNDING_SOURCE, Codes.concept(funding));
        }
        FhirBundleWriter.ext(plan, Extensions.DATE_LAST_UPDATED, date(csp, "dateThisPlanWasLastUpdated"));
        FhirBundleWriter.ext(plan, Extensions.REVIEW_DATE, date(csp, "plannedReviewDate"));
        LinkwayJsonSource reviewer = csp.detach("responsibilityForReview");
        if (reviewer != null) {
            // who is responsible for reviewing the plan is who answers for its content: the author
            PractitionerRole role = Parties.party(out, reviewer);
            plan.setAuthor(out.ref(role));
            FhirBundleWriter.remainder(role, reviewer);
        }
    }

    static final String GOAL_ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement";
    private static final Set<String> ACHIEVEMENT_CODES = Set.of(
            "in-progress",
            "improving",
            "worsening",
            "no-change",
            "achieved",
            "sustaining",
            "not-achieved",
            "no-progress",
            "not-attainable");

    /**
     * A goal status as Goal.achievementStatus. A code the HL7 goal-achievement code system does not
     * have would make the Goal invalid, so such a status stays in the remainder instead.
     */
    private static CodeableConcept achievement(LinkwayJsonSource status) {
        String code = status == null ? null : status.peek("code");
        if (status == null
                || (GOAL_ACHIEVEMENT.equals(status.peek("system"))
                        && code != null
                        && !ACHIEVEMENT_CODES.contains(code))) {
            return null;
        }
        return new CodeableConcept().addCoding(Codes.coding(status));
    }

    private static DateTimeType date(LinkwayJsonSource s, String name) {
        String v = s.str(name);
        return v == null ? null : Dates.dateTime(v);
    }

    private static void activity(
            FhirBundleWriter out, CarePlan plan, Goal goal, LinkwayJsonSource a, Reference subject) {
        CarePlan.CarePlanActivityComponent activity = plan.addActivity();
        CarePlan.CarePlanActivityDetailComponent d = activity.getDetail();
        d.setStatus(CarePlan.CarePlanActivityStatus.UNKNOWN);
        d.addGoal(out.ref(goal));
        JsonNode what = a.view().get("what");
        if (what != null && what.isArray() && what.size() == 1) {
            d.setCode(Codes.concept(a.items("what").get(0)));
        }
        String when = a.str("when");
        if (when != null) {
            d.setScheduled(new StringType(when));
        }
        LinkwayJsonSource who = a.detach("who");
        if (who != null) {
            PractitionerRole role = Parties.party(out, who);
            d.addPerformer(out.ref(role));
            FhirBundleWriter.remainder(role, who);
        }
        d.setDescription(a.str("suggestedStrategies"));
        LinkwayJsonSource status = a.child("status");
        if (status != null && !status.view().isEmpty()) {
            d.setStatusReason(Codes.concept(status));
        }
        BigDecimal confidence = a.number("confidence");
        FhirBundleWriter.ext(activity, Extensions.CONFIDENCE, confidence == null ? null : new DecimalType(confidence));
        FhirBundleWriter.ext(activity, Extensions.DATE_LAST_UPDATED, date(a, "dateLastUpdated"));
        FhirBundleWriter.ext(activity, Extensions.REVIEW_DATE, date(a, "reviewDate"));
        for (LinkwayJsonSource sg : a.detachItems("stageGoal")) {
            Goal stage = out.add(new Goal());
            stage.setLifecycleStatus(Goal.GoalLifecycleStatus.ACTIVE);
            stage.addCategory(Codes.marker(Urls.CS_RECORD_KIND, STAGE_GOAL, "Stage goal"));
            stage.setSubject(subject.copy());
            LinkwayJsonSource text = sg.child("stageGoal");
            stage.setDescription(
                    text != null && !text.view().isEmpty()
                            ? Codes.concept(text)
                            : Codes.marker(Urls.CS_RECORD_KIND, STAGE_GOAL, "Stage goal"));
            LinkwayJsonSource outcome = sg.child("outcome");
            if (outcome != null && !outcome.view().isEmpty()) {
                stage.addOutcomeCode(Codes.concept(outcome));
            }
            stage.setAchievementStatus(achievement(sg.child("goalStatus")));
            FhirBundleWriter.remainder(stage, sg);
            d.addGoal(out.ref(stage));
        }
        FhirBundleWriter.remainder(activity, a);
    }

    static ObjectNode read(FhirBundleReader in) {
        CarePlan plan = in.all(CarePlan.class).get(0);
        in.use(plan);
        String pp = in.path(plan);
        ObjectNode msg = Bundles.start("CarePlan");
        for (Identifier id : plan.getIdentifier()) {
            if (Urls.ID_RECORD.equals(id.getSystem())) {
                LinkwayJsonBuilder.put(msg, "id", id.getValue());
            }
        }
        LinkwayJsonBuilder.put(msg, "referralId", ReferralDetailsSection.referralId(plan.getBasedOn()));
        msg.set("careAndSupportPlan", readPlan(in, plan));
        if (!plan.hasSubject()) {
            in.error(Rule.FHIR_STRUCTURE, pp + ".subject", "A CarePlan must have a subject.");
        }
        return Bundles.finish(LinkwayJsonBuilder.merge(msg, in.remainder(plan)));
    }

    /** The PRSB care and support plan from a CarePlan (its own remainder is the caller's to merge). */
    static ObjectNode readPlan(FhirBundleReader in, CarePlan plan) {
        String pp = in.path(plan);
        ArrayNode needs = LinkwayJsonBuilder.arr();
        for (int i = 0; i < plan.getAddresses().size(); i++) {
            Condition c = in.resolve(plan.getAddresses().get(i), Condition.class, pp + ".addresses[" + i + "]");
            if (c == null) {
                continue;
            }
            ObjectNode need = Codes.codedText(c.getCode(), in, in.path(c) + ".code");
            ArrayNode goals = LinkwayJsonBuilder.arr();
            for (Goal goal : in.all(Goal.class)) {
                if (goal.getAddresses().stream().noneMatch(r -> in.refersTo(r, c))) {
                    continue;
                }
                in.use(goal);
                goals.add(PlanGoalReader.read(in, plan, goal));
            }
            LinkwayJsonBuilder.put(need, "goalsAndHopes", goals);
            needs.add(LinkwayJsonBuilder.merge(need, in.remainder(c)));
        }
        for (int k = 0; k < plan.getActivity().size(); k++) {
            if (plan.getActivity().get(k).getDetail().getGoal().isEmpty()) {
                in.unmapped(
                        pp + ".activity[" + k + "]",
                        "A PRSB action belongs to a goal; this activity names none and was not carried over.");
            }
        }
        ObjectNode csp = LinkwayJsonBuilder.obj();
        LinkwayJsonBuilder.put(csp, "needsConcernsOrProblems", needs);
        ArrayNode strengths = LinkwayJsonBuilder.arr();
        ArrayNode documents = LinkwayJsonBuilder.arr();
        for (int i = 0; i < plan.getSupportingInfo().size(); i++) {
            Reference r = plan.getSupportingInfo().get(i);
            if (!r.hasReference() && r.hasDisplay()) {
                documents.add(r.getDisplay());
                continue;
            }
            Resource target = in.resolveAny(r, pp + ".supportingInfo[" + i + "]");
            if (target instanceof Observation o && Codes.is(o.getCode(), Urls.CS_RECORD_KIND, STRENGTH)) {
                ObjectNode s = o.hasValueCodeableConcept()
                        ? Codes.codedText(o.getValueCodeableConcept(), in, in.path(o) + ".valueCodeableConcept")
                        : LinkwayJsonBuilder.obj();
                strengths.add(LinkwayJsonBuilder.merge(s, in.remainder(o)));
            } else if (target != null) {
                in.unmapped(
                        pp + ".supportingInfo[" + i + "]",
                        "Only strengths and other care planning documents are carried from supportingInfo.");
            }
        }
        LinkwayJsonBuilder.put(csp, "strengths", strengths);
        LinkwayJsonBuilder.put(csp, "otherCarePlanningDocuments", documents);
        ObjectNode agreed = LinkwayJsonBuilder.obj();
        Boolean yes = in.extBool(plan.getExtension(), Extensions.PLAN_AGREED.url());
        if (yes != null) {
            agreed.put("personOrLegitimateRepresentative", yes);
        }
        if (plan.hasContributor() && plan.getContributorFirstRep().hasDisplay()) {
            agreed.put("personFullName", plan.getContributorFirstRep().getDisplay());
        }
        LinkwayJsonBuilder.put(csp, "agreedWithPersonOrLegitimateRepresentative", agreed);
        CodeableConcept funding =
                in.ext(plan.getExtension(), Extensions.CARE_FUNDING_SOURCE.url(), CodeableConcept.class);
        if (funding != null) {
            csp.set("careFundingSource", Codes.codedText(funding, in, pp + ".extension('care-funding-source')"));
        }
        LinkwayJsonBuilder.put(
                csp, "dateThisPlanWasLastUpdated", dateText(in, plan.getExtension(), Extensions.DATE_LAST_UPDATED));
        LinkwayJsonBuilder.put(csp, "plannedReviewDate", dateText(in, plan.getExtension(), Extensions.REVIEW_DATE));
        if (plan.hasAuthor()) {
            PractitionerRole role = in.resolve(plan.getAuthor(), PractitionerRole.class, pp + ".author");
            if (role != null) {
                csp.set("responsibilityForReview", Parties.party(role, in));
            }
        }
        return csp;
    }

    static String dateText(FhirBundleReader in, List<Extension> exts, Extensions.Def def) {
        DateTimeType d = in.ext(exts, def.url(), DateTimeType.class);
        return d == null ? null : d.getValueAsString();
    }
}
