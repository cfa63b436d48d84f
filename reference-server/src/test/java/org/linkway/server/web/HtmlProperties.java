package org.linkway.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Whatever a person pastes, and whatever a message carries, the pages write it as text: the
 * escaped form holds no character that could open a tag, close an attribute or start a character
 * reference of its own, and it reads back as exactly the original.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class HtmlProperties {

    @Test
    void escapedTextCannotBecomeMarkupAndReadsBackUnchanged() {
        qt().withFixedSeed(20_020L).withExamples(2_000).forAll(texts()).checkAssert(text -> {
            String escaped = Html.escape(text);
            assertThat(escaped).doesNotContain("<", ">", "\"", "'");
            assertThat(escaped.replaceAll("&(amp|lt|gt|quot|#39);", ""))
                    .as("every & starts one of the five references")
                    .doesNotContain("&");
            assertThat(unescape(escaped)).isEqualTo(text);
        });
    }

    @Test
    void knownAnswers() {
        assertThat(Html.escape("<script>alert('x')</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(Html.escape("a \"b\" & c")).isEqualTo("a &quot;b&quot; &amp; c");
        assertThat(Html.escape("&amp;")).isEqualTo("&amp;amp;");
        assertThat(Html.escape(null)).isEmpty();
        String plain = "Larkmead Medical Practice";
        assertThat(Html.escape(plain)).isSameAs(plain);
    }

    /** Mostly the characters that matter, mixed with any others, so every example has something to escape. */
    private static Gen<String> texts() {
        Gen<String> markup = Generate.pick(java.util.List.of("<", ">", "&", "\"", "'", "&amp;", "&lt;", "a", " ", "é"));
        Gen<String> any = strings().allPossible().ofLengthBetween(0, 8);
        return markup.zip(any, markup, (a, b, c) -> a + b + c)
                .zip(strings().basicLatinAlphabet().ofLengthBetween(0, 6), (a, b) -> b + a);
    }

    /** The inverse for the five references only, in one pass so "&amp;lt;" reads back as "&lt;". */
    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == '&') {
                int end = s.indexOf(';', i);
                String ref = s.substring(i, end + 1);
                out.append(
                        switch (ref) {
                            case "&amp;" -> "&";
                            case "&lt;" -> "<";
                            case "&gt;" -> ">";
                            case "&quot;" -> "\"";
                            case "&#39;" -> "'";
                            default -> throw new AssertionError("unexpected reference " + ref);
                        });
                i = end + 1;
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }
}
