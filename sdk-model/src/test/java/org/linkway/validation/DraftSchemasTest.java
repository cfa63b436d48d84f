package org.linkway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standards body's draft: the validator built from a copy of schemas/ with one rule changed
 * applies the draft's rule, and the bundled validator does not.
 */
@Timeout(60)
class DraftSchemasTest {

    private static final Path SCHEMAS = Path.of("../schemas");
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path draft;

    static void copySchemas(Path to) throws IOException {
        Files.createDirectories(to.resolve("json"));
        try (Stream<Path> files = Files.list(SCHEMAS.resolve("json"))) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve("json").resolve(f.getFileName()));
            }
        }
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), to), StandardCharsets.UTF_8);
    }

    private static byte[] example(String name) throws IOException {
        return Files.readAllBytes(SCHEMAS.resolve("examples/valid").resolve(name));
    }

    private MessageValidator withDraft() {
        return MessageValidator.builder().clock(TODAY).schemas(draft).build();
    }

    @Test
    void an_unchanged_copy_accepts_what_the_bundled_schemas_accept() throws IOException {
        copySchemas(draft);
        try (Stream<Path> files = Files.list(SCHEMAS.resolve("examples/valid"))) {
            for (Path f : files.sorted().toList()) {
                ValidationResult r = withDraft().validate(Files.readAllBytes(f));
                assertThat(r.findings()).as(f + ": " + r).isEmpty();
            }
        }
    }

    @Test
    void a_lowered_max_length_and_a_newly_required_section_are_the_drafts_findings() throws IOException {
        copySchemas(draft);
        Path referral = draft.resolve("json/referral.schema.json");
        // the referrer's own id: 64 characters today, 8 in the draft
        edit(referral, "\"minLength\": 1,\n      \"maxLength\": 64", "\"minLength\": 1,\n      \"maxLength\": 8");
        // About me: optional today, required in the draft
        edit(referral, "\"referralDetails\",", "\"referralDetails\",\n    \"aboutMe\",");

        MessageValidator bundled = MessageValidator.builder().clock(TODAY).build();
        byte[] full = example("referral--full-gp-loneliness.json");
        byte[] minimal = example("referral--minimal-self-referral.json");
        assertThat(bundled.validate(full).findings()).isEmpty();
        assertThat(bundled.validate(minimal).findings()).isEmpty();

        assertThat(withDraft().validate(full).findings())
                .extracting(Finding::ruleId, Finding::pointer)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("LW-MAX-LENGTH", "/referrerReferralId"));
        assertThat(withDraft().validate(minimal).findings())
                .extracting(Finding::ruleId, Finding::pointer)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("LW-REQUIRED", "/aboutMe"));
    }

    @Test
    void a_folder_without_json_is_refused_naming_it() {
        assertThatThrownBy(() -> MessageValidator.builder().schemas(draft))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(draft.resolve("json").toString());
    }

    @Test
    void a_missing_schema_file_is_refused_naming_it() throws IOException {
        copySchemas(draft);
        Files.delete(draft.resolve("json/common.schema.json"));
        assertThatThrownBy(() -> MessageValidator.builder().schemas(draft))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("common.schema.json is missing");
    }

    @Test
    void a_schema_file_that_is_not_json_is_refused_naming_it_with_line_and_column() throws IOException {
        copySchemas(draft);
        Path referral = draft.resolve("json/referral.schema.json");
        String text = Files.readString(referral, StandardCharsets.UTF_8);
        Files.writeString(referral, text.substring(0, text.length() / 2), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> MessageValidator.builder().schemas(draft))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("referral.schema.json is not well-formed JSON")
                .hasMessageContaining("line ");
    }

    @Test
    void a_keyword_the_validator_does_not_understand_is_refused_naming_the_file() throws IOException {
        copySchemas(draft);
        edit(draft.resolve("json/referral.schema.json"), "\"maxLength\": 64", "\"maxLength\": 64, \"oneOf\": []");
        assertThatThrownBy(() -> MessageValidator.builder().schemas(draft))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("referral.schema.json")
                .hasMessageContaining("oneOf");
    }
}
