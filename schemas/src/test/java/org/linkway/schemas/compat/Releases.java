package org.linkway.schemas.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The released schema versions kept in {@code compat/<version>/} ({@code json/}: the schemas as
 * released; {@code examples/}: their valid messages), and the version the current schemas declare.
 */
final class Releases {

    static final Path COMPAT = Path.of("compat");
    static final Path CURRENT = Path.of("json");

    record Version(int major, int minor, int patch) implements Comparable<Version> {
        static Version parse(String s) {
            String[] p = s.split("\\.");
            if (p.length != 3) {
                throw new IllegalArgumentException("not MAJOR.MINOR.PATCH: " + s);
            }
            return new Version(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
        }

        @Override
        public int compareTo(Version o) {
            return Comparator.comparingInt(Version::major)
                    .thenComparingInt(Version::minor)
                    .thenComparingInt(Version::patch)
                    .compare(this, o);
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + patch;
        }
    }

    private Releases() {}

    /** Every released version with a folder, oldest first. */
    static List<Version> all() {
        List<Version> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(COMPAT)) {
            dirs.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("[0-9]+\\.[0-9]+\\.[0-9]+"))
                    .map(Version::parse)
                    .sorted()
                    .forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The version the current schemas declare: the default of common.schema.json's SchemaVersion. */
    static Version current() {
        try {
            var common = SchemaSet.MAPPER.readTree(
                    Files.readString(CURRENT.resolve("common.schema.json"), StandardCharsets.UTF_8));
            return Version.parse(common.at("/$defs/SchemaVersion/default").asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The releases the current schemas must stay compatible with: the same major, not newer. */
    static List<Version> sameMajor() {
        Version now = current();
        return all().stream()
                .filter(v -> v.major() == now.major() && v.compareTo(now) <= 0)
                .toList();
    }

    static Path folder(Version v) {
        return COMPAT.resolve(v.toString());
    }

    static SchemaSet schemas(Version v) {
        return SchemaSet.load(folder(v).resolve("json"));
    }
}
