package org.linkway.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.linkway.client.LinkwayClient;
import org.linkway.client.error.NotFoundException;
import org.linkway.model.Feedback;
import org.linkway.model.OnwardReferral;
import org.linkway.server.security.Role;
import picocli.CommandLine;

class CharityInboxTest {

    @Test
    void the_charity_completes_the_referral_it_has_consent_for_and_never_sees_the_withdrawn_one() {
        try (ExampleServer server = ExampleServer.start()) {
            LinkwayClient linkWorker = server.as(Role.LINK_WORKER, "8EC41").client();
            LinkwayClient charity =
                    server.as(Role.PROVIDER, CharityInbox.CHARITY_NUMBER).client();
            List<String> sent = CharityInbox.sendDemoReferrals(linkWorker);
            String consented = sent.get(0);
            String withdrawn = sent.get(1);

            CharityInbox.Run run = CharityInbox.run(charity, 0);

            assertThat(run.handled())
                    .extracting(CharityInbox.Handled::onwardReferralId)
                    .containsExactly(consented);
            CharityInbox.Handled handled = run.handled().get(0);
            assertThat(handled.status()).isEqualTo(OnwardReferral.Status.COMPLETED);
            assertThat(handled.feedback()).hasSize(2);
            assertThat(handled.feedback().get(0).getAttendance()).isEqualTo(Feedback.Attendance.ATTENDED);
            assertThat(run.notVisible())
                    .as("the withdrawn one is not even in the charity's feed")
                    .isZero();
            assertThat(charity.events().list(0, 1000).items())
                    .extracting(e -> e.resourceId())
                    .doesNotContain(withdrawn);

            // the link worker sees the charity's progress and feedback on its side
            OnwardReferral seenByLinkWorker =
                    linkWorker.onwardReferrals().get(consented).value();
            assertThat(seenByLinkWorker.getStatus()).isEqualTo(OnwardReferral.Status.COMPLETED);
            assertThat(seenByLinkWorker.getFeedback()).isEqualTo(handled.feedback());
            // and the withdrawn one is untouched, and still hidden from the charity
            assertThat(linkWorker.onwardReferrals().get(withdrawn).value().getStatus())
                    .isEqualTo(OnwardReferral.Status.SENT);
            assertThatThrownBy(() -> charity.onwardReferrals().get(withdrawn)).isInstanceOf(NotFoundException.class);

            // a second pass from the stored position finds nothing new to do
            CharityInbox.Run again = CharityInbox.run(charity, run.position());
            assertThat(again.handled()).isEmpty();
            assertThat(again.position()).isGreaterThanOrEqualTo(run.position());
        }
    }

    @Test
    void the_charity_works_from_its_inbox_list_and_can_contact_the_person_as_consented() {
        try (ExampleServer server = ExampleServer.start()) {
            LinkwayClient linkWorker = server.as(Role.LINK_WORKER, "8EC41").client();
            LinkwayClient charity =
                    server.as(Role.PROVIDER, CharityInbox.CHARITY_NUMBER).client();
            List<String> sent = CharityInbox.sendDemoReferrals(linkWorker);
            String consented = sent.get(0);

            List<CharityInbox.Handled> handled = CharityInbox.fromInbox(charity);

            assertThat(handled)
                    .extracting(CharityInbox.Handled::onwardReferralId)
                    .as("the withdrawn one is not in the charity's inbox")
                    .containsExactly(consented);
            assertThat(handled.get(0).status()).isEqualTo(OnwardReferral.Status.COMPLETED);
            assertThat(linkWorker.onwardReferrals().get(consented).value().getFeedback())
                    .isEqualTo(handled.get(0).feedback());
            // what the person agreed to share with the charity, and nothing more
            OnwardReferral read = charity.onwardReferrals().get(consented).value();
            assertThat(read.getPersonName().getFamilyNames()).containsExactly("Okafor");
            assertThat(read.getContactDetails().getTelephoneNumbers().get(0).getNumber())
                    .isEqualTo("07700 900418");
            assertThat(read.getAboutMe().getHowICommunicateAndHowToCommunicateWithMe())
                    .contains("phone call");
            assertThat(read.getRisks()).as("risks were not consented").isNull();
            assertThat(CharityInbox.howToContact(read)).contains("Daniel Okafor", "07700 900418");
            // accepted and completed: nothing new on the next pass
            assertThat(CharityInbox.fromInbox(charity)).isEmpty();
        }
    }

    @Test
    void the_command_line_from_the_feed_runs_against_a_url_and_tokens() {
        try (ExampleServer server = ExampleServer.start()) {
            int exit = new CommandLine(new CharityInbox())
                    .execute(
                            "--url",
                            server.url(),
                            "--token",
                            server.token(Role.LINK_WORKER, "8EC41"),
                            "--provider-token",
                            server.token(Role.PROVIDER, CharityInbox.CHARITY_NUMBER),
                            "--demo",
                            "--from-feed");
            assertThat(exit).isZero();
        }
    }

    @Test
    void the_command_line_with_demo_mail_runs_against_a_url_and_tokens() {
        try (ExampleServer server = ExampleServer.start()) {
            int exit = new CommandLine(new CharityInbox())
                    .execute(
                            "--url",
                            server.url(),
                            "--token",
                            server.token(Role.LINK_WORKER, "8EC41"),
                            "--provider-token",
                            server.token(Role.PROVIDER, CharityInbox.CHARITY_NUMBER),
                            "--demo");
            assertThat(exit).isZero();
        }
    }
}
