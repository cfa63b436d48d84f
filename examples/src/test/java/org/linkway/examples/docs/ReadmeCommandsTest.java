package org.linkway.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * README's commands as a newcomer copies them: the test command is exactly what CI runs
 * ({@code .ci/run}), and no build command hides its progress with {@code -q}.
 */
class ReadmeCommandsTest {

    @Test
    void the_test_command_in_the_readme_is_the_one_ci_runs() throws IOException {
        List<String> ci = Files.readAllLines(DocLinksTest.ROOT.resolve(".ci/run"));
        String command = ci.stream()
                .filter(l -> l.startsWith("./mvnw"))
                .reduce((a, b) -> b)
                .orElseThrow();
        String readme = Files.readString(DocLinksTest.ROOT.resolve("README.md"));

        assertThat(readme)
                .contains("**Test** everything (this is what CI runs, see `.ci/run`):\n\n```sh\n" + command + "\n```");
    }

    @Test
    void no_build_command_in_the_readme_is_quiet() throws IOException {
        assertThat(Files.readAllLines(DocLinksTest.ROOT.resolve("README.md")))
                .filteredOn(l -> l.contains("./mvnw"))
                .noneMatch(l -> l.matches(".*\\./mvnw\\b.* -q\\b.*"));
    }
}
