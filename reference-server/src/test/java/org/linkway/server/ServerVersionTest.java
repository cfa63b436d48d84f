package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --version} says what the POM says, so a release never prints the last one's number. */
class ServerVersionTest {

    @Test
    void version_is_the_projects_version_from_the_pom() {
        String expected = System.getProperty("linkway.projectVersion");
        assertThat(expected).as("surefire passes the POM's version").isNotBlank();
        StringWriter out = new StringWriter();
        int code = new CommandLine(new Main()).setOut(new PrintWriter(out)).execute("--version");

        assertThat(code).isZero();
        assertThat(out.toString().strip()).isEqualTo("linkway-server " + expected);
    }
}
