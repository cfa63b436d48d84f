package org.linkway.conformance.internal.suite;

import static org.linkway.conformance.Profile.FEEDBACK;
import static org.linkway.conformance.internal.TestCase.shall;

import java.util.ArrayList;
import java.util.List;
import org.linkway.conformance.internal.Ctx;
import org.linkway.conformance.internal.TestCase;
import tools.jackson.databind.JsonNode;

/**
 * The message back carries the journey: one referral is taken through contacts, a baseline and a
 * follow-up assessment, a signpost, three versions of the care plan (the last not agreed), an
 * onward referral with the provider's feedback, and closed; each test then looks for one kind of
 * record in its message back, so a failure names exactly what went missing.
 */
final class MessageBackContentTests {

    private MessageBackContentTests() {}

    static List<TestCase> tests() {
        return List.of(
                shall(
                        "FB-10",
                        FEEDBACK,
                        "The message back carries every contact recorded on the journey",
                        List.of("LW-FBK-010"),
                        MessageBackContentTests::contacts),
                shall(
                        "FB-11",
                        FEEDBACK,
                        "The message back carries the assessments, with each instrument's scores and the change from baseline",
                        List.of("LW-FBK-011"),
                        MessageBackContentTests::assessments),
                shall(
                        "FB-12",
                        FEEDBACK,
                        "The message back carries the signposts given",
                        List.of("LW-FBK-012"),
                        MessageBackContentTests::signposts),
                shall(
                        "FB-13",
                        FEEDBACK,
                        "The message back carries the latest agreed version of the care and support plan",
                        List.of("LW-FBK-013"),
                        MessageBackContentTests::carePlan),
                shall(
                        "FB-14",
                        FEEDBACK,
                        "The message back reports each onward referral with the provider, where it got to and the feedback",
                        List.of("LW-FBK-014"),
                        MessageBackContentTests::onwardReferrals),
                shall(
                        "FB-15",
                        FEEDBACK,
                        "The message back is about the referral's person (NHS number) and answers its referrer",
                        List.of("LW-FBK-015"),
                        MessageBackContentTests::personAndReferrer));
    }

    static ContentJourney.Done done(Ctx ctx) {
        return ctx.once("message-back-content-journey", ContentJourney::run);
    }

    static void contacts(Ctx ctx) {
        ContentJourney.Done d = done(ctx);
        JsonNode entries = d.messageBack().at("/contactsWithProfessionals/entries");
        for (JsonNode contact : d.contacts()) {
            boolean found = false;
            for (JsonNode e : entries) {
                found |= contact.path("dateAndTimeOfContact").equals(e.path("dateAndTimeOfContact"))
                        && contact.path("contactType").equals(e.path("contactType"));
            }
            ctx.check(
                    found,
                    "the message back's contactsWithProfessionals lacks the contact of %s '%s' (it has %d entries)",
                    contact.path("dateAndTimeOfContact").asString(""),
                    contact.path("contactType").asString(""),
                    entries.size());
        }
    }

    static void assessments(Ctx ctx) {
        ContentJourney.Done d = done(ctx);
        JsonNode section = d.messageBack().path("assessments");
        ctx.check(
                section.path("entries").size() >= 2,
                "the message back carries %d assessments; a baseline and a follow-up were recorded",
                section.path("entries").size());
        List<Double> values = new ArrayList<>();
        section.findValues("value").forEach(v -> {
            if (v.isNumber()) {
                values.add(v.asDouble());
            }
        });
        for (int[] pair : ContentJourney.ONS4_SCORES) {
            ctx.check(
                    values.contains((double) pair[0]) && values.contains((double) pair[1]),
                    "the message back's assessments lack a score of the baseline (%d) or the follow-up (%d): values %s",
                    pair[0],
                    pair[1],
                    values);
        }
        // anxiety fell from 7 to 1: a change of 6 (or -6) is no answer of either administration, so only a change can
        // say it
        ctx.check(
                values.contains(-6.0) || values.contains(6.0),
                "the message back's assessments state no change from baseline (anxiety 7 to 1, a change of -6): values %s",
                values);
        boolean named = false;
        for (JsonNode e : section.path("entries")) {
            named |= e.at("/structuredAssessment/structuredAssessmentName")
                    .toString()
                    .contains("ONS4");
        }
        ctx.check(named, "no assessment in the message back names its instrument (ONS4)");
    }

