package org.linkway.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Classes stay small enough to read in one sitting (issue #16): no hand-written main-code Java file
 * in any module is over {@value #MAX_LINES} lines. Generated code (under target/) and the
 * benchmarks are left out; the benchmarks are measurement harnesses, not product code.
 */
class ClassSizeTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final int MAX_LINES = 400;

    @Test
    void noMainClassIsOverFourHundredLines() throws IOException {
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(ROOT)) {
            tooLong = files.filter(ClassSizeTest::isMainCode)
                    .map(f -> {
                        long lines = lineCount(f);
                        return lines > MAX_LINES ? ROOT.relativize(f) + " (" + lines + " lines)" : null;
                    })
                    .filter(s -> s != null)
                    .sorted()
                    .toList();
        }
        assertThat(tooLong)
                .as("main-code files over %d lines; split them by responsibility", MAX_LINES)
                .isEmpty();
    }

    @Test
    void theWalkFindsTheMainSourceTrees() throws IOException {
        // guards against a walk that silently finds nothing (a wrong root) and so always passes
        try (Stream<Path> files = Files.walk(ROOT)) {
            assertThat(files.filter(ClassSizeTest::isMainCode)
                            .map(f -> ROOT.relativize(f).toString()))
                    .contains(Path.of("reference-server/src/main/java/org/linkway/server/storage/JdbcTx.java")
                            .toString());
        }
    }

    static boolean isMainCode(Path file) {
        String path = ROOT.relativize(file).toString().replace('\\', '/');
        return path.endsWith(".java")
                && path.contains("/src/main/java/")
                && !path.startsWith("benchmarks/")
                && !path.contains("/target/")
                && !path.startsWith(".")
                && Files.isRegularFile(file);
    }

    static long lineCount(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
