package org.linkway.fhir;

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
 * The committed MAPPING.md and golden FHIR files are what the binding produces today; with
 * {@code -Dlinkway.regenerate=true} the test writes them instead (then review the diff by eye).
 */
class FhirGeneratedFilesTest {

    @Test
    void mapping_and_golden_files_match_the_binding() throws IOException {
        Map<String, String> files = FhirDocs.files();
        assertThat(files).containsKey(FhirDocs.MAPPING);
        assertThat(files.keySet().stream().filter(k -> k.startsWith(FhirDocs.GOLDEN_DIR)))
                .hasSizeGreaterThanOrEqualTo(5);
        boolean regenerate = Boolean.getBoolean("linkway.regenerate");
        List<String> stale = new ArrayList<>();
        for (var f : files.entrySet()) {
            Path path = Path.of(f.getKey());
            if (regenerate) {
                Files.createDirectories(path.getParent());
                Files.writeString(path, f.getValue(), StandardCharsets.UTF_8);
            } else if (!Files.exists(path)
                    || !Files.readString(path, StandardCharsets.UTF_8).equals(f.getValue())) {
                stale.add(f.getKey());
            }
        }
        assertThat(stale)
                .as("generated FHIR files are out of date; run %s and commit the result", FhirDocs.REGENERATE)
                .isEmpty();
    }
}
