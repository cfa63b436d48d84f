package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar linkway-server.jar --dev} as a person runs it, in a process of its own with
 * standard output and error merged as a terminal shows them: the first lines are the essentials
 * (URL, data directory, database, a token per role), before any log line of the start.
 */
class StartupOutputTest {

    private static final long DEADLINE_SECONDS = 120;

    @TempDir
    Path data;

    @Test
    void the_first_lines_are_the_url_the_data_directory_the_database_and_a_token_per_role() throws Exception {
        Process server = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "--dev",
                        "--port",
                        "0",
                        "--data-dir",
                        data.toString())
                .redirectErrorStream(true)
                .start();
        BlockingQueue<String> output = new LinkedBlockingQueue<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                        in.lines().forEach(output::add);
                    } catch (IOException ended) {
                        // the process was stopped
                    }
                },
                "startup-output");
        reader.setDaemon(true);
        reader.start();
        List<String> lines = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
            // up to the curl example, the essentials' last line, or a few lines past it if a log line came first
            while (lines.stream().noneMatch(l -> l.contains("e.g. curl")) && System.nanoTime() < deadline) {
                String line = output.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null) {
                    break;
                }
                lines.add(line);
            }
        } finally {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }

        assertThat(lines).as("output until the curl example").isNotEmpty().anyMatch(l -> l.contains("e.g. curl"));
        assertThat(lines.get(0)).startsWith("Linkway reference server " + System.getProperty("linkway.projectVersion"));
        assertThat(lines.get(1)).matches("  URL: +http://127\\.0\\.0\\.1:[1-9][0-9]*");
        assertThat(lines.get(2))
                .startsWith("  data directory:")
                .endsWith(data.toAbsolutePath().normalize().toString());
        assertThat(lines.get(3)).startsWith("  database:").contains("sqlite");
        assertThat(lines).as("nothing logged before the essentials end").noneMatch(l -> l.startsWith("["));
        assertThat(lines)
                .filteredOn(l -> l.contains("[role "))
                .extracting(l -> l.replaceAll(".*\\[role ([a-z-]+),.*", "$1"))
                .contains("referrer", "link-worker", "provider", "commissioner", "admin");
    }
}
