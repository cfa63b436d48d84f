package org.linkway.examples;

import static org.linkway.examples.Records.narrative;
import static org.linkway.examples.Records.now;
import static org.linkway.examples.Records.organisation;
import static org.linkway.examples.Records.person;
import static org.linkway.examples.Records.snomed;
import static org.linkway.examples.Records.text;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.linkway.client.LinkwayClient;
import org.linkway.client.ReferralResource;
import org.linkway.client.TransitionRequest;
import org.linkway.client.Versioned;
import org.linkway.model.ActionsAndActivities;
import org.linkway.model.AgreedWithPersonOrLegitimateRepresentative;
import org.linkway.model.Assessment;
import org.linkway.model.AssessmentsRecordEntry;
import org.linkway.model.CareAndSupportPlan;
import org.linkway.model.CarePlan;
import org.linkway.model.Consent;
import org.linkway.model.ConsentSection;
import org.linkway.model.ContactRecord;
import org.linkway.model.ContactsWithProfessionalsRecordEntry;
import org.linkway.model.GoalsAndHopes;
import org.linkway.model.GpPractice;
import org.linkway.model.GpPracticeRecordEntry;
import org.linkway.model.ItemResponse;
import org.linkway.model.MessageBack;
import org.linkway.model.NeedsConcernsOrProblems;
import org.linkway.model.OnwardReferral;
import org.linkway.model.PersonDemographics;
import org.linkway.model.PersonName;
import org.linkway.model.ReasonForReferral;
import org.linkway.model.Referral;
import org.linkway.model.ReferralDetails;
import org.linkway.model.ReferralDetailsRecordEntry;
import org.linkway.model.ReferralTo;
import org.linkway.model.ReferrerDetails;
import org.linkway.model.ResponsibleProfessional;
import org.linkway.model.Risks;
import org.linkway.model.RisksRecordEntry;
import org.linkway.model.Scope;
import org.linkway.model.SeenBy;
import org.linkway.model.Signpost;
import org.linkway.model.SignpostDetailsRecordEntry;
import org.linkway.model.SignpostTo;
import org.linkway.model.Who;
import org.linkway.outcomes.OutcomeScorer;
import org.linkway.outcomes.ScoreResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * A link worker's day with one person, start to finish: the referral is accepted, the first call
 * is recorded, the "what matters to me" conversation becomes a care and support plan, an ONS4
 * baseline is taken, the person is referred on to a debt-advice charity and signposted to a
 * pantry, and the referral closes with a message back to the GP.
 *
 * <p>Run it with a link worker's token (a {@code --dev} server prints one for {@code 8EC41}). The
 * person, Daniel Okafor, is invented.
 */
@Command(
        name = "link-workers-day",
        mixinStandardHelpOptions = true,
        description =
                "A link worker's day: accept, contact, care plan, ONS4, onward referral, signpost, close, message back.")
public final class LinkWorkersDay implements Callable<Integer> {

    /** The link worker service of the --dev server's demo data. */
    static final String LINK_WORKER_SERVICE = "8EC41";

    static final String DEBT_ADVICE_CHARITY = "Eastmere Money Advice Trust";

    @Mixin
    ServerOptions server;

