package org.linkway.examples;

import static org.linkway.examples.Records.narrative;
import static org.linkway.examples.Records.now;
import static org.linkway.examples.Records.organisation;
import static org.linkway.examples.Records.person;
import static org.linkway.examples.Records.text;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.linkway.client.LinkwayClient;
import org.linkway.client.ReferralResource;
import org.linkway.client.TransitionRequest;
import org.linkway.client.Versioned;
import org.linkway.model.ActionsAndActivities;
import org.linkway.model.AgreedWithPersonOrLegitimateRepresentative;
import org.linkway.model.CareAndSupportPlan;
import org.linkway.model.CareFundingSource;
import org.linkway.model.CarePlan;
import org.linkway.model.Consent;
import org.linkway.model.ConsentSection;
import org.linkway.model.ContactRecord;
import org.linkway.model.ContactsWithProfessionalsRecordEntry;
import org.linkway.model.GoalsAndHopes;
import org.linkway.model.GpPractice;
import org.linkway.model.GpPracticeRecordEntry;
import org.linkway.model.MessageBack;
import org.linkway.model.NeedsConcernsOrProblems;
import org.linkway.model.PersonDemographics;
import org.linkway.model.PersonName;
import org.linkway.model.PlanAndRequestedActions;
import org.linkway.model.PlanAndRequestedActionsRecordEntry;
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
import org.linkway.model.Who;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A hospital discharge referral in the secondary-care model Norfolk and Waveney piloted: a ward
 * team refers to a social prescriber through a single point of access, either to get a medically
 * fit person home sooner (discharge) or to keep them out of hospital (admission avoidance), and
 * the social prescriber may spend a one-off personal health budget on goods or a service that
 * nothing commissioned provides.
 *
 * <p>PRSB v1.1 has no element for the route or the budget, so this example records them where
 * PRSB does have a place: the route in the referral's reason and requested actions, the budget
 * as the care plan's care funding source and an action in it, and both in the closing reason,
 * which the message back carries to the ward team and the GP.
 *
 * <p>Run it with the hospital team's token (a {@code --dev} server prints one for {@code RX9E2})
 * and the link worker service's ({@code 8EC41}) as {@code --link-worker-token}. The patient,
 * Leonard Pike, is invented.
 */
@Command(
        name = "hospital-discharge",
        mixinStandardHelpOptions = true,
        description =
                "A ward refers for discharge or admission avoidance; a one-off personal health budget; message back to the ward.")
public final class HospitalDischarge implements Callable<Integer> {

    static final String HOSPITAL = "RX9E2";

    /** What the ward asks the social prescriber to achieve: the model's "outcome for service". */
    public enum Route {
        DISCHARGE("Discharge"),
        ADMISSION_AVOIDANCE("Admission avoidance");

        final String label;

        Route(String label) {
            this.label = label;
        }
    }

    /** A one-off personal health budget: what it bought, whether goods or a service, and what it cost. */
    public record Budget(String what, String kind, int pounds) {
        String describe() {
            return "One-off personal health budget, £" + pounds + " (" + kind + "): " + what;
        }
    }

    @Mixin
    ServerOptions server;

    @Option(names = "--link-worker-token", description = "The social prescriber's service (default: --token).")
    String linkWorkerToken;

    @Option(
            names = "--route",
            defaultValue = "DISCHARGE",
            description = "DISCHARGE or ADMISSION_AVOIDANCE (default: ${DEFAULT-VALUE}).")
    Route route;

