package org.linkway.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Narrative;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.model.MessageBack;
import org.linkway.model.json.LinkwayJson;
import org.linkway.validation.Finding;
import tools.jackson.databind.node.ObjectNode;

/**
 * For generated valid message backs (any section present or absent, any number of entries, text
 * with markup characters): every section with content has a narrative that is well-formed XHTML
 * with no URL and no "null", HAPI finds no errors, and the document reads back to the same message.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class MessageBackLetterProperties {

    static FhirProfileValidator hapi;

    @BeforeAll
    static void validator() {
        hapi = FhirProfileValidator.create();
    }

    @Test
    void every_section_with_content_reads_as_text_and_the_document_validates() {
        qt().withFixedSeed(20260618L)
                .withExamples(30)
                .forAll(MessageBackVariants.messageBacks())
                .checkAssert(mb -> {
                    ObjectNode tree = (ObjectNode) LinkwayJson.mapper().valueToTree(mb);
                    Bundle b = FhirExamples.BINDING.toFhir(mb);
                    for (String code : GpLetter.sectionsWithContent(tree)) {
                        Composition.SectionComponent s = GpLetter.section(b, code);
                        assertThat(s).as(code).isNotNull();
                        assertThat(s.hasText()).as(code).isTrue();
                        assertReadable(code, s.getText());
                    }
                    for (Composition.SectionComponent s :
                            GpLetter.composition(b).getSection()) {
                        assertThat(s.hasText() || s.hasEntry()).as(s.getTitle()).isTrue();
                        if (s.hasText()) {
                            assertReadable(s.getTitle(), s.getText());
                        }
                    }
                    assertReadable("Composition", GpLetter.composition(b).getText());

                    List<Finding> errors =
                            hapi.validate(b).stream().filter(Finding::isError).toList();
                    assertThat(errors).isEmpty();

                    String fhir = FhirBinding.fhirContext().newJsonParser().encodeResourceToString(b);
                    FhirReadResult<MessageBack> back = FhirExamples.BINDING.fromFhir(fhir, MessageBack.class);
                    assertThat(back.message()).as(back.toString()).contains(mb);
                });
    }

    private static void assertReadable(String where, Narrative n) {
        assertThat(n.getStatus()).as(where).isEqualTo(Narrative.NarrativeStatus.GENERATED);
        String text = GpLetter.read(n);
        assertThat(text).as(where).isNotBlank();
        assertThat(GpLetter.div(n))
                .as(where)
                .doesNotContain("http://", "https://", "urn:uuid")
                .doesNotContainPattern("\\bnull\\b");
    }
}
