package org.linkway.examples;

import static org.linkway.examples.Records.now;
import static org.linkway.examples.Records.organisation;
import static org.linkway.examples.Records.person;
import static org.linkway.examples.Records.text;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.linkway.client.Event;
import org.linkway.client.EventPoller;
import org.linkway.client.LinkwayClient;
import org.linkway.client.OnwardReferralQuery;
import org.linkway.client.OnwardReferrals;
import org.linkway.client.Versioned;
import org.linkway.client.error.NotFoundException;
import org.linkway.model.AboutMe;
import org.linkway.model.Consent;
import org.linkway.model.Feedback;
import org.linkway.model.OnwardReferral;
import org.linkway.model.Party;
import org.linkway.model.PersonContactDetails;
import org.linkway.model.ReasonForReferral;
import org.linkway.model.Referral;
import org.linkway.model.ReferralDetailsRecordEntry;
import org.linkway.model.ReferralTo;
import org.linkway.model.ReferrerDetails;
import org.linkway.model.Scope;
import org.linkway.model.ShareWithProvider;
import org.linkway.model.TelephoneNumber;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A small charity's inbox: Eastmere Strollers, a walking group with no server of its own and so
 * no public endpoint for webhooks. It lists the onward referrals sent to it that are still new
 * ({@code GET /v1/onward-referrals?status=sent}), accepts them, contacts the person as far as
 * their consent allows, and reports attendance and feedback back to the link worker. With
 * {@code --from-feed} it finds them in the event log instead, from a stored position.
 *
 * <p>Consent decides what the charity sees: an onward referral whose person has not consented
 * to sharing with this charity (or has withdrawn) answers 404 to the charity's token, exactly
 * like one that does not exist, and the inbox passes over it.
 *
 * <p>The inbox runs on the charity's own token ({@code --provider-token}; a {@code --dev} server
 * prints one for charity {@code 1187342}). The server cuts the event log down for a provider to
 * the events of onward referrals sent to it that the person's consent covers, judged at every
 * read (docs/SECURITY.md), so a withdrawn one drops out of the charity's feed altogether.
 * {@code --token} is the link worker's, used only by {@code --demo} to send the mail.
 */
@Command(
        name = "charity-inbox",
        mixinStandardHelpOptions = true,
        description =
                "A charity polls events, accepts onward referrals sent to it and reports attendance and feedback.")
public final class CharityInbox implements Callable<Integer> {

    /** The --dev server's demo provider. */
    static final String CHARITY_NUMBER = "1187342";

    static final String CHARITY = "Eastmere Strollers";

    @Mixin
    ServerOptions server;

    @Option(names = "--provider-token", description = "The charity's own token (default: --token).")
    String providerToken;

    @Option(
            names = "--after",
            defaultValue = "0",
            description = "With --from-feed: the last event sequence handled on a previous run (default: 0).")
    long after;

    @Option(
            names = "--from-feed",
            description = "Find new onward referrals in the event log (from --after) rather than in the inbox list.")
    boolean fromFeed;

    @Option(
            names = "--demo",
            description =
                    "First act as the link worker (--token must be a link worker's or an admin's) "
                            + "and send the charity two onward referrals, one with consent and one without, so a fresh server has mail.")
    boolean demo;

    /** One onward referral the inbox handled: its id, where it ended, and the feedback the charity gave. */
    public record Handled(String onwardReferralId, OnwardReferral.Status status, List<Feedback> feedback) {}

