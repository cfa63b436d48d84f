package org.linkway.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.linkway.schemas.compat.Releases.Version;

/**
 * The build's compatibility guard: within a major version the current schemas ({@code json/})
 * only add to every release kept in {@code compat/<version>/json/}. A breaking change fails here,
 * naming what broke and where, unless {@code compat/allowed-breaks.tsv} lists it with a reason.
 */
class SchemaCompatibilityGuardTest {

    static List<Version> releasesOfThisMajor() {
        return Releases.sameMajor();
    }

    @ParameterizedTest(name = "schemas {0} -> current")
    @MethodSource("releasesOfThisMajor")
    void the_current_schemas_only_add_to_each_release_of_their_major_version(Version release) {
        List<SchemaChange> changes =
                SchemaDiff.breakingChanges(Releases.schemas(release), SchemaSet.load(Releases.CURRENT));
        List<AllowedBreaks.Entry> allowed = AllowedBreaks.load();
        List<SchemaChange> unexplained = changes.stream()
                .filter(c -> allowed.stream().noneMatch(a -> a.matches(release.toString(), c)))
                .toList();
        assertThat(unexplained)
                .as(
                        "breaking changes since schema version %s (a new major version, or a row in %s with the reason)",
                        release, AllowedBreaks.FILE)
                .isEmpty();
    }

    /**
     * The real changes since 1.0.0 (ODS codes widened to 6, safeguarding added to the onward
     * referral) are additions; read backwards they are a narrowing and a removal, and the guard
     * sees both.
     */
    @Test
    void the_changes_made_since_1_0_0_read_backwards_are_breaking() {
        List<SchemaChange> backwards =
                SchemaDiff.breakingChanges(SchemaSet.load(Releases.CURRENT), Releases.schemas(Version.parse("1.0.0")));
        assertThat(backwards)
                .extracting(SchemaChange::kind, SchemaChange::where)
                .contains(tuple(SchemaChange.Kind.PROPERTY_REMOVED, "OnwardReferral:/safeguarding"));
        assertThat(backwards)
                .filteredOn(c -> c.kind() == SchemaChange.Kind.LENGTH_NARROWED)
                .extracting(SchemaChange::detail)
                .contains("maxLength 6 -> 5");
    }

    @Test
    void every_allowed_break_is_still_a_break() {
        List<String> stale = new ArrayList<>();
        for (AllowedBreaks.Entry a : AllowedBreaks.load()) {
            Version v = Version.parse(a.version());
            boolean found = Releases.all().contains(v)
                    && SchemaDiff.breakingChanges(Releases.schemas(v), SchemaSet.load(Releases.CURRENT)).stream()
                            .anyMatch(c -> a.matches(a.version(), c));
            if (!found) {
                stale.add(a.version() + " " + a.kind() + " " + a.where());
            }
        }
        assertThat(stale)
                .as("rows of %s that match no breaking change", AllowedBreaks.FILE)
                .isEmpty();
    }

    @Test
    void the_declared_version_has_a_release_to_compare_with_and_it_holds_schemas_and_examples() {
        assertThat(releasesOfThisMajor())
                .as("releases kept in compat/ for the current major")
                .isNotEmpty();
        for (Version v : Releases.all()) {
            assertThat(Releases.folder(v).resolve("json/common.schema.json")).exists();
            assertThat(Releases.folder(v).resolve("examples")).isDirectory();
        }
    }

    /** A released folder is never edited: its SHA256SUMS, written when it was released, must still hold. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("allReleases")
    void a_released_folder_is_unchanged(Version release) throws IOException {
        Path folder = Releases.folder(release);
        Map<String, String> recorded = new TreeMap<>();
        for (String line : Files.readAllLines(folder.resolve("SHA256SUMS"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                recorded.put(line.substring(66).strip(), line.substring(0, 64));
            }
        }
        assertThat(checksums(folder))
                .as("files of %s against its SHA256SUMS", folder)
                .isEqualTo(recorded);
    }

    static List<Version> allReleases() {
        return Releases.all();
    }

    /** {@code sha256sum}'s view of a folder: every file but SHA256SUMS, by path relative to it. */
    static Map<String, String> checksums(Path folder) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = folder.relativize(p).toString().replace('\\', '/');
                if (!name.equals("SHA256SUMS") && !name.equals("README.md")) {
                    out.put(name, sha256(Files.readAllBytes(p)));
                }
            }
        }
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