    /** The referral's id, the plan's funding source and the message back the ward receives. */
    public record Result(String referralId, Route route, String carePlanFunding, MessageBack messageBack) {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new HospitalDischarge()).execute(args));
    }

    @Override
    public Integer call() {
        Result result = run(server.client(), server.clientFor(linkWorkerToken), route);
        System.out.printf(
                "%nThe ward's message back for %s: %s%n",
                result.referralId(), result.messageBack().getClinicalSummary().getClinicalSummary());
        return 0;
    }

    public static Result run(LinkwayClient ward, LinkwayClient socialPrescriber, Route route) {
        // 1. The ward occupational therapist refers through the single point of access.
        String referralId = ward.referrals().create(wardReferral(route)).value().getId();
        say("ward 4 referred %s (%s)", referralId, route.label);

        // 2. The social prescriber picks it up the same day and sees him on the ward. Speed is
        //    the point of this model: every day in a bed he no longer needs is counted.
        ReferralResource referral = socialPrescriber.referral(referralId);
        Versioned<Referral> accepted =
                referral.transition(Referral.Status.ACCEPTED, referral.get().etag());
        referral.contacts().create(wardVisit());
        referral.consents().create(consent());
        Versioned<Referral> working = referral.transition(Referral.Status.IN_PROGRESS, accepted.etag());

        // 3. What stands between him and home is a cold house and an empty fridge: nothing a
        //    commissioned service provides quickly. A one-off personal health budget does.
        Budget budget = new Budget("two oil-filled radiators and a week of ready meals", "goods", 185);
        CarePlan plan =
                referral.carePlan().create(planWithBudget(route, budget)).value();
        String funding = plan.getCareAndSupportPlan().getCareFundingSource().getText();
        say("plan agreed; %s", funding);

        // 4. Closing states the outcome in the model's terms; the message back carries it to the
        //    ward team (who referred) and the GP practice. Readmission checks at 2 weeks and 3
        //    months happen in the ICB's own systems later and are not part of this journey.
        String outcome = route == Route.DISCHARGE
                ? "Outcome: discharge. Home the day after the referral with heating and food in place. "
                        + budget.describe() + "."
                : "Outcome: admission avoidance. Stayed at home with heating and food in place. " + budget.describe()
                        + ".";
        referral.transition(TransitionRequest.builder()
                .to(Referral.Status.COMPLETED)
                .reason(outcome)
                .etag(working.etag())
                .build());

        // 5. The ward team reads the message back with its own token.
        MessageBack back = ward.referral(referralId).messageBack().value();
        say("message back to the ward: %s", back.getOutcome().value());
        return new Result(referralId, route, funding, back);
    }

    static Referral wardReferral(Route route) {
        String reason = route == Route.DISCHARGE
                ? "Medically fit for discharge since yesterday after a fall; cannot go home to a house with no working heating and no food."
                : "Seen in A&E after a fall at home; no injury needing admission, but the house is cold and he has no food in.";
        return Referral.builder()
                .withReferrerReferralId(
                        "EUH-SPA-" + UUID.randomUUID().toString().substring(0, 8)) // the ward system's own id
                .withPersonDemographics(PersonDemographics.builder()
                        .withName(PersonName.builder()
                                .withTitle("Mr")
                                .withFirstNames(List.of("Leonard"))
                                .withFamilyNames(List.of("Pike"))
                                .build())
                        .withDateOfBirth(LocalDate.of(1944, 2, 19))
                        .withNhsNumber("9990744610") // 999 test range, valid check digit
                        .withNhsNumberStatusIndicator("01")
                        .build())
                .withGpPractice(GpPractice.builder()
                        .withEntries(List.of(GpPracticeRecordEntry.builder()
                                .withGpPracticeIdentifier("M91528")
                                .build()))
                        .build())
                .withConsent(ConsentSection.builder()
                        .withConsentForInformationSharing(
                                "Agreed on the ward to the referral and to his GP practice being told the outcome.")
                        .build())
                .withReferralDetails(ReferralDetails.builder()
                        .withEntries(List.of(ReferralDetailsRecordEntry.builder()
                                .withDate(now())
                                .withReferrerDetails(ReferrerDetails.builder()
                                        .withName("Bethan Morgan")
                                        .withGrade("Band 6 occupational therapist")
                                        .withTeam("Ward 4 discharge team")
                                        .withContactDetails("01632 960744")
                                        .withService(text("Acute medicine inpatient service"))
                                        .withOrganisation(organisation(
                                                HOSPITAL, "Eastmere University Hospitals NHS Foundation Trust"))
                                        .build())
                                .withReferralMethod(ReferralDetailsRecordEntry.ReferralMethod.SECURE_MESSAGING)
                                .withReasonForReferral(ReasonForReferral.builder()
                                        .withText(route.label + ": " + reason)
                                        .build())
                                .withReferralTo(ReferralTo.builder()
                                        .withTeam("Secondary care social prescribing (single point of access)")
                                        .withService(text("Social prescribing link worker service"))
                                        .withOrganisation(organisation(
                                                LinkWorkersDay.LINK_WORKER_SERVICE, "Eastmere Community Action"))
                                        .build())
                                .withReturnResponseTo("Ward 4 discharge team and GP practice")
                                .build()))
                        .build())
                .withRisks(Risks.builder()
                        .withEntries(List.of(RisksRecordEntry.builder()
                                .withRisk(text("Falls: a cold house raises his risk of another fall"))
                                .build()))
                        .build())
                .withPlanAndRequestedActions(PlanAndRequestedActions.builder()
                        .withEntries(List.of(PlanAndRequestedActionsRecordEntry.builder()
                                .withActionsForProfessionals(
                                        "Route: " + route.label + ". Please see him on the ward today; "
                                                + "a one-off personal health budget may be needed for heating.")
                                .build()))
                        .build())
                .build();
    }

    static ContactRecord wardVisit() {
        return ContactRecord.builder()
                .withAttempt(ContactRecord.Attempt.MADE_CONTACT)
                .withContact(ContactsWithProfessionalsRecordEntry.builder()
                        .withDateAndTimeOfContact(now())
                        .withSeenBy(List.of(
                                SeenBy.builder().withName("Tomasz Lewandowski").build()))
                        .withResponsibleProfessional(ResponsibleProfessional.builder()
                                .withName("Tomasz Lewandowski")
                                .build())
                        .withContactType("Seen on the ward with his daughter on the phone")
                        .withConsultationMethod("01") // face to face
                        .build())
                .build();
    }

    static Consent consent() {
        return Consent.builder()
                .withDecision(Consent.Decision.GIVEN)
                .withLawfulBasis(Consent.LawfulBasis.CONSENT)
                .withScope(List.of(Scope.LINK_WORKER_SERVICE, Scope.GP, Scope.REFERRER))
                .withMethod(Consent.Method.VERBAL)
                .withRecordedBy(person("Tomasz Lewandowski", "Eastmere Community Action", null))
                .withRecordedAt(now())
                .build();
    }

    static CarePlan planWithBudget(Route route, Budget budget) {
        ActionsAndActivities buy = ActionsAndActivities.builder()
                .withWhat(List.of(narrative(budget.describe())))
                .withWho(Who.builder()
                        .withName("Tomasz Lewandowski")
                        .withTeam("Secondary care social prescribing")
                        .build())
                .withWhen(now())
                .withStatus(narrative("Completed"))
                .build();
        return CarePlan.builder()
                .withCareAndSupportPlan(CareAndSupportPlan.builder()
                        .withNeedsConcernsOrProblems(List.of(NeedsConcernsOrProblems.builder()
                                .withText("No working heating and no food at home")
                                .withGoalsAndHopes(List.of(GoalsAndHopes.builder()
                                        .withText(
                                                route == Route.DISCHARGE
                                                        ? "Go home, warm and fed"
                                                        : "Stay at home, warm and fed")
                                        .withActionsAndActivities(List.of(buy))
                                        .build()))
                                .build()))
                        .withAgreedWithPersonOrLegitimateRepresentative(
                                AgreedWithPersonOrLegitimateRepresentative.builder()
                                        .withPersonOrLegitimateRepresentative(true)
                                        .withPersonFullName("Leonard Pike")
                                        .build())
                        // PRSB's care funding source is where the plan says who pays: here, the budget
                        .withCareFundingSource(CareFundingSource.builder()
                                .withText(budget.describe())
                                .build())
                        .withDateThisPlanWasLastUpdated(now())
                        .build())
                .build();
    }

    static void say(String format, Object... args) {
        System.out.println("  " + String.format(format, args));
    }
}
