package org.linkway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example messages in {@code schemas/examples} validate exactly as their names say: every
 * valid one has no findings at all, every invalid one breaks the rule it is named after and no other.
 */
class ExampleMessagesTest {

    static final Path EXAMPLES = Path.of("../schemas/examples");
    /** Pinned so that "in the future" means the same thing every year the suite runs. */
    static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    private final MessageValidator validator =
            MessageValidator.builder().clock(TODAY).build();

    static Stream<Path> valid() throws IOException {
        return list("valid");
    }

    static Stream<Path> invalid() throws IOException {
        return list("invalid");
    }

    private static Stream<Path> list(String dir) throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES.resolve(dir))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().collect(Collectors.toList()).stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void valid_examples_have_no_findings(Path file) throws IOException {
        ValidationResult result = validator.validate(Files.readAllBytes(file));
        assertThat(result.findings()).as(result.toString()).isEmpty();
        assertThat(file.getFileName().toString())
                .startsWith(kebab(result.messageType().orElseThrow()) + "--");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalid_examples_break_exactly_the_rule_they_are_named_after(Path file) throws IOException {
        String name = file.getFileName().toString();
        String rule = name.substring(0, name.indexOf("--"));
        assertThat(Rule.byId(rule)).as("%s names a rule in the catalogue", name).isPresent();

        ValidationResult result = validator.validate(Files.readAllBytes(file));

        Set<String> broken = result.findings().stream().map(Finding::ruleId).collect(Collectors.toSet());
        assertThat(broken).as(result.toString()).containsExactly(rule);
        // an "invalid" example must be refused, not merely warned about: the kit's exit code is 1
        assertThat(result.isValid()).as("%s is refused: %s", name, result).isFalse();
    }

    @Test
    void every_rule_a_message_can_break_has_an_invalid_example() throws IOException {
        Set<String> exemplified = invalid()
                .map(p -> p.getFileName().toString())
                .map(n -> n.substring(0, n.indexOf("--")))
                .collect(Collectors.toSet());
        // rules about the input's size or the validator itself are exercised in MessageValidatorTest instead
        Set<Rule> notAsFiles = EnumSet.of(
                Rule.INPUT_TOO_LARGE,
                Rule.INPUT_TOO_DEEP,
                Rule.INPUT_UNREADABLE,
                Rule.SCHEMA_OTHER,
                Rule.TOO_MANY_FINDINGS,
                Rule.INTERNAL_ERROR,
                // only with a TerminologyService that cannot answer: TerminologyServiceTest
                Rule.CODE_UNCHECKED);
        for (Rule r : Rule.values()) {
            // the FHIR reader's rules are about FHIR input; FhirReadTest breaks each of them
            if (!notAsFiles.contains(r) && !r.id().startsWith("LW-FHIR-")) {
                assertThat(exemplified)
                        .as("an example in schemas/examples/invalid named %s--*.json", r.id())
                        .contains(r.id());
            }
        }
    }

    private static String kebab(String resourceType) {
        return resourceType.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
