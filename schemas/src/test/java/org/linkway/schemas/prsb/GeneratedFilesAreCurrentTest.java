package org.linkway.schemas.prsb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed generated files (schemas and PRSB-COVERAGE.md) are what the generator writes today.
 * With {@code -Dlinkway.regenerate=true} the test writes them instead (then review the diff).
 */
class GeneratedFilesAreCurrentTest {

    @Test
    void everyGeneratedFileMatchesTheFileOnDisk() throws IOException {
        Map<String, String> generated = Regenerate.files(Path.of("."));
        assertThat(generated)
                .containsKeys(
                        Regenerate.SECTIONS_FILE,
                        "json/referral.schema.json",
                        "json/message-back.schema.json",
                        CoverageReport.FILE);

        if (Boolean.getBoolean("linkway.regenerate")) {
            for (Map.Entry<String, String> f : generated.entrySet()) {
                Files.writeString(Path.of(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            }
        }
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> f : generated.entrySet()) {
            Path onDisk = Path.of(f.getKey());
            if (!Files.exists(onDisk)) {
                stale.add(f.getKey() + ": missing");
                continue;
            }
            String actual = Files.readString(onDisk, StandardCharsets.UTF_8);
            if (!actual.equals(f.getValue())) {
                stale.add(f.getKey() + ": " + firstDifference(f.getValue(), actual));
            }
        }
        assertThat(stale)
                .as("generated files are out of date; run %s and commit the result", CoverageReport.REGENERATE)
                .isEmpty();
    }

    private static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? e[i] : "<end of file>";
            String al = i < a.length ? a[i] : "<end of file>";
            if (!el.equals(al)) {
                return "line " + (i + 1) + " should be [" + abbreviate(el) + "] but is [" + abbreviate(al) + "]";
            }
        }
        return "differs";
    }

    private static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 157) + "...";
    }
}
