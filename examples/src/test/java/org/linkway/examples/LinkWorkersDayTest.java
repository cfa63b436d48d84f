package org.linkway.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linkway.model.ContactRecord;
import org.linkway.model.MessageBack;
import org.linkway.model.OnwardReferral;
import org.linkway.model.Referral;
import org.linkway.server.security.Role;
import picocli.CommandLine;

class LinkWorkersDayTest {

    @Test
    void the_day_ends_with_the_referral_completed_and_a_message_back_saying_so() {
        try (ExampleServer server = ExampleServer.start()) {
            // the link worker service's own token, as the --dev server prints it: no admin rights needed
            LinkWorkersDay.Day day =
                    LinkWorkersDay.run(server.as(Role.LINK_WORKER, "8EC41").client());

            assertThat(day.referralStatus()).isEqualTo(Referral.Status.COMPLETED);
            assertThat(day.contacts())
                    .containsExactly(ContactRecord.Attempt.NO_ANSWER, ContactRecord.Attempt.MADE_CONTACT);
            assertThat(day.carePlanVersion()).isEqualTo(1);
            assertThat(day.ons4Baseline())
                    .containsEntry("life-satisfaction", 4.0)
                    .containsEntry("anxiety-yesterday", 8.0);
            assertThat(day.onwardStatus())
                    .as("closing the referral leaves the charity's onward referral open")
                    .isEqualTo(OnwardReferral.Status.SENT);
            assertThat(day.signpostId()).isNotBlank();
            assertThat(day.messageBack().getOutcome()).isEqualTo(MessageBack.Outcome.COMPLETED);
            assertThat(day.messageBack().getReferralId()).isEqualTo(day.referralId());
            assertThat(day.messageBack().getClinicalSummary().getClinicalSummary())
                    .contains("Goals in the plan met");
            assertThat(day.messageBack().getPersonDemographics().getNhsNumber()).isEqualTo("9990312745");
        }
    }

    @Test
    void the_command_line_runs_against_a_url_and_token() {
        try (ExampleServer server = ExampleServer.start()) {
            int exit = new CommandLine(new LinkWorkersDay())
                    .execute("--url", server.url(), "--token", server.token(Role.LINK_WORKER, "8EC41"));
            assertThat(exit).isZero();
        }
    }
}
