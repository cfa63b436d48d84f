package org.linkway.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkway.model.Referral;
import org.linkway.model.json.LinkwayJson;

/** Exit codes are part of the kit's contract: 0 conforms, 1 does not, 2 usage error. Never a count. */
class ValidateCommandTest {

    @TempDir
    Path dir;

    @Test
    void the_shipped_examples_validate_as_their_names_say() {
        assertThat(run("validate", "--expect-from-names", "../schemas/examples").code)
                .isZero();
    }

    @Test
    void an_invalid_file_exits_1_and_prints_the_rule_and_the_prsb_element() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), "{\"resourceType\": \"Referral\"}");
        Result r = run("validate", file.toString());
        assertThat(r.code).isEqualTo(1);
        assertThat(r.out).contains("INVALID").contains("LW-REQUIRED").contains("(Person demographics)");
    }

    @Test
    void many_invalid_files_still_exit_1_not_a_count() throws IOException {
        for (int i = 0; i < 3; i++) {
            Files.writeString(dir.resolve("bad" + i + ".json"), "not json");
        }
        assertThat(run("validate", dir.toString()).code).isEqualTo(1);
    }

    @Test
    void json_output_is_machine_readable() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), "[]");
        Result r = run("validate", "--format", "json", file.toString());
        assertThat(r.code).isEqualTo(1);
        assertThat(r.out).contains("\"ruleId\"").contains("LW-INPUT-NOT-OBJECT").contains("\"valid\"");
    }

    @Test
    void fhir_json_is_detected_and_read_through_the_fhir_binding() throws IOException {
        Result golden = run("validate", "../schemas/fhir/examples/referral--full-gp-loneliness.fhir-message.json");
        assertThat(golden.code).as(golden.out + golden.err).isZero();
        assertThat(golden.out).contains("FHIR R4 valid");

        Path fhir = Files.writeString(
                dir.resolve("service-request.json"), "{\"resourceType\":\"ServiceRequest\",\"status\":\"active\"}");
        Result r = run("validate", "--format", "json", fhir.toString());
        assertThat(r.code).isEqualTo(1);
        assertThat(r.out).contains("\"format\" : \"fhir\"").contains("LW-FHIR");
        // Linkway's own Consent shares the name with FHIR's, and is still validated as Linkway JSON
        Result linkway = run("validate", "../schemas/examples/valid/consent--withdrawn.json");
        assertThat(linkway.code).isZero();
        assertThat(linkway.out).contains(": valid");
    }

    @Test
    void a_truncated_fhir_file_gets_a_parse_finding_with_line_and_column() throws IOException {
        String golden = Files.readString(Path.of("../schemas/fhir/examples/referral--full-gp-loneliness.fhir.json"));
        Path cut = Files.writeString(dir.resolve("truncated.fhir.json"), golden.substring(0, golden.length() / 2));
        Result r = run("validate", cut.toString());
        assertThat(r.code).isEqualTo(1);
        assertThat(r.out)
                .contains("FHIR R4 INVALID")
                .contains("LW-FHIR-MALFORMED")
                .containsPattern("at line \\d+, column \\d+")
                .doesNotContain("LW-MESSAGE-TYPE");
    }

    @Test
    void the_kit_writes_exactly_the_committed_golden_fhir() throws IOException {
        // the JSON path (the kit) and the typed SDK (which wrote the golden files) agree to the byte
        for (String name : new String[] {
            "message-back--completed-with-outcomes", "care-plan--goals-and-actions", "assessment--swemwbs-review"
        }) {
            Result r = run("convert", "--to", "fhir", "../schemas/examples/valid/" + name + ".json");
            assertThat(r.code).as(r.err).isZero();
            assertThat(r.out)
                    .as(name)
                    .isEqualTo(Files.readString(Path.of("../schemas/fhir/examples/" + name + ".fhir.json")));
        }
    }

    @Test
    void convert_goes_to_fhir_and_back_to_the_same_message() throws IOException {
        Path source = Path.of("../schemas/examples/valid/referral--full-gp-loneliness.json");
        Result toFhir = run("convert", "--to", "fhir", "--form", "message", source.toString());
        assertThat(toFhir.code).as(toFhir.err).isZero();
        assertThat(toFhir.out).contains("\"resourceType\"").contains("MessageHeader");
        Path fhir = Files.writeString(dir.resolve("referral.fhir.json"), toFhir.out);
        Result back = run("convert", "--to", "linkway", fhir.toString());
        assertThat(back.code).as(back.err).isZero();
        // compared as messages: the JSON number 8 and 8.0 are the same value
        var mapper = LinkwayJson.mapper();
        assertThat(mapper.readValue(back.out, Referral.class))
                .isEqualTo(mapper.readValue(Files.readAllBytes(source), Referral.class));

        Path invalid = Path.of("../schemas/examples/invalid")
                .toFile()
                .listFiles((d, n) -> n.startsWith("LW-NHS-NUMBER"))[0]
                .toPath();
        Result refused = run("convert", "--to", "fhir", invalid.toString());
        assertThat(refused.code).isEqualTo(1);
        assertThat(refused.err).contains("LW-NHS-NUMBER").contains("not converted");
        assertThat(refused.out).isEmpty();
        assertThat(run("convert", "--to", "xml", source.toString()).code).isEqualTo(2);
        assertThat(run("convert", "--to", "fhir", dir.resolve("missing.json").toString()).code)
                .isEqualTo(2);
    }

    @Test
    void usage_errors_exit_2() {
        assertThat(run("validate", dir.resolve("missing.json").toString()).code).isEqualTo(2);
        assertThat(run("validate").code).isEqualTo(2);
        assertThat(run("validate", "--format", "xml", dir.toString()).code).isEqualTo(2);
        assertThat(run("no-such-command").code).isEqualTo(2);
    }

    @Test
    void expectations_from_names_catch_a_file_that_does_not_break_its_rule() throws IOException {
        Files.writeString(dir.resolve("LW-NHS-NUMBER--should-fail.referral.json"), "{}");
        Result r = run("validate", "--expect-from-names", dir.toString());
        assertThat(r.code).isEqualTo(1);
        assertThat(r.out).contains("NOT AS EXPECTED");
    }

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
                PrintStream captureErr = new PrintStream(errors, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(captureErr);
            int code = LinkwayKit.run(args);
            return new Result(code, buffer.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
