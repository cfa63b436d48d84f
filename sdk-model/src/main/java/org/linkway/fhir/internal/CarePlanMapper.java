package org.linkway.fhir.internal;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.linkway.validation.Rule;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Personalised care and support plan -> CarePlan + a Condition per need + a Goal per goal + activities. */
final class CarePlanMapper {

    private CarePlanMapper() { }

    static Bundle write(ObjectNode message) {
        Out out = new Out(Bundles.seed(message));
        Src root = Src.of(message);
        Bundles.versions(root);
        CarePlan plan = out.add(new CarePlan());
        plan.setStatus(CarePlan.CarePlanStatus.ACTIVE).setIntent(CarePlan.CarePlanIntent.PLAN);
        plan.setSubject(Sections.personOfReferral());
        String id = root.str("id");
        if (id != null) {
            plan.addIdentifier().setSystem(Urls.ID_RECORD).setValue(id);
        }
        String referralId = root.str("referralId");
        if (referralId != null) {
            plan.addBasedOn(Sections.referral(referralId));
        }
        Src csp = root.child("careAndSupportPlan");
        if (csp != null) {
            for (Src need : csp.detachItems("needsConcernsOrProblems")) {
                Condition c = out.add(new Condition());
                c.addCategory(Codes.marker(Urls.CS_RECORD_KIND, "need", "Need, concern or problem"));
                c.setSubject(Sections.personOfReferral());
                c.setCode(Codes.concept(need));
                plan.addAddresses(out.ref(c));
                for (Src g : need.detachItems("goalsAndHopes")) {
                    Goal goal = out.add(new Goal());
                    goal.setLifecycleStatus(Goal.GoalLifecycleStatus.ACTIVE);
                    goal.setSubject(Sections.personOfReferral());
                    String text = g.str("text");
                    goal.setDescription(text != null ? new CodeableConcept().setText(text)
                            : Codes.marker(Urls.CS_RECORD_KIND, "goal", "Goal"));
                    goal.addAddresses(out.ref(c));
                    Src status = g.child("goalStatus");
                    if (status != null) {
                        goal.setAchievementStatus(new CodeableConcept().addCoding(Codes.coding(status)));
                    }
                    for (Src o : g.items("outcomes")) {
                        goal.addOutcomeCode(Codes.concept(o));
                    }
                    plan.addGoal(out.ref(goal));
                    for (Src a : g.detachItems("actionsAndActivities")) {
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
                            d.setScheduled(new org.hl7.fhir.r4.model.StringType(when));
                        }
                        Src who = a.child("who");
                        if (who != null && who.peek("name") != null) {
                            d.addPerformer(new Reference().setDisplay(who.str("name")));
                        }
                        Out.remainder(activity, a);
                    }
                    Out.remainder(goal, g);
                }
                Out.remainder(c, need);
            }
        }
        Out.remainder(plan, root);
        return Bundles.transaction(out);
    }

    static ObjectNode read(In in) {
        CarePlan plan = in.all(CarePlan.class).get(0);
        in.use(plan);
        String pp = in.path(plan);
        ObjectNode msg = Bundles.start("CarePlan");
        for (Identifier id : plan.getIdentifier()) {
            if (Urls.ID_RECORD.equals(id.getSystem())) {
                Tree.put(msg, "id", id.getValue());
            }
        }
        Tree.put(msg, "referralId", Sections.referralId(plan.getBasedOn()));
        ArrayNode needs = Tree.arr();
        for (int i = 0; i < plan.getAddresses().size(); i++) {
            Condition c = in.resolve(plan.getAddresses().get(i), Condition.class, pp + ".addresses[" + i + "]");
            if (c == null) {
                continue;
            }
            ObjectNode need = Codes.codedText(c.getCode(), in, in.path(c) + ".code");
            ArrayNode goals = Tree.arr();
            for (Goal goal : in.all(Goal.class)) {
                if (goal.getAddresses().stream().noneMatch(r -> in.refersTo(r, c))) {
                    continue;
                }
                in.use(goal);
                ObjectNode g = Tree.obj();
                if (!Codes.is(goal.getDescription(), Urls.CS_RECORD_KIND, "goal")) {
                    Tree.put(g, "text", goal.getDescription().getText());
                }
                if (goal.hasAchievementStatus() && goal.getAchievementStatus().hasCoding()) {
                    g.set("goalStatus", Codes.coding(goal.getAchievementStatus().getCodingFirstRep(), in, in.path(goal) + ".achievementStatus.coding[0]"));
                }
                ArrayNode outcomes = Tree.arr();
                for (int j = 0; j < goal.getOutcomeCode().size(); j++) {
                    outcomes.add(Codes.codedText(goal.getOutcomeCode().get(j), in, in.path(goal) + ".outcomeCode[" + j + "]"));
                }
                Tree.put(g, "outcomes", outcomes);
                ArrayNode actions = Tree.arr();
                for (int k = 0; k < plan.getActivity().size(); k++) {
                    CarePlan.CarePlanActivityDetailComponent d = plan.getActivity().get(k).getDetail();
                    if (d.getGoal().stream().noneMatch(r -> in.refersTo(r, goal))) {
                        continue;
                    }
                    String ap = pp + ".activity[" + k + "]";
                    ObjectNode a = Tree.obj();
                    if (d.hasCode()) {
                        a.set("what", Tree.arr().add(Codes.codedText(d.getCode(), in, ap + ".detail.code")));
                    }
                    if (d.hasScheduledStringType()) {
                        a.put("when", d.getScheduledStringType().getValue());
                    }
                    if (d.hasPerformer() && d.getPerformerFirstRep().hasDisplay()) {
                        a.set("who", Tree.obj().put("name", d.getPerformerFirstRep().getDisplay()));
                    }
                    actions.add(Tree.merge(a, in.remainder(plan.getActivity().get(k).getExtension(), ap)));
                }
                Tree.put(g, "actionsAndActivities", actions);
                goals.add(Tree.merge(g, in.remainder(goal)));
            }
            Tree.put(need, "goalsAndHopes", goals);
            needs.add(Tree.merge(need, in.remainder(c)));
        }
        for (int k = 0; k < plan.getActivity().size(); k++) {
            if (plan.getActivity().get(k).getDetail().getGoal().isEmpty()) {
                in.unmapped(pp + ".activity[" + k + "]", "A PRSB action belongs to a goal; this activity names none and was not carried over.");
            }
        }
        ObjectNode csp = Tree.obj();
        Tree.put(csp, "needsConcernsOrProblems", needs);
        msg.set("careAndSupportPlan", csp);
        if (!plan.hasSubject()) {
            in.error(Rule.FHIR_STRUCTURE, pp + ".subject", "A CarePlan must have a subject.");
        }
        return Bundles.finish(Tree.merge(msg, in.remainder(plan)));
    }
}