    /** What a run did, and the position to store for the next run. */
    public record Run(List<Handled> handled, int notVisible, long position) {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new CharityInbox()).execute(args));
    }

    @Override
    public Integer call() {
        if (demo) {
            sendDemoReferrals(server.client());
        }
        LinkwayClient charity = server.clientFor(providerToken);
        if (!fromFeed) {
            List<Handled> handled = fromInbox(charity);
            System.out.printf("%nHandled %d onward referral(s) from the inbox%n", handled.size());
            return 0;
        }
        Run run = run(charity, after);
        System.out.printf(
                "%nHandled %d onward referral(s); %d not visible to the charity; next time pass --after %d%n",
                run.handled().size(), run.notVisible(), run.position());
        return 0;
    }

    /**
     * One pass over the inbox list: every onward referral sent to the charity and not yet
     * answered, a page at a time as the loop reaches it. The server lists only those addressed to
     * the charity that the person's consent covers, so there is nothing to pass over; each is
     * shown as the charity may read it. Accepting one takes it out of the {@code sent} list, so a
     * second pass finds nothing new.
     */
    public static List<Handled> fromInbox(LinkwayClient charity) {
        List<Handled> handled = new ArrayList<>();
        OnwardReferrals inbox = charity.onwardReferrals();
        for (OnwardReferral mail : inbox.list(OnwardReferralQuery.builder()
                .status(OnwardReferral.Status.SENT)
                .pageSize(20)
                .build())) {
            try {
                handled.add(handle(inbox, inbox.get(mail.getId())));
            } catch (NotFoundException hidden) {
                // consent withdrawn between the list and this read: nothing about the person is left to act on
            }
        }
        return handled;
    }

    /**
     * One pass over the inbox: everything after {@code after} in the event log, then stop. A
     * long-running inbox would loop on {@code poller.next()} instead, which waits while the
     * log is quiet, and store {@code poller.position()} after each event.
     */
    public static Run run(LinkwayClient charity, long after) {
        EventPoller poller = charity.events().poller(after);
        List<Handled> handled = new ArrayList<>();
        int notVisible = 0;
        // the end is where the position stops moving: on a busy server a poll may bring none of the
        // charity's events while the server passes over other organisations'
        for (long before = -1; poller.position() != before; ) {
            before = poller.position();
            for (Event event : poller.poll()) {
                if (!event.type().equals("onward-referral.sent")) {
                    continue; // the log carries every change; the inbox only wants new onward referrals
                }
                Versioned<OnwardReferral> mail;
                try {
                    mail = charity.onwardReferrals().get(event.resourceId());
                } catch (NotFoundException hidden) {
                    // Consent withdrawn between the poll and this read: the server does not say
                    // why, so nothing about the person leaks. Nothing to do.
                    notVisible++;
                    continue;
                }
                if (CHARITY_NUMBER.equals(mail.value().getProvider().getCharityNumber())
                        && mail.value().getStatus() == OnwardReferral.Status.SENT) {
                    handled.add(handle(charity.onwardReferrals(), mail));
                }
            }
        }
        return new Run(handled, notVisible, poller.position());
    }

    /** Accept, then (after the walk) record attendance and feedback, then complete. */
    static Handled handle(OnwardReferrals inbox, Versioned<OnwardReferral> sent) {
        OnwardReferral onward = sent.value();
        String id = onward.getId();
        // Only what the onward referral carries is visible: why they were referred, by whom, and the
        // person's details they agreed to share with this charity. The referral's clinical summary
        // and the rest of the demographics stay with the link worker.
        say(
                "new onward referral %s: %s",
                id, onward.getReferral().getReasonForReferral().getText());
        say("contact: %s", howToContact(onward));

        // Every change is guarded by If-Match with the ETag just read, so a volunteer and the
        // coordinator updating the same referral cannot overwrite each other.
        Versioned<OnwardReferral> accepted = inbox.transition(sent, OnwardReferral.Status.ACCEPTED);
        say("accepted");

        // A real inbox records this after the walk, days later; the example does it in one go.
        Versioned<OnwardReferral> attended = inbox.transition(accepted, OnwardReferral.Status.ATTENDED);
        inbox.addFeedback(
                id,
                Feedback.builder()
                        .withAt(now())
                        .withFrom(walkLeader())
                        .withAttendance(Feedback.Attendance.ATTENDED)
                        .withText(
                                "Came on the short route and chatted the whole way round; says she will come again next week.")
                        .build());
        Versioned<OnwardReferral> completed = inbox.transition(inbox.get(id), OnwardReferral.Status.COMPLETED);
        inbox.addFeedback(
                id,
                Feedback.builder()
                        .withAt(now())
                        .withFrom(walkLeader())
                        .withText("Has joined the group as a regular walker; we have closed the referral at our end.")
                        .build());
        say(
                "attended, completed, feedback sent (status went %s -> %s -> %s)",
                accepted.value().getStatus().value(),
                attended.value().getStatus().value(),
                completed.value().getStatus().value());
        Versioned<OnwardReferral> last = inbox.get(id);
        return new Handled(id, last.value().getStatus(), last.value().getFeedback());
    }

    /** Who to call and how, as far as the person's consent lets the charity know; absent details stay absent. */
    static String howToContact(OnwardReferral onward) {
        if (onward.getPersonName() == null) {
            return "no contact details shared; ask the link worker to make the introduction";
        }
        String name = String.join(" ", onward.getPersonName().getFirstNames()) + " "
                + String.join(" ", onward.getPersonName().getFamilyNames());
        PersonContactDetails contact = onward.getContactDetails();
        String phone = contact == null || contact.getTelephoneNumbers() == null
                ? "no telephone number"
                : contact.getTelephoneNumbers().get(0).getNumber();
        String needs = onward.getAboutMe() == null
                ? ""
                : "; " + onward.getAboutMe().getHowICommunicateAndHowToCommunicateWithMe();
        return name + ", " + phone + needs;
    }

    static Party walkLeader() {
        return person("Dev Malhotra", CHARITY, CHARITY_NUMBER);
    }

    /**
     * The link worker's side, so the inbox has mail: two people referred on to the charity, the
     * first with consent to share with it, the second whose consent was withdrawn before the
     * charity looked. Returns the two onward referral ids, consented first.
     */
    public static List<String> sendDemoReferrals(LinkwayClient linkWorker) {
        List<String> ids = new ArrayList<>();
        for (Consent.Decision decision : List.of(Consent.Decision.GIVEN, Consent.Decision.WITHDRAWN)) {
            Referral referral = withContactDetails(LinkWorkersDay.phonedInReferral());
            String referralId = linkWorker.referrals().create(referral).value().getId();
            Consent given = consent(Consent.Decision.GIVEN);
            linkWorker.referral(referralId).consents().create(given);
            String onwardId = linkWorker
                    .onwardReferrals()
                    .create(referralId, walkingGroupReferral())
                    .value()
                    .getId();
            if (decision == Consent.Decision.WITHDRAWN) {
                // Withdrawal takes effect from the moment it is recorded: the charity no longer sees it.
                linkWorker.referral(referralId).consents().create(consent(Consent.Decision.WITHDRAWN));
            }
            ids.add(onwardId);
        }
        say("sent %s two onward referrals (one with consent, one withdrawn)", CHARITY);
        return ids;
    }

    /** The person's telephone number and how they like to be contacted, as the referral records them. */
    static Referral withContactDetails(Referral referral) {
        return referral.toBuilder()
                .withPersonDemographics(referral.getPersonDemographics().toBuilder()
                        .withContactDetails(PersonContactDetails.builder()
                                .withPreferredContactMethod("3") // telephone
                                .withTelephoneNumbers(TelephoneNumber.builder()
                                        .withNumber("07700 900418")
                                        .withUse("mobile")
                                        .build())
                                .build())
                        .build())
                .withAboutMe(AboutMe.builder()
                        .withHowICommunicateAndHowToCommunicateWithMe(
                                "Prefers a phone call to a letter; text first if calling after 5pm.")
                        .build())
                .build();
    }

    static Consent consent(Consent.Decision decision) {
        return Consent.builder()
                .withDecision(decision)
                .withLawfulBasis(Consent.LawfulBasis.CONSENT)
                .withScope(List.of(Scope.ONWARD_PROVIDER))
                // what the charity may read with the onward referral: name, phone, how to communicate
                .withShareWithProvider(ShareWithProvider.NAME_AND_CONTACT, ShareWithProvider.COMMUNICATION_NEEDS)
                .withOnwardProvider(person("Dev Malhotra", CHARITY, CHARITY_NUMBER))
                .withConsentForInformationSharing(
                        decision == Consent.Decision.GIVEN
                                ? "Agreed that " + CHARITY + " may have his name, phone number and walking ability."
                                : "Asked that " + CHARITY + " no longer be given his details.")
                .withMethod(Consent.Method.VERBAL)
                .withRecordedBy(person("Priya Natarajan", "Eastmere Community Action", null))
                .withRecordedAt(now())
                .build();
    }

    static OnwardReferral walkingGroupReferral() {
        return OnwardReferral.builder()
                .withProvider(person("Dev Malhotra", CHARITY, CHARITY_NUMBER))
                .withReferral(ReferralDetailsRecordEntry.builder()
                        .withDate(now())
                        .withReferrerDetails(ReferrerDetails.builder()
                                .withName("Priya Natarajan")
                                .withContactDetails("01632 960583")
                                .withService(text("Social prescribing link worker service"))
                                .withOrganisation(
                                        organisation(LinkWorkersDay.LINK_WORKER_SERVICE, "Eastmere Community Action"))
                                .build())
                        .withReasonForReferral(ReasonForReferral.builder()
                                .withText("Wants gentle exercise and company; can walk about 20 minutes on the flat.")
                                .build())
                        .withReferralTo(ReferralTo.builder()
                                .withName("Dev Malhotra")
                                .withTeam("Walk leaders")
                                .withService(text("Led health walks, Tuesdays and Fridays"))
                                .withOrganisation(
                                        organisation(null, CHARITY + " (registered charity " + CHARITY_NUMBER + ")"))
                                .build())
                        .build())
                .build();
    }

    static void say(String format, Object... args) {
        System.out.println("  " + String.format(format, args));
    }
}
