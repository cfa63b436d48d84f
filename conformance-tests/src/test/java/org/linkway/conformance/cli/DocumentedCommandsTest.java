package org.linkway.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.linkway.conformance.DevAdmin;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;

/**
 * The {@code run} commands docs/CONFORMANCE.md gives work as written: each is taken from the
 * page's {@code sh} blocks, the reference server's URL and development tokens put in for the
 * documented ones, and run through the CLI's entry point; each must exit 0 as the page says.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class DocumentedCommandsTest {

    static final String JAR = "java -jar conformance-tests/target/linkway-conformance.jar ";

    @RegisterExtension
    static final LinkwayTestServer server = LinkwayTestServer.sqlite();

    @TempDir
    Path reports;

    @Test
    void the_documented_run_commands_exit_0() throws IOException {
        List<List<String>> commands = commands(Files.readString(docs().resolve("CONFORMANCE.md")));
        assertThat(commands).as("run commands in docs/CONFORMANCE.md").hasSizeGreaterThanOrEqualTo(2);
        String url = "http://127.0.0.1:" + server.port();
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>();
            for (String a : command) {
                args.add(a.replace("http://127.0.0.1:8080", url)
                        .replace("$LINKWAY_TOKEN", DevAdmin.token(server.server()))
                        .replace("$LINKWAY_PROVIDER_TOKEN", server.token(Role.PROVIDER))
                        .replace("$LINK_WORKER_TOKEN", DevAdmin.token(server.server()))
                        .replace(
                                "$GP_PRACTICE_TOKEN",
                                DevAdmin.mint(server.server(), Role.REFERRER, DevAdmin.GP_PRACTICE))
                        .replace("$REFERRER_TOKEN", DevAdmin.mint(server.server(), Role.REFERRER, DevAdmin.REFERRER))
                        .replace(
                                "$OTHER_PRACTICE_TOKEN",
                                DevAdmin.mint(server.server(), Role.REFERRER, DevAdmin.OTHER_ORG))
                        .replace("build/conformance", reports.toString()));
            }
            assertThat(String.join(" ", args)).doesNotContain("$");
            RunCommandTest.Result r = RunCommandTest.run(args.toArray(String[]::new));
            assertThat(r.code()).as(command + "\n" + r.out() + r.err()).isZero();
        }
    }

    /**
     * The documented {@code receive} command works as written: started with its port and token
     * swapped for a free port and a test token, it judges a GP system written with the SDK client
     * (which sends a referral and fetches its message back) and exits 0.
     */
    @Test
    void the_documented_receive_command_exits_0_for_a_well_behaved_sender() throws Exception {
        List<List<String>> commands = commands(Files.readString(docs().resolve("CONFORMANCE.md")), "receive ");
        assertThat(commands).as("receive commands in docs/CONFORMANCE.md").hasSize(1);
        int port = Senders.freePort();
        String token = "documented-sender-token";
        List<String> args = new ArrayList<>();
        for (String a : commands.get(0)) {
            args.add(a.replace("8090", String.valueOf(port))
                    .replace("$SENDER_TOKEN", token)
                    .replace("build/sender-conformance", reports.toString()));
        }
        assertThat(String.join(" ", args)).doesNotContain("$").contains("--port " + port);
        CompletableFuture<RunCommandTest.Result> kit = Senders.receive(args.toArray(String[]::new));
        Senders.awaitListening(port);
        Senders.sdkSender(port, token);
        RunCommandTest.Result r = kit.get(2, TimeUnit.MINUTES);
        assertThat(r.code()).as(args + "\n" + r.out() + r.err()).isZero();
        assertThat(reports.resolve("linkway-conformance.json")).exists();
    }

    /** The kit's run commands in the page's sh blocks, continuation lines joined, quotes removed. */
    static List<List<String>> commands(String markdown) {
        return commands(markdown, "run ");
    }

    /** The kit's commands of one kind ({@code "run "}, {@code "receive "}) in the page's sh blocks. */
    static List<List<String>> commands(String markdown, String command) {
        List<List<String>> found = new ArrayList<>();
        boolean inSh = false;
        StringBuilder line = new StringBuilder();
        for (String raw : markdown.split("\n", -1)) {
            if (raw.startsWith("```")) {
                inSh = raw.equals("```sh");
                continue;
            }
            if (!inSh) {
                continue;
            }
            String t = raw.strip();
            if (t.endsWith("\\")) {
                line.append(t, 0, t.length() - 1).append(' ');
                continue;
            }
            line.append(t);
            String full = line.toString().strip();
            line.setLength(0);
            if (full.startsWith(JAR + command)) {
                List<String> args = new ArrayList<>();
                for (String a : full.substring(JAR.length()).split("\\s+")) {
                    args.add(a.replace("\"", ""));
                }
                found.add(args);
            }
        }
        return found;
    }

    static Path docs() {
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !Files.isDirectory(here.resolve("docs"))) {
            here = here.getParent();
        }
        assertThat(here).as("the docs directory above the module").isNotNull();
        return here.resolve("docs");
    }
}
