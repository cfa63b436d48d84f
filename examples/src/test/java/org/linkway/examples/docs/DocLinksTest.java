package org.linkway.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every relative link in the project's Markdown points at a file or folder that exists. */
class DocLinksTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** [text](target): the target up to a space or the closing parenthesis. */
    static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    static final Pattern FENCED = Pattern.compile("```.*?```", Pattern.DOTALL);

    static List<String> brokenLinks(Path markdown) throws IOException {
        String text = FENCED.matcher(Files.readString(markdown)).replaceAll(""); // code is not a link
        List<String> broken = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            String target = m.group(1);
            if (target.startsWith("#") || target.matches("^[a-zA-Z][a-zA-Z+.-]*:.*")) {
                continue; // an anchor in the same page, or an absolute URL (http:, mailto:)
            }
            String file = target.replaceFirst("#.*$", "");
            if (!Files.exists(markdown.getParent().resolve(file).normalize())) {
                broken.add(ROOT.relativize(markdown) + " -> " + target);
            }
        }
        return broken;
    }

    @Test
    void relative_links_in_the_readmes_and_docs_resolve() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(
                ROOT.resolve("README.md"), ROOT.resolve("CONTRIBUTING.md"), ROOT.resolve("examples/README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
        }
        assertThat(pages).contains(ROOT.resolve("docs/ARCHITECTURE.md"), ROOT.resolve("docs/API.md"));
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            broken.addAll(brokenLinks(page));
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void a_missing_target_is_reported_and_urls_anchors_and_code_are_not(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("page.md");
        Files.writeString(dir.resolve("there.md"), "x");
        Files.writeString(
                page,
                "[a](there.md) [b](there.md#part) [c](#top) [d](https://example.org/x) [e](missing.md)\n"
                        + "```\n[f](also-missing.md)\n```\n");
        assertThat(brokenLinks(page)).hasSize(1).allMatch(s -> s.endsWith("-> missing.md"));
    }
}
