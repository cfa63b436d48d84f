package org.linkway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.linkway.model.MessageType;

/**
 * Messages valid under an earlier schema version of the same major version stay valid: the
 * released examples of every such version ({@code schemas/compat/<version>/examples}) are checked
 * with today's validator. An unknown-property finding fails too, whatever its severity: it means
 * a property the release had is gone or renamed. The schemas themselves are compared structurally
 * by the schemas module's {@code SchemaCompatibilityGuardTest}, which sees what this corpus does
 * not exercise.
 */
class SchemaCompatibilityTest {

    static final Path COMPAT = Path.of("../schemas/compat");
    static final MessageValidator validator = MessageValidator.create();

    static Stream<Path> releasedMessages() throws IOException {
        try (Stream<Path> files = Files.walk(COMPAT)) {
            return files
                    .filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> p.getParent().getFileName().toString().equals("examples"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    private static String versionOf(Path example) {
        return example.getParent().getParent().getFileName().toString();
    }

    @ParameterizedTest
    @MethodSource("releasedMessages")
    void a_message_valid_in_an_earlier_minor_version_is_still_valid(Path file) throws IOException {
        String version = versionOf(file);
        String currentMajor = MessageType.SCHEMA_VERSION.substring(0, MessageType.SCHEMA_VERSION.indexOf('.'));
        if (!version.startsWith(currentMajor + ".")) {
            return; // a new major version may break old messages, by definition
        }
        ValidationResult result = validator.validate(Files.readAllBytes(file));
        assertThat(result.errors().stream().filter(f -> !documentedCorrection(f)))
                .as(file.toString())
                .isEmpty();
        assertThat(result.findings())
                .as("%s: properties of schema %s this reader no longer knows (removed or renamed)", file, version)
                .noneMatch(f -> f.ruleId().equals(Rule.UNKNOWN_PROPERTY.id()));
    }

    /**
     * Errors the released corpus may show because the message broke the standard all along and a
     * later validator says so. Each is in docs/CHANGELOG.md and docs/COMPATIBILITY.md; nothing else
     * may turn a released message invalid.
     */
    private static boolean documentedCorrection(Finding f) {
        // #17: PRSB codes goal status in SNOMED CT; the 1.0.0 examples used HL7 goal-achievement
        return (f.ruleId().equals(Rule.CODE_SYSTEM.id()) || f.ruleId().equals(Rule.SNOMED_CONCEPT_ID.id()))
                && f.prsbPath().endsWith(" / Goal status");
    }

    @Test
    void the_current_version_has_a_released_corpus_to_compare_against() throws IOException {
        assertThat(releasedMessages().map(SchemaCompatibilityTest::versionOf)).contains("1.0.0");
        assertThat(releasedMessages()).hasSizeGreaterThanOrEqualTo(10);
    }
}
