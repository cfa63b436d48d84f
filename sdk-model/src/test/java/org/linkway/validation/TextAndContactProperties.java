package org.linkway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.testing.Gens;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whitespace-only text is as empty as "" wherever text is mandatory, and the person's e-mail
 * addresses and telephone numbers are checked for their form; each finding names the place.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TextAndContactProperties {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    /** Mandatory text in the minimal referral, by JSON pointer. */
    private static final List<String> MANDATORY_TEXT = List.of(
            "/personDemographics/name/firstNames/0",
            "/personDemographics/name/familyNames/0",
            "/referralDetails/entries/0/referrerDetails/name",
            "/referralDetails/entries/0/referrerDetails/contactDetails",
            "/risks/entries/0/risk/text");
    /** Spaces, tabs, line breaks, no-break and other Unicode spaces. */
    private static final String SPACES = " \t\n\r\u00a0\u2003\u3000";

    private static final String EMAIL = "/personDemographics/contactDetails/emailAddresses/0/address";
    private static final String TELEPHONE = "/personDemographics/contactDetails/telephoneNumbers/0/number";

    private final MessageValidator validator =
            MessageValidator.builder().clock(TODAY).build();

    @Test
    void whitespace_only_mandatory_text_is_empty() {
        qt().withFixedSeed(17_401L)
                .withExamples(500)
                .forAll(integers().between(0, MANDATORY_TEXT.size() - 1), Gens.text(SPACES, 1, 35))
                .checkAssert((i, blank) -> {
                    String pointer = MANDATORY_TEXT.get(i);
                    ValidationResult result = validator.validate(set(Fixtures.minimalReferral(), pointer, blank));
                    assertThat(result.findings())
                            .as(result.toString())
                            .extracting(Finding::ruleId, Finding::pointer, Finding::severity)
                            .containsExactly(Tuple.tuple("LW-BLANK-TEXT", pointer, Severity.ERROR));
                    assertThat(result.findings().get(0).prsbPath()).isNotEmpty();
                });
    }

    @Test
    void text_with_spaces_around_something_is_not_blank() {
        qt().withFixedSeed(17_402L)
                .withExamples(300)
                .forAll(
                        integers().between(0, 1),
                        Gens.text(SPACES, 0, 5),
                        Gens.text(Gens.range('a', 'z'), 1, 10),
                        Gens.text(SPACES, 0, 5))
                .checkAssert((i, before, word, after) -> {
                    ValidationResult result = validator.validate(
                            set(Fixtures.minimalReferral(), MANDATORY_TEXT.get(i), before + word + after));
                    assertThat(result.findings()).as(result.toString()).isEmpty();
                });
    }

    @Test
    void generated_contact_details_pass_and_a_slip_is_named_with_its_rule() {
        qt().withFixedSeed(17_403L)
                .withExamples(500)
                .forAll(
                        Gens.emailAddresses(),
                        Gens.telephoneNumbers(),
                        integers().between(0, 2))
                .checkAssert((email, phone, slip) -> {
                    ObjectNode m = Fixtures.minimalReferral();
                    ObjectNode contact = ((ObjectNode) m.get("personDemographics")).putObject("contactDetails");
                    contact.putArray("telephoneNumbers").addObject().put("number", phone);
                    contact.putArray("emailAddresses").addObject().put("address", email);
                    assertThat(validator.validate(m.toString()).findings()).isEmpty();

                    if (slip == 0) {
                        set(m, EMAIL, email.replace("@", " at "));
                    } else if (slip == 1) {
                        set(m, TELEPHONE, phone + " ext 4");
                    } else {
                        set(m, EMAIL, email.substring(0, email.indexOf('@')));
                        set(m, TELEPHONE, phone.replaceFirst("[0-9]", "O"));
                    }
                    ValidationResult result = validator.validate(m.toString());
                    List<Tuple> expected = slip == 0
                            ? List.of(Tuple.tuple("LW-EMAIL", EMAIL))
                            : slip == 1
                                    ? List.of(Tuple.tuple("LW-TELEPHONE", TELEPHONE))
                                    : List.of(Tuple.tuple("LW-TELEPHONE", TELEPHONE), Tuple.tuple("LW-EMAIL", EMAIL));
                    assertThat(result.findings())
                            .as(result.toString())
                            .extracting(Finding::ruleId, Finding::pointer)
                            .containsExactlyInAnyOrderElementsOf(expected);
                    assertThat(result.findings())
                            .allSatisfy(f -> assertThat(f.prsbPath())
                                    .startsWith("Person demographics / Person's contact details / "));
                });
    }

    private static String set(ObjectNode m, String pointer, String value) {
        int cut = pointer.lastIndexOf('/');
        var parent = m.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1);
        if (parent instanceof ObjectNode o) {
            o.put(last, value);
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(last), JsonNodeFactory.instance.stringNode(value));
        }
        return m.toString();
    }
}
