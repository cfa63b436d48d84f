package org.linkway.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linkway.server.security.Role;

import picocli.CommandLine;

class GpRefersFromFhirTest {

    @Test
    void the_gp_system_refers_from_fhir_and_files_the_completed_referral_from_the_message_back() throws Exception {
        try (ExampleServer server = ExampleServer.start()) {
            GpRefersFromFhir.Result result = GpRefersFromFhir.run(ServerOptions.of(server.url(), server.admin()),
                    server.as(Role.LINK_WORKER, "8EC41").client());

            assertThat(result.referralId()).isNotBlank();
            assertThat(result.filed()).as("the referral comes back as a completed ServiceRequest coded for social prescribing")
                    .anySatisfy(f -> {
                        assertThat(f.resourceType()).isEqualTo("ServiceRequest");
                        assertThat(f.code()).isEqualTo(GpRefersFromFhir.REFERRAL_TO_SOCIAL_PRESCRIBING);
                        assertThat(f.statusOrValue()).isEqualTo("completed");
                    });
            assertThat(result.filed()).as("a completed referral is not filed as declined")
                    .noneMatch(f -> f.code().equals(GpRefersFromFhir.SOCIAL_PRESCRIBING_DECLINED));
        }
    }

    @Test
    void the_command_line_runs_against_a_url_and_tokens() {
        try (ExampleServer server = ExampleServer.start()) {
            int exit = new CommandLine(new GpRefersFromFhir()).execute("--url", server.url(),
                    "--token", server.admin(),
                    "--link-worker-token", server.token(Role.LINK_WORKER, "8EC41"));
            assertThat(exit).isZero();
        }
    }
}
