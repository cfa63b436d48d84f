package org.linkway.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.model.MessageBack;
import org.linkway.model.Referral;
import org.linkway.server.security.Role;

@Timeout(180)
class QuickStartTest {

    static final Path ROOT = Path.of("..");

    @Test
    void the_practice_refers_as_itself_and_reads_the_message_back_with_its_own_token() throws IOException {
        try (ExampleServer server = ExampleServer.start()) {
            Referral referral = QuickStart.referralFrom(ROOT.resolve(QuickStart.EXAMPLE_REFERRAL));
            assertThat(referral.getReferralDetails()
                            .getEntries()
                            .get(0)
                            .getReferrerDetails()
                            .getOrganisation()
                            .getCode())
                    .as("the example practice names itself by its ODS code")
                    .isEqualTo("Y03146");

            MessageBack back = QuickStart.run(
                    server.url(),
                    server.token(Role.REFERRER, "Y03146"),
                    server.token(Role.LINK_WORKER, "8EC41"),
                    referral);
            assertThat(back.getOutcome()).isEqualTo(MessageBack.Outcome.COMPLETED);
            assertThat(back.getClinicalSummary().getClinicalSummary()).contains("Joined a walking group");
        }
    }

    @Test
    void the_command_line_takes_the_practices_and_the_link_workers_tokens() {
        try (ExampleServer server = ExampleServer.start()) {
            int exit = new picocli.CommandLine(new QuickStart())
                    .execute(
                            "--url",
                            server.url(),
                            "--token",
                            server.token(Role.REFERRER, "Y03146"),
                            "--link-worker-token",
                            server.token(Role.LINK_WORKER, "8EC41"),
                            "--referral",
                            ROOT.resolve(QuickStart.EXAMPLE_REFERRAL).toString());
            assertThat(exit).isZero();
        }
    }

    @Test
    void the_readme_shows_exactly_the_quick_start_that_runs() throws IOException {
        List<String> source =
                Files.readAllLines(ROOT.resolve("examples/src/main/java/org/linkway/examples/QuickStart.java"));
        int begin = source.indexOf("        // README quick start begin");
        int end = source.indexOf("        // README quick start end");
        assertThat(begin).isPositive();
        String snippet = source.subList(begin + 1, end).stream()
                .map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
                .collect(Collectors.joining("\n"));
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertThat(readme)
                .as("README.md's quick start must be QuickStart.java's, dedented by 8 spaces")
                .contains("```java\n" + snippet + "\n```");
        assertThat(snippet.lines().count()).as("a 30-line quick start").isLessThanOrEqualTo(30);
    }
}
