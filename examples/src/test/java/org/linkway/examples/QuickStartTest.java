package org.linkway.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.linkway.model.MessageBack;
import org.linkway.server.security.Role;

class QuickStartTest {

    static final Path ROOT = Path.of("..");

    @Test
    void the_quick_start_takes_a_demo_referral_to_its_message_back() {
        try (ExampleServer server = ExampleServer.start()) {
            MessageBack back = QuickStart.run(server.url(), server.token(Role.LINK_WORKER, "8EC41"));
            assertThat(back.getOutcome()).isEqualTo(MessageBack.Outcome.COMPLETED);
            assertThat(back.getClinicalSummary().getClinicalSummary()).contains("Joined a walking group");
        }
    }

    @Test
    void the_readme_shows_exactly_the_quick_start_that_runs() throws IOException {
        List<String> source = Files.readAllLines(ROOT.resolve("examples/src/main/java/org/linkway/examples/QuickStart.java"));
        int begin = source.indexOf("        // README quick start begin");
        int end = source.indexOf("        // README quick start end");
        assertThat(begin).isPositive();
        String snippet = source.subList(begin + 1, end).stream()
                .map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
                .collect(Collectors.joining("\n"));
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertThat(readme).as("README.md's quick start must be QuickStart.java's, dedented by 8 spaces").contains("```java\n" + snippet + "\n```");
        assertThat(snippet.lines().count()).as("a 30-line quick start").isLessThanOrEqualTo(30);
    }
}
