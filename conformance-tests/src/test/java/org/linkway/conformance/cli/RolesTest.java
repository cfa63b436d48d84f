package org.linkway.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.conformance.Profile;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;

/**
 * A vendor whose product is only a provider runs the provider profile with its own provider
 * token and nothing else: the pre-flight accepts it (a read providers may make), tests that need
 * another role's token are skipped naming the option, and the run says nothing was written.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RolesTest {

    @RegisterExtension
    static final LinkwayTestServer server = LinkwayTestServer.sqlite();

    @Test
    void every_profile_states_the_roles_it_needs() {
        for (Profile p : Profile.values()) {
            if (p != Profile.DIRECTORY) {
                assertThat(p.roles()).as(p.id()).isNotEmpty();
            }
        }
        assertThat(Profile.PROVIDER.roles()).contains("--token-provider");
    }

    @Test
    void the_provider_profile_runs_with_only_a_provider_token() {
        RunCommandTest.Result r = RunCommandTest.run(
                "run",
                "--base-url",
                server.url(),
                "--token-provider",
                server.token(Role.PROVIDER),
                "--profile",
                "provider",
                "--max-minutes",
                "3");
        assertThat(r.code()).as(r.out() + r.err()).isNotEqualTo(2);
        assertThat(r.err()).doesNotContain("set-up error");
        assertThat(r.out())
                .contains("profile provider uses tokens of: --token-provider")
                .contains("no token for the link worker's service (give --token)")
                .contains("partial:")
                .contains("no reports written");
    }

    @Test
    void a_refused_provider_token_is_a_set_up_error() {
        RunCommandTest.Result r = RunCommandTest.run(
                "run", "--base-url", server.url(), "--token-provider", "not-a-token", "--profile", "provider");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains("refused the token of role provider");
    }
}
