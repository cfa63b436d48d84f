package org.linkway.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every Linkway jar this module is built against, as the build packaged it, says what it is: an
 * Automatic-Module-Name of "org." plus its artifactId with dots for dashes (so module-path users
 * get a stable name, and a new module that forgets linkway.moduleName fails here), and the POM's
 * version as Implementation-Version. The examples depend on every published artifact, so after
 * {@code package} their jars are on this class path.
 */
class PublishedJarsTest {

    private static final List<String> PUBLISHED = List.of(
            "linkway-schemas",
            "linkway-sdk-model",
            "linkway-sdk-client",
            "linkway-sdk-fhir",
            "linkway-sdk-crypto",
            "linkway-reference-server",
            "linkway-conformance-tests");

    @Test
    void every_linkway_jar_names_its_module_and_version() throws IOException {
        String version = System.getProperty("linkway.projectVersion");
        List<Path> jars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(p -> p.getFileName().toString().startsWith("linkway-")
                        && p.getFileName().toString().endsWith(version + ".jar"))
                .filter(Files::isRegularFile)
                .toList();
        Assumptions.assumeTrue(
                !jars.isEmpty(),
                "the Linkway modules are on the class path as classes folders, not jars: "
                        + "run at least the package phase over the reactor (./mvnw -B verify)");

        assertThat(jars).extracting(p -> artifactId(p, version)).containsAll(PUBLISHED);
        for (Path jar : jars) {
            String artifactId = artifactId(jar, version);
            try (JarFile file = new JarFile(jar.toFile())) {
                Attributes main = file.getManifest().getMainAttributes();
                assertThat(main.getValue("Automatic-Module-Name"))
                        .as(jar.getFileName() + " Automatic-Module-Name")
                        .isEqualTo("org." + artifactId.replace('-', '.'));
                assertThat(main.getValue("Implementation-Version"))
                        .as(jar.getFileName() + " Implementation-Version")
                        .isEqualTo(version);
                assertThat(main.getValue("Implementation-Title"))
                        .as(jar.getFileName() + " Implementation-Title")
                        .startsWith("Linkway");
            }
            // what the module system itself makes of it: the named module, not one derived from the file name
            assertThat(ModuleFinder.of(jar).findAll())
                    .singleElement()
                    .satisfies(m -> assertThat(m.descriptor().name()).isEqualTo("org." + artifactId.replace('-', '.')));
        }
    }

    private static String artifactId(Path jar, String version) {
        String name = jar.getFileName().toString();
        return name.substring(0, name.length() - ("-" + version + ".jar").length());
    }
}