    /** What the day left behind, for a reader (and for CI to check). */
    public record Day(
            String referralId,
            Referral.Status referralStatus,
            List<ContactRecord.Attempt> contacts,
            long carePlanVersion,
            Map<String, Double> ons4Baseline,
            String onwardReferralId,
            OnwardReferral.Status onwardStatus,
            String signpostId,
            MessageBack messageBack) {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new LinkWorkersDay()).execute(args));
    }

    @Override
    public Integer call() {
        Day day = run(server.client());
        System.out.printf(
                "%nReferral %s is %s; the GP's message back says: %s%n",
                day.referralId(),
                day.referralStatus().value(),
                day.messageBack().getClinicalSummary().getClinicalSummary());
        return 0;
    }

    /** The whole day, as the link worker's case management system would drive it. */
    public static Day run(LinkwayClient client) {
        // 9:05. A self-referral comes in by phone. A link worker service may record a referral
        // addressed to itself; a GP system would POST it instead (see GpRefersFromFhir).
        Versioned<Referral> received = client.referrals().create(phonedInReferral());
        ReferralResource referral = client.referral(received.value().getId());
        say("received referral %s", referral.id());

        // Accepting is a transition, guarded by If-Match: send the ETag you read, so two people
        // triaging the same inbox cannot both accept it.
        Versioned<Referral> accepted = referral.transition(Referral.Status.ACCEPTED, received.etag());
        say("accepted (version %d)", accepted.version());

        // 9:30 no answer; 10:30 Daniel answers. Every attempt is recorded, answered or not,
        // because an "unable to contact" closure must show the attempts behind it.
        referral.contacts()
                .create(call(
                        ContactRecord.Attempt.NO_ANSWER, "Phoned to introduce the service; no answer, no voicemail"));
        referral.contacts()
                .create(call(
                        ContactRecord.Attempt.MADE_CONTACT,
                        "First telephone contact: introduced the service and booked a meeting at the library"));
        say("recorded two calls, the second answered");

        // He agrees to his details going to the debt-advice charity. The consent names the
        // provider: the server shows a provider an onward referral only while consent covers it.
        Versioned<Consent> consent = referral.consents().create(consentIncludingDebtAdvice());
        say("recorded consent %s", consent.value().getId());

        Versioned<Referral> inProgress = referral.transition(Referral.Status.IN_PROGRESS, accepted.etag());

        // 11:00. "What matters to me": his words become needs, goals and actions in the plan.
        Versioned<CarePlan> plan = referral.carePlan().create(whatMattersToMe());
        say("care and support plan version %d", plan.version());

        // An ONS4 baseline. Score it with the SDK before sending, so a mistyped answer is caught
        // while the person is still in the room rather than by the server later.
        Assessment baseline = ons4Baseline();
        ScoreResult scored = OutcomeScorer.standard().score(baseline);
        if (!scored.isValid()) {
            throw new IllegalStateException("ONS4 answers do not score: " + scored.findings());
        }
        referral.assessments().create(baseline);
        Map<String, Double> ons4 = new TreeMap<>();
        scored.scores().forEach((id, score) -> ons4.put(id, score.value()));
        say("ONS4 baseline %s", ons4);

        // The onward referral to the debt-advice charity, and a signpost to the pantry (a
        // signpost is information given, with no referral and no feedback expected).
        Versioned<OnwardReferral> onward = client.onwardReferrals()
                .create(referral.id(), debtAdviceReferral(consent.value().getId()));
        say(
                "onward referral %s to %s is %s",
                onward.value().getId(),
                DEBT_ADVICE_CHARITY,
                onward.value().getStatus().value());
        Versioned<Signpost> signpost = referral.signposts().create(pantrySignpost());

        // Weeks later the plan is done: close the referral. Closing issues the message back
        // to the GP and referrer; it does not close the onward referral, which is the charity's.
        Versioned<Referral> completed = referral.transition(TransitionRequest.builder()
                .to(Referral.Status.COMPLETED)
                .reason("Goals in the plan met; debt advice under way")
                .etag(inProgress.etag())
                .build());
        MessageBack back = referral.messageBack().value();
        say(
                "closed as %s; message back outcome: %s",
                completed.value().getStatus().value(), back.getOutcome().value());

        List<ContactRecord.Attempt> contacts = referral.contacts().list().stream()
                .map(ContactRecord::getAttempt)
                .toList();
        return new Day(
                referral.id(),
                completed.value().getStatus(),
                contacts,
                plan.version(),
                ons4,
                onward.value().getId(),
                client.onwardReferrals().get(onward.value().getId()).value().getStatus(),
                signpost.value().getId(),
                back);
    }

    static Referral phonedInReferral() {
        return Referral.builder()
                .withPersonDemographics(PersonDemographics.builder()
                        .withName(PersonName.builder()
                                .withFirstNames(List.of("Daniel"))
                                .withFamilyNames(List.of("Okafor"))
                                .build())
                        .withDateOfBirth(LocalDate.of(1978, 6, 14))
                        .withNhsNumber("9990312745") // 999 test range, valid check digit
                        .build())
                .withGpPractice(GpPractice.builder()
                        .withEntries(List.of(GpPracticeRecordEntry.builder()
                                .withGpPracticeIdentifier("Y03146")
                                .build()))
                        .build())
                .withConsent(ConsentSection.builder()
                        .withConsentForInformationSharing(
                                "Agreed on the phone to the service holding his details and telling his GP.")
                        .build())
                .withReferralDetails(ReferralDetails.builder()
                        .withEntries(List.of(ReferralDetailsRecordEntry.builder()
                                .withDate(now())
                                .withReferralMethod(ReferralDetailsRecordEntry.ReferralMethod.SELF_REFERRAL)
                                .withReferrerDetails(ReferrerDetails.builder()
                                        .withName("Daniel Okafor")
                                        .withContactDetails("07700 900418")
                                        .withService(text("Self-referral"))
                                        .withOrganisation(organisation(null, "Self (member of the public)"))
                                        .build())
                                .withReasonForReferral(ReasonForReferral.builder()
                                        .withText(
                                                "Money worries since his hours were cut; not sleeping; stopped seeing friends.")
                                        .build())
                                .withReferralTo(ReferralTo.builder()
                                        .withService(text("Social prescribing link worker service"))
                                        .withOrganisation(
                                                organisation(LINK_WORKER_SERVICE, "Eastmere Community Action"))
                                        .build())
                                .build()))
                        .build())
                .withRisks(Risks.builder()
                        .withEntries(List.of(RisksRecordEntry.builder()
                                .withRisk(text("No known risks"))
                                .build()))
                        .build())
                .build();
    }

    static ContactRecord call(ContactRecord.Attempt attempt, String what) {
        return ContactRecord.builder()
                .withAttempt(attempt)
                .withContact(ContactsWithProfessionalsRecordEntry.builder()
                        .withDateAndTimeOfContact(now())
                        .withSeenBy(List.of(
                                SeenBy.builder().withName("Priya Natarajan").build()))
                        .withResponsibleProfessional(ResponsibleProfessional.builder()
                                .withName("Priya Natarajan")
                                .build())
                        .withContactType(what)
                        .withConsultationMethod("02") // telephone
                        .build())
                .build();
    }

    static Consent consentIncludingDebtAdvice() {
        return Consent.builder()
                .withDecision(Consent.Decision.GIVEN)
                .withLawfulBasis(Consent.LawfulBasis.CONSENT)
                .withScope(List.of(Scope.LINK_WORKER_SERVICE, Scope.GP, Scope.ONWARD_PROVIDER))
                .withOnwardProvider(person("Intake team", DEBT_ADVICE_CHARITY, null))
                .withConsentForInformationSharing("Agreed that his name, phone number and a summary of his debts go to "
                        + DEBT_ADVICE_CHARITY + ", and that his GP is kept informed.")
                .withMethod(Consent.Method.VERBAL)
                .withRecordedBy(person("Priya Natarajan", "Eastmere Community Action", null))
                .withRecordedAt(now())
                .build();
    }

    static CarePlan whatMattersToMe() {
        ActionsAndActivities debtAdvice = ActionsAndActivities.builder()
                .withWhat(List.of(narrative("Referral to " + DEBT_ADVICE_CHARITY + " for a debt and benefits check")))
                .withWho(Who.builder()
                        .withName("Priya Natarajan")
                        .withTeam("Social prescribing link workers")
                        .build())
                .withStatus(narrative("Planned"))
                .withConfidence(8.0)
                .build();
        ActionsAndActivities fiveASide = ActionsAndActivities.builder()
                .withWhat(List.of(narrative("Ask his old team about the Thursday five-a-side")))
                .withWho(Who.builder().withName("Daniel Okafor").build())
                .withStatus(narrative("Planned"))
                .withConfidence(5.0)
                .build();
        return CarePlan.builder()
                .withCareAndSupportPlan(CareAndSupportPlan.builder()
                        .withStrengths(List.of(narrative("Good with his hands; used to coach junior football")))
                        .withNeedsConcernsOrProblems(List.of(
                                NeedsConcernsOrProblems.builder()
                                        .withText("Rent and energy arrears since his hours were cut")
                                        .withGoalsAndHopes(List.of(GoalsAndHopes.builder()
                                                .withText("Know what I owe and have a plan to pay it I can stick to")
                                                .withGoalImportanceScore(10.0)
                                                .withActionsAndActivities(List.of(debtAdvice))
                                                .build()))
                                        .build(),
                                NeedsConcernsOrProblems.builder()
                                        .withCoding(snomed("422650009", "Social isolation", null)
                                                .getCoding())
                                        .withText("Has stopped seeing friends")
                                        .withGoalsAndHopes(List.of(GoalsAndHopes.builder()
                                                .withText("Play football again once a week")
                                                .withGoalImportanceScore(6.0)
                                                .withActionsAndActivities(List.of(fiveASide))
                                                .build()))
                                        .build()))
                        .withAgreedWithPersonOrLegitimateRepresentative(
                                AgreedWithPersonOrLegitimateRepresentative.builder()
                                        .withPersonOrLegitimateRepresentative(true)
                                        .withPersonFullName("Daniel Okafor")
                                        .build())
                        .withDateThisPlanWasLastUpdated(now())
                        .build())
                .build();
    }

    static Assessment ons4Baseline() {
        // ONS4 answers are 0 to 10; anxiety is the one where lower is better. The item ids are
        // the instrument catalogue's (docs/OUTCOMES.md), not the questions' wording.
        return Assessment.builder()
                .withInstrument("ons4")
                .withTimepoint(Assessment.Timepoint.BASELINE)
                .withAdministeredAt(now())
                .withItemResponses(List.of(
                        ItemResponse.builder()
                                .withItem("life-satisfaction")
                                .withValue(4.0)
                                .build(),
                        ItemResponse.builder()
                                .withItem("worthwhile")
                                .withValue(5.0)
                                .build(),
                        ItemResponse.builder()
                                .withItem("happiness-yesterday")
                                .withValue(3.0)
                                .build(),
                        ItemResponse.builder()
                                .withItem("anxiety-yesterday")
                                .withValue(8.0)
                                .build()))
                .withAssessment(AssessmentsRecordEntry.builder()
                        .withAssessmentType("Wellbeing outcome measure")
                        .withAssessmentSummary(
                                "ONS4 baseline at the first meeting: low wellbeing, high anxiety about money.")
                        .build())
                .build();
    }

    static OnwardReferral debtAdviceReferral(String consentId) {
        return OnwardReferral.builder()
                .withProvider(person("Intake team", DEBT_ADVICE_CHARITY, null))
                .withConsentId(consentId)
                .withReferral(ReferralDetailsRecordEntry.builder()
                        .withDate(now())
                        .withReferrerDetails(ReferrerDetails.builder()
                                .withName("Priya Natarajan")
                                .withContactDetails("01632 960583")
                                .withService(text("Social prescribing link worker service"))
                                .withOrganisation(organisation(LINK_WORKER_SERVICE, "Eastmere Community Action"))
                                .build())
                        .withReferralMethod(ReferralDetailsRecordEntry.ReferralMethod.SECURE_EMAIL)
                        .withReasonForReferral(ReasonForReferral.builder()
                                .withText(
                                        "Rent and energy arrears after a cut in working hours; wants a budget and a benefits check.")
                                .build())
                        .withReferralTo(ReferralTo.builder()
                                .withTeam("Intake team")
                                .withService(text("Free debt and benefits advice"))
                                .withOrganisation(organisation(null, DEBT_ADVICE_CHARITY))
                                .build())
                        .build())
                .build();
    }

    static Signpost pantrySignpost() {
        return Signpost.builder()
                .withSignpost(SignpostDetailsRecordEntry.builder()
                        .withDate(now())
                        .withSignpostTo(SignpostTo.builder()
                                .withOrganisation("Millgate Community Pantry")
                                .withContactDetails("Open Tuesday and Friday, 10am to 1pm, at Millgate church hall")
                                .build())
                        .withReasonForSignpost(text("Low-cost food while his debts are being sorted out"))
                        .build())
                .build();
    }

    static void say(String format, Object... args) {
        System.out.println("  " + String.format(format, args));
    }
}