    static void signposts(Ctx ctx) {
        ContentJourney.Done d = done(ctx);
        JsonNode entries = d.messageBack().at("/signpostDetails/entries");
        boolean found = false;
        for (JsonNode e : entries) {
            found |= d.signpost().path("date").equals(e.path("date"))
                    && d.signpost().at("/signpostTo/organisation").equals(e.at("/signpostTo/organisation"))
                    && d.signpost().at("/reasonForSignpost/text").equals(e.at("/reasonForSignpost/text"));
        }
        ctx.check(
                found,
                "the message back's signpostDetails (%d entries) lacks the signpost to %s on %s",
                entries.size(),
                d.signpost().at("/signpostTo/organisation").asString(""),
                d.signpost().path("date").asString(""));
    }

    static void carePlan(Ctx ctx) {
        ContentJourney.Done d = done(ctx);
        JsonNode plan = d.messageBack().path("careAndSupportPlan");
        ctx.check(!plan.isMissingNode(), "the message back has no careAndSupportPlan; an agreed plan was recorded");
        String review = plan.path("plannedReviewDate").asString("");
        ctx.check(
                ContentJourney.AGREED_REVIEW.equals(review),
                "the message back's care plan has plannedReviewDate '%s': the latest agreed "
                        + "version says %s (the first version said %s, a later version not agreed with the person says %s)",
                review,
                ContentJourney.AGREED_REVIEW,
                ContentJourney.FIRST_REVIEW,
                ContentJourney.UNAGREED_REVIEW);
        ctx.check(
                plan.at("/agreedWithPersonOrLegitimateRepresentative/personOrLegitimateRepresentative")
                        .asBoolean(false),
                "the message back's care plan is not one agreed with the person");
    }

    static void onwardReferrals(Ctx ctx) {
        ContentJourney.Done d = done(ctx);
        List<String> texts = new ArrayList<>();
        collectText(d.messageBack(), texts);
        ctx.check(
                texts.stream().anyMatch(t -> t.contains(d.feedbackText())),
                "the message back does not carry the provider's feedback on the onward referral ('%s')",
                d.feedbackText());
        ctx.check(
                texts.stream()
                        .anyMatch(t -> t.contains(ContentJourney.PROVIDER)
                                && (t.contains("completed") || t.contains("attended"))),
                "the message back names no onward referral to %s with where it got to (completed, attended)",
                ContentJourney.PROVIDER);
    }

    static void personAndReferrer(Ctx ctx) {
        ContentJourney.Done d = done(ctx);
        JsonNode m = d.messageBack();
        JsonNode referral = d.referral();
        ctx.check(
                d.id().equals(m.path("referralId").asString("")),
                "the message back answers referral '%s', not %s",
                m.path("referralId").asString(""),
                d.id());
        ctx.check(
                referral.at("/personDemographics/nhsNumber").equals(m.at("/personDemographics/nhsNumber")),
                "the message back's NHS number is '%s', the referral's %s",
                m.at("/personDemographics/nhsNumber").asString(""),
                referral.at("/personDemographics/nhsNumber").asString(""));
        ctx.check(
                referral.at("/personDemographics/dateOfBirth").equals(m.at("/personDemographics/dateOfBirth")),
                "the message back's date of birth differs from the referral's");
        ctx.check(
                referral.at("/referralDetails/entries/0/referrerDetails/organisation")
                        .equals(m.at("/referralDetails/entries/0/referrerDetails/organisation")),
                "the message back's referrer organisation %s is not the referral's %s",
                m.at("/referralDetails/entries/0/referrerDetails/organisation"),
                referral.at("/referralDetails/entries/0/referrerDetails/organisation"));
        ctx.check(
                referral.at("/gpPractice/entries/0/gpPracticeIdentifier")
                        .equals(m.at("/gpPractice/entries/0/gpPracticeIdentifier")),
                "the message back's GP practice is not the referral's");
        if (referral.has("referrerReferralId")) {
            ctx.check(
                    referral.path("referrerReferralId").equals(m.path("referrerReferralId")),
                    "the message back does not carry the referrer's own id %s",
                    referral.path("referrerReferralId"));
        }
    }

    private static void collectText(JsonNode node, List<String> out) {
        if (node.isString()) {
            out.add(node.asString());
        } else if (node.isArray()) {
            node.forEach(child -> collectText(child, out));
        } else if (node.isObject()) {
            node.properties().forEach(e -> collectText(e.getValue(), out));
        }
    }
}
