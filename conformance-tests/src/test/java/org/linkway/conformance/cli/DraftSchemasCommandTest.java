package org.linkway.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standards body tries a draft: {@code validate --schemas DIR} and {@code coverage --schemas DIR}
 * read the schemas from a copy of schemas/ with rules changed, with no Java build.
 */
class DraftSchemasCommandTest {

    private static final String FULL = "../schemas/examples/valid/referral--full-gp-loneliness.json";
    private static final String MINIMAL = "../schemas/examples/valid/referral--minimal-self-referral.json";

    @TempDir
    Path draft;

    private void copySchemas() throws IOException {
        Files.createDirectories(draft.resolve("json"));
        try (Stream<Path> files = Files.list(Path.of("../schemas/json"))) {
            for (Path f : files.toList()) {
                Files.copy(f, draft.resolve("json").resolve(f.getFileName()));
            }
        }
    }

    private void edit(String file, String from, String to) throws IOException {
        Path p = draft.resolve("json").resolve(file);
        String text = Files.readString(p, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(p, text.replaceFirst(Pattern.quote(from), to), StandardCharsets.UTF_8);
    }

    @Test
    void validate_reports_the_drafts_rules_on_messages_the_built_in_schemas_accept() throws IOException {
        copySchemas();
        // the referrer's own id: at most 64 characters today, 8 in the draft; About me becomes required
        edit(
                "referral.schema.json",
                "\"minLength\": 1,\n      \"maxLength\": 64",
                "\"minLength\": 1,\n      \"maxLength\": 8");
        edit("referral.schema.json", "\"referralDetails\",", "\"referralDetails\",\n    \"aboutMe\",");

        assertThat(RunCommandTest.run("validate", FULL, MINIMAL).code()).isZero();

        RunCommandTest.Result r = RunCommandTest.run("validate", "--schemas", draft.toString(), FULL, MINIMAL);
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(LinkwayKit.NOT_CONFORMANT);
        assertThat(r.out())
                .contains("ERROR LW-MAX-LENGTH /referrerReferralId")
                .contains("ERROR LW-REQUIRED /aboutMe (About me)")
                .contains("2 file(s), 2 invalid");

        RunCommandTest.Result json =
                RunCommandTest.run("validate", "--schemas", draft.toString(), "--format", "json", MINIMAL);
        assertThat(json.out()).contains("\"ruleId\" : \"LW-REQUIRED\"").contains("\"pointer\" : \"/aboutMe\"");
    }

    @Test
    void coverage_reflects_the_draft() throws IOException {
        copySchemas();
        edit(
                "prsb-sections.schema.json",
                "\"x-prsb\": \"About me / Location to multimedia file\"",
                "\"x-linkway\": \"draft: no longer a PRSB element here\"");
        assertThat(RunCommandTest.run("coverage").out()).doesNotContain("not in the schemas:");

        RunCommandTest.Result r = RunCommandTest.run("coverage", "--schemas", draft.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("PRSB elements: 355; in the schemas: 354 ")
                .contains("not in the schemas: About me / Location to multimedia file");
        assertThat(RunCommandTest.run("coverage", "--schemas", draft.toString(), "--format", "markdown")
                        .out())
                .contains("About me / Location to multimedia file");
    }

    @Test
    void a_missing_or_malformed_schema_directory_is_a_usage_error_naming_the_file() throws IOException {
        RunCommandTest.Result none = RunCommandTest.run("validate", "--schemas", draft.toString(), FULL);
        assertThat(none.code()).isEqualTo(LinkwayKit.USAGE);
        assertThat(none.err()).contains("--schemas: " + draft.resolve("json") + " is not a directory");
        assertThat(RunCommandTest.run("coverage", "--schemas", draft.toString()).code())
                .isEqualTo(LinkwayKit.USAGE);

        copySchemas();
        Path common = draft.resolve("json/common.schema.json");
        String text = Files.readString(common, StandardCharsets.UTF_8);
        Files.writeString(common, text.substring(0, text.length() / 2), StandardCharsets.UTF_8);
        for (String command : new String[] {"validate", "coverage"}) {
            RunCommandTest.Result r = command.equals("validate")
                    ? RunCommandTest.run(command, "--schemas", draft.toString(), FULL)
                    : RunCommandTest.run(command, "--schemas", draft.toString());
            assertThat(r.code()).as(command).isEqualTo(LinkwayKit.USAGE);
            assertThat(r.err())
                    .as(command)
                    .contains(common + " is not well-formed JSON")
                    .contains("line ");
        }

        Files.delete(common);
        RunCommandTest.Result missing = RunCommandTest.run("validate", "--schemas", draft.toString(), FULL);
        assertThat(missing.code()).isEqualTo(LinkwayKit.USAGE);
        assertThat(missing.err()).contains("common.schema.json is missing");
    }
}
