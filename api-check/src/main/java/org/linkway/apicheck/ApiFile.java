package org.linkway.apicheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The checked-in API snapshot of one artifact ({@code api/<artifactId>.api} in its module) and
 * its comparison with the API the build just compiled.
 */
public final class ApiFile {

    /** Set on the Maven command line to rewrite the file from the compiled classes. */
    public static final String REGENERATE = "linkway.regenerate";

    /** Rewrites every published artifact's file at once (compiles the reactor, runs only these tests). */
    public static final String REGENERATE_COMMAND =
            "./mvnw -B -o test -Dtest=PublicApiTest -Dsurefire.failIfNoSpecifiedTests=false -Dlinkway.regenerate=true";

    private final Path file;
    private final String artifactId;

    private ApiFile(Path file, String artifactId) {
        this.file = file;
        this.artifactId = artifactId;
    }

    /** The file of {@code artifactId} in the module at {@code moduleDir}. */
    public static ApiFile in(Path moduleDir, String artifactId) {
        return new ApiFile(moduleDir.resolve("api").resolve(artifactId + ".api"), artifactId);
    }

    public Path path() {
        return file;
    }

    /** The command that rewrites this file, as the failure message prints it. */
    public String regenerateCommand() {
        return REGENERATE_COMMAND;
    }

    List<String> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(List<String> lines) {
        StringBuilder out = new StringBuilder();
        out.append("# The public API of ")
                .append(artifactId)
                .append(": every public or protected class, constructor,\n")
                .append(
                        "# method and field outside internal packages, one per line. The build fails when the compiled\n")
                .append("# API differs from this file. After a deliberate change, regenerate it with\n")
                .append("#   ")
                .append(regenerateCommand())
                .append("\n")
                .append(
                        "# and record any removal or change under \"Breaking\" in docs/CHANGELOG.md (docs/COMPATIBILITY.md).\n");
        for (String line : lines) {
            out.append(line).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compares {@code current} with the file, or rewrites the file from it when {@code regenerate}.
     *
     * @return the difference, empty when they agree (or after a rewrite)
     */
    public Difference check(List<String> current, boolean regenerate) {
        List<String> recorded = read();
        if (regenerate) {
            Difference accepted = compare(recorded, current, false);
            write(current);
            if (!accepted.removed().isEmpty() || !accepted.added().isEmpty()) {
                // say what was accepted, so a regeneration run for another file cannot hide an API change
                System.out.println("Rewrote " + file + ": " + accepted.removed().size()
                        + " line(s) removed or changed (breaking), "
                        + accepted.added().size() + " added.");
            }
            return new Difference(List.of(), List.of(), false);
        }
        return compare(recorded, current, !Files.exists(file));
    }

    private static Difference compare(List<String> recorded, List<String> current, boolean fileMissing) {
        Set<String> before = new LinkedHashSet<>(recorded);
        Set<String> now = new LinkedHashSet<>(current);
        List<String> removed = new ArrayList<>();
        for (String line : recorded) {
            if (!now.contains(line)) {
                removed.add(line);
            }
        }
        List<String> added = new ArrayList<>();
        for (String line : current) {
            if (!before.contains(line)) {
                added.add(line);
            }
        }
        return new Difference(removed, added, fileMissing);
    }

    /** Lines only in the file (removed or changed: breaking) and lines only in the build (added). */
    public record Difference(List<String> removed, List<String> added, boolean fileMissing) {

        public boolean isEmpty() {
            return removed.isEmpty() && added.isEmpty() && !fileMissing;
        }

        /** A report that says first what would break a user, then what is new. */
        public String describe(ApiFile apiFile) {
            StringBuilder out = new StringBuilder();
            if (fileMissing) {
                out.append(apiFile.path()).append(" does not exist yet.\n");
            } else {
                out.append("The public API differs from ")
                        .append(apiFile.path())
                        .append(".\n");
            }
            if (!removed.isEmpty()) {
                out.append("\nBREAKING: removed or changed (")
                        .append(removed.size())
                        .append("; a changed signature shows here and again under added):\n");
                removed.forEach(l -> out.append("  - ").append(l).append('\n'));
            }
            if (!added.isEmpty()) {
                out.append("\nAdded (").append(added.size()).append("):\n");
                added.forEach(l -> out.append("  + ").append(l).append('\n'));
            }
            out.append("\nIf the change is deliberate, regenerate the file and commit it:\n  ")
                    .append(apiFile.regenerateCommand())
                    .append('\n');
            if (!removed.isEmpty()) {
                out.append("and add an entry under \"Breaking\" in docs/CHANGELOG.md (see docs/COMPATIBILITY.md).\n");
            }
            return out.toString();
        }
    }
}
