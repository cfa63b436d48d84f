package org.linkway.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Narrative;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Narratives are built as XHTML nodes rather than parsed from markup (for speed); the nodes must be
 * exactly what HAPI's parser makes of the markup the binding used to write.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NarrativeNodesProperties {

    private static final String OPEN = "<div xmlns=\"http://www.w3.org/1999/xhtml\">";

    private static final List<String> TEXTS = List.of(
            "Feels isolated since moving",
            "a & b < c > d \"quoted\" 'single'",
            "two  spaces and\ttab",
            "line one\nline two",
            "carriage\r\nreturn",
            " leading and trailing ",
            "ünïcödé — dash, emoji 🙂",
            "&amp; already escaped",
            "x",
            "bell\u0007char");

    @Test
    void builtNarrativesEqualParsedOnes() {
        TEXTS.forEach(this::check);
    }

    @Test
    void builtNarrativesEqualParsedOnesForAnyText() {
        qt().withFixedSeed(2_207L)
                .withExamples(300)
                .forAll(strings().allPossible().ofLengthBetween(1, 30))
                .checkAssert(this::check);
        qt().withFixedSeed(2_208L)
                .withExamples(300)
                .forAll(strings().basicLatinAlphabet().ofLengthBetween(1, 30))
                .checkAssert(this::check);
    }

    private void check(String text) {
        assertThat(Narratives.exactNarrative(text).getDivAsString())
                .as("exact narrative of %s", text)
                .isEqualTo(parsed(OPEN + escapeBasic(text) + "</div>"));
        assertThat(Narratives.narrative(text).getDivAsString())
                .isEqualTo(parsed(OPEN + "<p>" + escapeBasic(text) + "</p></div>"));
        String built = new Xhtml()
                .p(text)
                .p("Lead:", text)
                .list(List.of(text, "second " + text))
                .narrative()
                .getDivAsString();
        String markup = OPEN
                + (text.isBlank() ? "" : "<p>" + Xhtml.escape(text.strip()) + "</p>")
                + (text.isBlank() ? "" : "<p><b>Lead:</b> " + Xhtml.escape(text.strip()) + "</p>")
                + "<ul>" + (text.isBlank() ? "" : "<li>" + Xhtml.escape(text.strip()) + "</li>")
                + "<li>" + Xhtml.escape(("second " + text).strip()) + "</li></ul></div>";
        assertThat(built).as("generated narrative of %s", text).isEqualTo(parsed(markup));
    }

    private static String parsed(String markup) {
        Narrative n = new Narrative();
        n.setDivAsString(markup);
        return n.getDivAsString();
    }

    private static String escapeBasic(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
