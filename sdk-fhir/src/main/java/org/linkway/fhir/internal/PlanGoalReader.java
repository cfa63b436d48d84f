package org.linkway.fhir.internal;

import java.math.BigDecimal;
import java.util.List;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One PRSB goal read back from a Goal, for {@link CarePlanMapper}: with the plan's activities
 * that name it as their first goal (its actions) and the stage goals those activities point to.
 */
final class PlanGoalReader {

    private PlanGoalReader() {}

    private static BigDecimal decimal(FhirBundleReader in, List<Extension> exts, Extensions.Def def) {
        DecimalType d = in.ext(exts, def.url(), DecimalType.class);
        return d == null ? null : d.getValue();
    }

    static ObjectNode read(FhirBundleReader in, CarePlan plan, Goal goal) {
        String pp = in.path(plan);
        ObjectNode g = LinkwayJsonBuilder.obj();
        if (!Codes.is(goal.getDescription(), Urls.CS_RECORD_KIND, "goal")) {
            if (goal.getDescription().hasCoding()) {
                g.set(
                        "coding",
                        Codes.coding(
                                goal.getDescription().getCodingFirstRep(),
                                in,
                                in.path(goal) + ".description.coding[0]"));
            }
            LinkwayJsonBuilder.put(g, "text", goal.getDescription().getText());
        }
        BigDecimal importance = decimal(in, goal.getExtension(), Extensions.GOAL_IMPORTANCE_SCORE);
        if (importance != null) {
            g.put("goalImportanceScore", importance);
        }
        if (goal.hasAchievementStatus() && goal.getAchievementStatus().hasCoding()) {
            g.set(
                    "goalStatus",
                    Codes.coding(
                            goal.getAchievementStatus().getCodingFirstRep(),
                            in,
                            in.path(goal) + ".achievementStatus.coding[0]"));
        }
        ArrayNode outcomes = LinkwayJsonBuilder.arr();
        for (int j = 0; j < goal.getOutcomeCode().size(); j++) {
            outcomes.add(Codes.codedText(goal.getOutcomeCode().get(j), in, in.path(goal) + ".outcomeCode[" + j + "]"));
        }
        LinkwayJsonBuilder.put(g, "outcomes", outcomes);
        ArrayNode actions = LinkwayJsonBuilder.arr();
        for (int k = 0; k < plan.getActivity().size(); k++) {
            CarePlan.CarePlanActivityComponent activity = plan.getActivity().get(k);
            CarePlan.CarePlanActivityDetailComponent d = activity.getDetail();
            if (d.getGoal().isEmpty() || !in.refersTo(d.getGoal().get(0), goal)) {
                continue;
            }
            String ap = pp + ".activity[" + k + "]";
            ObjectNode a = LinkwayJsonBuilder.obj();
            if (d.hasCode()) {
                a.set("what", LinkwayJsonBuilder.arr().add(Codes.codedText(d.getCode(), in, ap + ".detail.code")));
            }
            if (d.hasPerformer()) {
                Reference performer = d.getPerformerFirstRep();
                if (performer.hasReference()) {
                    PractitionerRole role = in.resolve(performer, PractitionerRole.class, ap + ".detail.performer[0]");
                    if (role != null) {
                        a.set("who", Parties.party(role, in));
                    }
                } else if (performer.hasDisplay()) {
                    a.set("who", LinkwayJsonBuilder.obj().put("name", performer.getDisplay()));
                }
            }
            if (d.hasScheduledStringType()) {
                a.put("when", d.getScheduledStringType().getValue());
            }
            LinkwayJsonBuilder.put(a, "suggestedStrategies", d.getDescription());
            if (d.hasStatusReason()) {
                a.set("status", Codes.codedText(d.getStatusReason(), in, ap + ".detail.statusReason"));
            }
            BigDecimal confidence = decimal(in, activity.getExtension(), Extensions.CONFIDENCE);
            if (confidence != null) {
                a.put("confidence", confidence);
            }
            LinkwayJsonBuilder.put(
                    a,
                    "dateLastUpdated",
                    CarePlanMapper.dateText(in, activity.getExtension(), Extensions.DATE_LAST_UPDATED));
            LinkwayJsonBuilder.put(
                    a, "reviewDate", CarePlanMapper.dateText(in, activity.getExtension(), Extensions.REVIEW_DATE));
            ArrayNode stages = LinkwayJsonBuilder.arr();
            for (int s = 1; s < d.getGoal().size(); s++) {
                Goal stage = in.resolve(d.getGoal().get(s), Goal.class, ap + ".detail.goal[" + s + "]");
                if (stage == null) {
                    continue;
                }
                ObjectNode sg = LinkwayJsonBuilder.obj();
                if (!Codes.is(stage.getDescription(), Urls.CS_RECORD_KIND, CarePlanMapper.STAGE_GOAL)) {
                    sg.set("stageGoal", Codes.codedText(stage.getDescription(), in, in.path(stage) + ".description"));
                }
                if (stage.hasOutcomeCode()) {
                    sg.set(
                            "outcome",
                            Codes.codedText(stage.getOutcomeCodeFirstRep(), in, in.path(stage) + ".outcomeCode[0]"));
                }
                if (stage.hasAchievementStatus() && stage.getAchievementStatus().hasCoding()) {
                    sg.set(
                            "goalStatus",
                            Codes.coding(
                                    stage.getAchievementStatus().getCodingFirstRep(),
                                    in,
                                    in.path(stage) + ".achievementStatus.coding[0]"));
                }
                stages.add(LinkwayJsonBuilder.merge(sg, in.remainder(stage)));
            }
            LinkwayJsonBuilder.put(a, "stageGoal", stages);
            actions.add(LinkwayJsonBuilder.merge(a, in.remainder(activity.getExtension(), ap)));
        }
        LinkwayJsonBuilder.put(g, "actionsAndActivities", actions);
        return LinkwayJsonBuilder.merge(g, in.remainder(goal));
    }
}
