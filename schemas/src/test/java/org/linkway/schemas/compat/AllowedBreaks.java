package org.linkway.schemas.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code compat/allowed-breaks.tsv}: breaking changes made on purpose within a major version, each
 * with its reason (before 1.0 GA only; see COMPATIBILITY.md). A row names the release it breaks,
 * the change's kind and where, exactly as the guard prints them.
 */
final class AllowedBreaks {

    static final Path FILE = Releases.COMPAT.resolve("allowed-breaks.tsv");

    record Entry(String version, SchemaChange.Kind kind, String where, String reason) {
        boolean matches(String release, SchemaChange c) {
            return version.equals(release) && kind == c.kind() && where.equals(c.where());
        }
    }

    private AllowedBreaks() {}

    static List<Entry> load() {
        List<Entry> out = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean header = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 4 || f[3].isBlank()) {
                throw new IllegalStateException(
                        FILE + " line " + (i + 1) + ": expected version, kind, where and a reason, tab-separated");
            }
            out.add(new Entry(f[0].strip(), SchemaChange.Kind.valueOf(f[1].strip()), f[2].strip(), f[3].strip()));
        }
        return out;
    }
}
