package org.linkway.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linkway.model.MessageBack;
import org.linkway.server.security.Role;
import picocli.CommandLine;

class HospitalDischargeTest {

    @Test
    void the_ward_team_gets_a_message_back_with_the_discharge_and_the_budget() {
        try (ExampleServer server = ExampleServer.start()) {
            HospitalDischarge.Result result = HospitalDischarge.run(
                    server.as(Role.REFERRER, HospitalDischarge.HOSPITAL).client(),
                    server.as(Role.LINK_WORKER, "8EC41").client(),
                    HospitalDischarge.Route.DISCHARGE);

            assertThat(result.carePlanFunding())
                    .isEqualTo(
                            "One-off personal health budget, £185 (goods): two oil-filled radiators and a week of ready meals");
            MessageBack back = result.messageBack();
            assertThat(back.getOutcome()).isEqualTo(MessageBack.Outcome.COMPLETED);
            assertThat(back.getReferralId()).isEqualTo(result.referralId());
            assertThat(back.getClinicalSummary().getClinicalSummary())
                    .contains("Outcome: discharge")
                    .contains("One-off personal health budget, £185 (goods)");
            assertThat(back.getReferralDetails()
                            .getEntries()
                            .get(0)
                            .getReasonForReferral()
                            .getText())
                    .startsWith("Discharge:");
            assertThat(back.getRisks().getEntries().get(0).getRisk().getText()).startsWith("Falls");
        }
    }

    @Test
    void admission_avoidance_from_the_command_line() {
        try (ExampleServer server = ExampleServer.start()) {
            int exit = new CommandLine(new HospitalDischarge())
                    .execute(
                            "--url",
                            server.url(),
                            "--token",
                            server.token(Role.REFERRER, HospitalDischarge.HOSPITAL),
                            "--link-worker-token",
                            server.token(Role.LINK_WORKER, "8EC41"),
                            "--route",
                            "ADMISSION_AVOIDANCE");
            assertThat(exit).isZero();
        }
    }

    @Test
    void admission_avoidance_is_what_the_message_back_says() {
        try (ExampleServer server = ExampleServer.start()) {
            HospitalDischarge.Result result = HospitalDischarge.run(
                    server.as(Role.REFERRER, HospitalDischarge.HOSPITAL).client(),
                    server.as(Role.LINK_WORKER, "8EC41").client(),
                    HospitalDischarge.Route.ADMISSION_AVOIDANCE);
            assertThat(result.messageBack().getClinicalSummary().getClinicalSummary())
                    .contains("Outcome: admission avoidance");
        }
    }
}
